import { newRouter } from "../http/env.ts";
import { parseId } from "../shared/schemas.ts";
import { answerRsvp } from "./answer.ts";
import { answerRoute, delegateCandidatesRoute, listRoute } from "./contracts.ts";
import { delegateCandidates } from "./delegate-candidates.ts";
import { presentRsvp } from "./present.ts";
import { meetingRsvps } from "./queries.ts";

/** RSVP: each person convened answers (or their organisation's referent answers for them). */
export function rsvpRoutes() {
  const router = newRouter();
  router.openapi(answerRoute, async (c) => {
    const param = c.req.valid("param");
    const body = c.req.valid("json");
    const input = {
      meetingId: parseId(param.id),
      personId: param.personId === "me" ? ("me" as const) : parseId(param.personId),
      answer: body.answer,
      delegateId: body.delegateId ?? null,
    };
    const { rsvp, counts } = await answerRsvp({ ctx: c.get("ctx"), input });
    return c.json(presentRsvp(rsvp, counts), 200);
  });
  router.openapi(listRoute, async (c) => {
    const id = parseId(c.req.valid("param").id);
    return c.json(await meetingRsvps({ ctx: c.get("ctx"), input: { id } }), 200);
  });
  router.openapi(delegateCandidatesRoute, async (c) => {
    const meetingId = parseId(c.req.valid("param").id);
    return c.json(await delegateCandidates({ ctx: c.get("ctx"), input: { meetingId } }), 200);
  });
  return router;
}
