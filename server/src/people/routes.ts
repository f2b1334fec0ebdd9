import { deleteCookie } from "hono/cookie";
import { SESSION_COOKIE } from "../auth/middleware.ts";
import { newRouter } from "../http/env.ts";
import { romeDate } from "../shared/dates.ts";
import { requireActor } from "../shared/policy.ts";
import { parseId } from "../shared/schemas.ts";
import {
  createPersonRoute,
  eraseMeRoute,
  erasePersonRoute,
  exportMeRoute,
  getMeRoute,
  getPersonRoute,
  listPeopleRoute,
  updateMeRoute,
} from "./contracts.ts";
import { createPerson } from "./create.ts";
import { erasePerson } from "./erase.ts";
import { exportMyData } from "./export.ts";
import { presentMe, presentPerson } from "./present.ts";
import { getMe, getPerson, listPeople } from "./queries.ts";
import { updateMe } from "./update-me.ts";

/** People: contact data are private, visible only to the person and to the admins entitled to them. */
export function peopleRoutes() {
  const router = newRouter();
  // The /people/me routes are registered before /people/{id} so "me" is never read as an id.
  router.openapi(getMeRoute, async (c) => {
    const ctx = c.get("ctx");
    return c.json(presentMe(await getMe({ ctx }), requireActor(ctx)), 200);
  });
  router.openapi(updateMeRoute, async (c) => {
    const ctx = c.get("ctx");
    return c.json(presentMe(await updateMe({ ctx, input: c.req.valid("json") }), requireActor(ctx)), 200);
  });
  router.openapi(exportMeRoute, async (c) => {
    const ctx = c.get("ctx");
    const data = await exportMyData({ ctx });
    const filename = `tavoli-dati-personali-${romeDate(ctx.now())}.json`;
    c.header("content-disposition", `attachment; filename="${filename}"`);
    c.header("cache-control", "no-store");
    return c.json(data, 200);
  });
  router.openapi(eraseMeRoute, async (c) => {
    const ctx = c.get("ctx");
    await erasePerson({ ctx, input: { id: requireActor(ctx).personId } });
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.body(null, 204);
  });
  router.openapi(erasePersonRoute, async (c) => {
    await erasePerson({ ctx: c.get("ctx"), input: { id: parseId(c.req.valid("param").id) } });
    return c.body(null, 204);
  });
  router.openapi(createPersonRoute, async (c) => {
    return c.json(presentPerson(await createPerson({ ctx: c.get("ctx"), input: c.req.valid("json") })), 201);
  });
  router.openapi(getPersonRoute, async (c) => {
    const doc = await getPerson({ ctx: c.get("ctx"), input: { id: parseId(c.req.valid("param").id) } });
    return c.json(presentPerson(doc), 200);
  });
  router.openapi(listPeopleRoute, async (c) => {
    const page = await listPeople({ ctx: c.get("ctx"), input: c.req.valid("query") });
    return c.json({ items: page.items.map(presentPerson), nextCursor: page.nextCursor }, 200);
  });
  return router;
}
