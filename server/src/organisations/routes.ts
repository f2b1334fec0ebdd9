import { newRouter } from "../http/env.ts";
import { parseId } from "../shared/schemas.ts";
import {
  createOrganisationRoute,
  getOrganisationRoute,
  importIstatRoute,
  listOrganisationsRoute,
  updateOrganisationRoute,
} from "./contracts.ts";
import { createOrganisation } from "./create.ts";
import { importIstatFile } from "./import-istat.ts";
import { presentOrganisation } from "./present.ts";
import { getOrganisation, listOrganisations } from "./queries.ts";
import { updateOrganisation } from "./update.ts";

/** Organisations: public reads (they are public acts), admin registration, referent corrections, ISTAT import. */
export function organisationRoutes() {
  const router = newRouter();
  router.openapi(listOrganisationsRoute, async (c) => {
    const page = await listOrganisations({ ctx: c.get("ctx"), input: c.req.valid("query") });
    return c.json({ items: page.items.map(presentOrganisation), nextCursor: page.nextCursor }, 200);
  });
  router.openapi(getOrganisationRoute, async (c) => {
    const doc = await getOrganisation({ ctx: c.get("ctx"), input: { id: parseId(c.req.valid("param").id) } });
    return c.json(presentOrganisation(doc), 200);
  });
  router.openapi(createOrganisationRoute, async (c) => {
    const doc = await createOrganisation({ ctx: c.get("ctx"), input: c.req.valid("json") });
    return c.json(presentOrganisation(doc), 201);
  });
  router.openapi(updateOrganisationRoute, async (c) => {
    const input = { id: parseId(c.req.valid("param").id), patch: c.req.valid("json") };
    return c.json(presentOrganisation(await updateOrganisation({ ctx: c.get("ctx"), input })), 200);
  });
  router.openapi(importIstatRoute, async (c) => {
    return c.json(await importIstatFile({ ctx: c.get("ctx"), input: {} }), 200);
  });
  return router;
}
