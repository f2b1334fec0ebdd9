import { newRouter } from "../http/env.ts";
import { parseId } from "../shared/schemas.ts";
import { addAgreementAdmin } from "./add-admin.ts";
import {
  addAgreementAdminRoute,
  createAgreementRoute,
  getAgreementRoute,
  listAgreementsRoute,
  updateAgreementRoute,
} from "./contracts.ts";
import { createAgreement } from "./create.ts";
import { presentAgreement } from "./present.ts";
import { getAgreement, listAgreements } from "./queries.ts";
import { updateAgreement } from "./update.ts";

/** Agreements: public reads, admin writes. */
export function agreementRoutes() {
  const router = newRouter();
  router.openapi(listAgreementsRoute, async (c) => {
    const page = await listAgreements({ ctx: c.get("ctx"), input: c.req.valid("query") });
    return c.json({ items: page.items.map(presentAgreement), nextCursor: page.nextCursor }, 200);
  });
  router.openapi(getAgreementRoute, async (c) => {
    const doc = await getAgreement({ ctx: c.get("ctx"), input: { id: parseId(c.req.valid("param").id) } });
    return c.json(presentAgreement(doc), 200);
  });
  router.openapi(createAgreementRoute, async (c) => {
    const doc = await createAgreement({ ctx: c.get("ctx"), input: c.req.valid("json") });
    return c.json(presentAgreement(doc), 201);
  });
  router.openapi(updateAgreementRoute, async (c) => {
    const input = { id: parseId(c.req.valid("param").id), patch: c.req.valid("json") };
    return c.json(presentAgreement(await updateAgreement({ ctx: c.get("ctx"), input })), 200);
  });
  router.openapi(addAgreementAdminRoute, async (c) => {
    const agreementId = parseId(c.req.valid("param").id);
    const { personId } = c.req.valid("json");
    await addAgreementAdmin({ ctx: c.get("ctx"), input: { agreementId, personId } });
    return c.json({ agreementId: agreementId.toHexString(), personId: personId.toHexString() }, 201);
  });
  return router;
}
