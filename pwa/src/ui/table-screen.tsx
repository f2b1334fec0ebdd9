import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { MyTable } from "../api/tables.ts";
import { useApi } from "../api/use-api.ts";
import { t } from "../i18n/index.ts";
import type { OutboxEntry } from "../outbox/index.ts";
import { Load } from "./loading.tsx";
import { PendingList } from "./pending-list.tsx";
import { TablePicker, useMyTables } from "./table-picker.tsx";

/**
 * A screen about one of my tables at a time (contributions, issue reports): the picker, a form to add
 * one (offline too), what waits in the outbox, and the table's list, newest first from the API.
 */
export function TableScreen<T extends { id: string }>(props: {
  title: string;
  /** The outbox kind the form writes, for the "in attesa di invio" list. */
  kind: OutboxEntry["kind"];
  /** The API list, e.g. `contributions` for `/tables/{id}/contributions`. */
  collection: string;
  form: (table: MyTable, onSent: () => void) => ComponentChildren;
  item: (entry: T) => ComponentChildren;
}) {
  const texts = t();
  const tables = useMyTables();
  const [tableId, setTableId] = useState("");
  useEffect(() => {
    document.title = `${props.title} — Tavoli`;
    if (Array.isArray(tables) && tables[0] && !tableId) setTableId(tables[0].tableId);
  }, [tables, tableId, props.title]);
  const [loaded, reload] = useApi<{ items: T[] }>(
    tableId ? `/tables/${tableId}/${props.collection}?limit=50` : null,
  );
  const table = Array.isArray(tables) ? tables.find((x) => x.tableId === tableId) : undefined;
  return (
    <>
      <h1>{props.title}</h1>
      {tables === null ? <p role="status">{texts.loading}</p> : null}
      {tables === "error" ? <p class="alert alert-danger">{texts.loadFailed}</p> : null}
      {Array.isArray(tables) && tables.length === 0 ? <p>{texts.noTables}</p> : null}
      {Array.isArray(tables) && table ? (
        <>
          <TablePicker tables={tables} value={tableId} onChange={setTableId} />
          {props.form(table, reload)}
          <PendingList kind={props.kind} tableId={tableId} />
          <Load loaded={loaded} retry={reload}>
            {(data) =>
              data.items.length === 0 ? (
                <p>{texts.none}</p>
              ) : (
                <ul class="list">{data.items.map((entry) => props.item(entry))}</ul>
              )
            }
          </Load>
        </>
      ) : null}
    </>
  );
}
