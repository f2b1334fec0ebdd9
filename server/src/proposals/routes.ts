import { newRouter } from "../http/env.ts";
import { creationKeyOf } from "../idempotency/index.ts";
import { parseId } from "../shared/schemas.ts";
import {
  addressRoute,
  adoptionRoute,
  agreementAdoptionRoute,
  approveRoute,
  draftRoute,
  editRoute,
  getRoute,
  listRoute,
  withdrawRoute,
} from "./contracts.ts";
import { draftProposal } from "./draft.ts";
import { editProposal } from "./edit.ts";
import { getAgreementAdoption, getProposal, listTableProposals } from "./queries.ts";
import { recordAdoption } from "./record-adoption.ts";
import { addressProposal, approveProposal, withdrawProposal } from "./transition.ts";

/** Proposals (proposte): drafted and approved by a table, addressed to the members, adopted by each or not. */
export function proposalRoutes() {
  const router = newRouter();
  router.openapi(draftRoute, async (c) => {
    const ctx = c.get("ctx");
    const input = {
      tableId: parseId(c.req.valid("param").id),
      ...c.req.valid("json"),
      idempotencyKey: creationKeyOf(c),
    };
    const doc = await draftProposal({ ctx, input });
    return c.json(await getProposal({ ctx, input: { id: doc._id } }), 201);
  });
  router.openapi(editRoute, async (c) => {
    const ctx = c.get("ctx");
    const doc = await editProposal({
      ctx,
      input: { id: parseId(c.req.valid("param").id), ...c.req.valid("json") },
    });
    return c.json(await getProposal({ ctx, input: { id: doc._id } }), 200);
  });
  router.openapi(approveRoute, async (c) => {
    const ctx = c.get("ctx");
    const doc = await approveProposal({ ctx, input: { id: parseId(c.req.valid("param").id) } });
    return c.json(await getProposal({ ctx, input: { id: doc._id } }), 200);
  });
  router.openapi(addressRoute, async (c) => {
    const ctx = c.get("ctx");
    // The body is optional: none addresses the proposal to every organisation on the table.
    const organisationIds = c.req.valid("json")?.organisationIds;
    const input = { id: parseId(c.req.valid("param").id), organisationIds };
    const doc = await addressProposal({ ctx, input });
    return c.json(await getProposal({ ctx, input: { id: doc._id } }), 200);
  });
  router.openapi(withdrawRoute, async (c) => {
    const ctx = c.get("ctx");
    const doc = await withdrawProposal({ ctx, input: { id: parseId(c.req.valid("param").id) } });
    return c.json(await getProposal({ ctx, input: { id: doc._id } }), 200);
  });
  router.openapi(adoptionRoute, async (c) => {
    const ctx = c.get("ctx");
    const params = c.req.valid("param");
    const input = {
      id: parseId(params.id),
      organisationId: parseId(params.organisationId),
      ...c.req.valid("json"),
    };
    const doc = await recordAdoption({ ctx, input });
    return c.json(await getProposal({ ctx, input: { id: doc._id } }), 200);
  });
  router.openapi(listRoute, async (c) => {
    const input = { tableId: parseId(c.req.valid("param").id), ...c.req.valid("query") };
    return c.json(await listTableProposals({ ctx: c.get("ctx"), input }), 200);
  });
  router.openapi(getRoute, async (c) => {
    return c.json(
      await getProposal({ ctx: c.get("ctx"), input: { id: parseId(c.req.valid("param").id) } }),
      200,
    );
  });
  router.openapi(agreementAdoptionRoute, async (c) => {
    const input = { agreementId: parseId(c.req.valid("param").id) };
    return c.json(await getAgreementAdoption({ ctx: c.get("ctx"), input }), 200);
  });
  return router;
}
