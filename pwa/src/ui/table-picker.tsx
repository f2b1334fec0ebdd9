import { useEffect, useState } from "preact/hooks";
import { loadMyTables, type MyTable } from "../api/tables.ts";
import { useAppState } from "../app-context.ts";
import { t } from "../i18n/index.ts";

let cached: MyTable[] | null = null;

/** My tables, loaded once per visit (they change only with a designation). */
export function useMyTables(): MyTable[] | null | "error" {
  const { session } = useAppState();
  const [tables, setTables] = useState<MyTable[] | null | "error">(cached);
  useEffect(() => {
    if (cached) return;
    loadMyTables(session)
      .then((list) => {
        cached = list;
        setTables(list);
      })
      .catch(() => setTables("error"));
  }, [session]);
  return tables;
}

/** A labelled select of my tables. */
export function TablePicker({
  tables,
  value,
  onChange,
}: {
  tables: MyTable[];
  value: string;
  onChange: (id: string) => void;
}) {
  const texts = t();
  return (
    <div class="form-group">
      <label for="table-picker">{texts.table}</label>
      <select
        id="table-picker"
        value={value}
        onChange={(e) => onChange((e.target as HTMLSelectElement).value)}
      >
        {tables.map((table) => (
          <option key={table.tableId} value={table.tableId}>
            {table.name}
          </option>
        ))}
      </select>
    </div>
  );
}
