import { newRouter } from "../http/env.ts";
import { parseId } from "../shared/schemas.ts";
import { addMaterial } from "./add-material.ts";
import { setCoordinators, updateTable } from "./change.ts";
import {
  addMaterialRoute,
  createTableRoute,
  getTableRoute,
  listTablesRoute,
  setCoordinatorsRoute,
  tableMembersRoute,
  updateTableRoute,
} from "./contracts.ts";
import { createTable } from "./create.ts";
import { listTableMembers } from "./members.ts";
import { presentTable } from "./present.ts";
import { getTable, listTables } from "./queries.ts";
import { visibleTable } from "./visibility.ts";

/** Tables: public reads (confidential material filtered), admin and coordinator writes. */
export function tableRoutes() {
  const router = newRouter();
  router.openapi(listTablesRoute, async (c) => {
    const ctx = c.get("ctx");
    const tables = await listTables({ ctx, input: { agreementId: parseId(c.req.valid("param").id) } });
    const visible = await Promise.all(tables.map((t) => visibleTable(ctx, t)));
    return c.json({ items: visible.map(presentTable) }, 200);
  });
  router.openapi(createTableRoute, async (c) => {
    const input = { agreementId: parseId(c.req.valid("param").id), table: c.req.valid("json") };
    return c.json(presentTable(await createTable({ ctx: c.get("ctx"), input })), 201);
  });
  router.openapi(getTableRoute, async (c) => {
    const ctx = c.get("ctx");
    const table = await getTable({ ctx, input: { id: parseId(c.req.valid("param").id) } });
    return c.json(presentTable(await visibleTable(ctx, table)), 200);
  });
  router.openapi(updateTableRoute, async (c) => {
    const input = { id: parseId(c.req.valid("param").id), patch: c.req.valid("json") };
    return c.json(presentTable(await updateTable({ ctx: c.get("ctx"), input })), 200);
  });
  router.openapi(setCoordinatorsRoute, async (c) => {
    const input = { id: parseId(c.req.valid("param").id), personIds: c.req.valid("json").personIds };
    return c.json(presentTable(await setCoordinators({ ctx: c.get("ctx"), input })), 200);
  });
  router.openapi(addMaterialRoute, async (c) => {
    const input = { id: parseId(c.req.valid("param").id), material: c.req.valid("json") };
    return c.json(presentTable(await addMaterial({ ctx: c.get("ctx"), input })), 201);
  });
  router.openapi(tableMembersRoute, async (c) => {
    const input = { id: parseId(c.req.valid("param").id), on: c.req.valid("query").on };
    return c.json(await listTableMembers({ ctx: c.get("ctx"), input }), 200);
  });
  return router;
}
