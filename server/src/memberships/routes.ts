import { newRouter } from "../http/env.ts";
import { romeDate } from "../shared/dates.ts";
import { parseId } from "../shared/schemas.ts";
import { applyForAdhesion } from "./apply.ts";
import { applyRoute, listMembersRoute, organisationMembershipsRoute, withdrawRoute } from "./contracts.ts";
import { listAgreementMembers, listOrganisationMemberships } from "./queries.ts";
import { presentMembership } from "./status.ts";
import { withdrawFromAgreement } from "./withdraw.ts";

/** Adhesions and withdrawals. */
export function membershipRoutes() {
  const router = newRouter();
  router.openapi(applyRoute, async (c) => {
    const ctx = c.get("ctx");
    const input = { agreementId: parseId(c.req.valid("param").id), ...c.req.valid("json") };
    const { membership, organisationName } = await applyForAdhesion({ ctx, input });
    return c.json(presentMembership(membership, organisationName, romeDate(ctx.now())), 201);
  });
  router.openapi(withdrawRoute, async (c) => {
    const ctx = c.get("ctx");
    const input = { agreementId: parseId(c.req.valid("param").id), ...c.req.valid("json") };
    const { membership, organisationName } = await withdrawFromAgreement({ ctx, input });
    return c.json(presentMembership(membership, organisationName, romeDate(ctx.now())), 200);
  });
  router.openapi(listMembersRoute, async (c) => {
    const input = { agreementId: parseId(c.req.valid("param").id), ...c.req.valid("query") };
    return c.json(await listAgreementMembers({ ctx: c.get("ctx"), input }), 200);
  });
  router.openapi(organisationMembershipsRoute, async (c) => {
    const input = { organisationId: parseId(c.req.valid("param").id), on: c.req.valid("query").on };
    return c.json(await listOrganisationMemberships({ ctx: c.get("ctx"), input }), 200);
  });
  return router;
}
