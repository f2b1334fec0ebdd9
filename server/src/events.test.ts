import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { eventCatalogue, featureEvents, requireCatalogued } from "./events.ts";
import { recordChange } from "./shared/record.ts";

/**
 * Field names that could carry free text from a confidential source (an agenda, a description, a
 * note, minutes' content). A payload field with such a name must be listed in ALLOWED with why it is
 * not confidential text.
 */
const TEXT_LIKE =
  /title|agenda|reason|text|body|description|note|summary|content|comment|message|name|changes/i;

const ALLOWED: Record<string, string> = {
  "attachment.added.contentType":
    "one of the accepted MIME types detected from the file's bytes, never its text or name",
  // Only in the `confidential: false` branch of the union: a confidential one has no title field at all.
  "contribution.logged.title": "the title of a contribution that is not confidential (DOMAIN rule 10)",
  "contribution.withdrawn.title": "as for contribution.logged",
  "issue_report.raised.title": "the title of a report that is not confidential (DOMAIN rule 10)",
  "issue_report.status_changed.title": "as for issue_report.raised",
  "proposal.drafted.title": "the title of a proposal that is not confidential (DOMAIN rule 10)",
  "proposal.edited.title": "as for proposal.drafted",
  "proposal.approved.title": "as for proposal.drafted",
  "proposal.withdrawn.title": "as for proposal.drafted",
  "proposal.addressed.title": "as for proposal.drafted",
  "proposal.adoption_recorded.title": "as for proposal.drafted",
  // The organiser's words to everyone convened, shown in the notices themselves; sittings are not riservati.
  "meeting.rescheduled.reason": "the organiser's reason for moving a sitting, addressed to everyone convened",
  "meeting.updated.reason": "never set on an update; the three changes share one schema",
  "meeting.cancelled.reason":
    "the organiser's reason for calling a sitting off, addressed to everyone convened",
  // What changed, field by field (meetings/events.ts): the title and the times, place, mode as a notice
  // repeats them; the agenda only as counts and the video link only as "changed".
  "meeting.rescheduled.changes": "the changed fields a notice repeats; agenda text never, only its length",
  "meeting.updated.changes": "as for meeting.rescheduled",
  "meeting.cancelled.changes": "as for meeting.rescheduled",
  // Memberships have no confidential flag: the notice is an act of the organisation towards the agreement.
  "organisation.withdrawal_notified.reason": "the organisation's stated reason for its withdrawal notice",
  "organisation.withdrawal_notified.backdating.reason":
    "why an admin recorded an earlier date, e.g. the act's protocol number",
};

type Def = { type: string; shape?: Record<string, z.ZodType>; options?: z.ZodType[]; innerType?: z.ZodType };
const defOf = (schema: z.ZodType) => schema._zod.def as unknown as Def;

/** Every field path of a schema (`a`, `a.b`), through objects, unions, nullable and optional wrappers. */
function fieldPaths(schema: z.ZodType, prefix = ""): string[] {
  const def = defOf(schema);
  if (def.type === "object" && def.shape)
    return Object.entries(def.shape).flatMap(([key, field]) => [
      `${prefix}${key}`,
      ...fieldPaths(field, `${prefix}${key}.`),
    ]);
  if (def.type === "union" && def.options)
    return [...new Set(def.options.flatMap((o) => fieldPaths(o, prefix)))];
  if ((def.type === "nullable" || def.type === "optional") && def.innerType)
    return fieldPaths(def.innerType, prefix);
  return [];
}

const hex = () => new ObjectId().toHexString();

describe("the event catalogue", () => {
  it("declares each type in one feature only", () => {
    const declared = Object.values(featureEvents).flatMap((events) => Object.keys(events));
    expect(declared.length).toBe(new Set(declared).size);
    expect(Object.keys(eventCatalogue).sort()).toEqual([...declared].sort());
  });

  it("carries no field that could hold confidential free text, unless allowed with a reason", () => {
    const suspicious = Object.entries(eventCatalogue).flatMap(([type, schema]) =>
      fieldPaths(schema)
        .filter((path) => TEXT_LIKE.test(path.split(".").at(-1) ?? ""))
        .map((path) => `${type}.${path}`),
    );
    expect(suspicious.filter((field) => !(field in ALLOWED))).toEqual([]);
    // An allowance for a field that no longer exists is stale: drop it.
    expect(Object.keys(ALLOWED).filter((field) => !suspicious.includes(field))).toEqual([]);
  });

  it("keeps a confidential contribution's or report's title out of its events", () => {
    const contribution = {
      contributionId: hex(),
      tableId: hex(),
      organisationId: hex(),
      kind: "documento",
    };
    expect(() =>
      requireCatalogued({
        type: "contribution.logged",
        payload: { ...contribution, confidential: true, title: "Piano riservato" },
      }),
    ).toThrow(/invalid contribution.logged payload/);
    expect(() =>
      requireCatalogued({ type: "contribution.logged", payload: { ...contribution, confidential: true } }),
    ).not.toThrow();
    expect(() =>
      requireCatalogued({
        type: "issue_report.raised",
        payload: {
          issueReportId: hex(),
          tableId: hex(),
          organisationId: hex(),
          severity: "alta",
          seq: 1,
          confidential: true,
          title: "Segnalazione riservata",
        },
      }),
    ).toThrow(/invalid issue_report.raised payload/);
  });

  it("refuses an unknown type, a missing or malformed id and an undeclared field", () => {
    expect(() => requireCatalogued({ type: "meeting.exploded", payload: {} })).toThrow(
      /not in the catalogue/,
    );
    expect(() => requireCatalogued({ type: "person.created", payload: {} })).toThrow(/invalid/);
    expect(() => requireCatalogued({ type: "person.created", payload: { personId: "42" } })).toThrow(
      /invalid/,
    );
    expect(() =>
      requireCatalogued({ type: "person.created", payload: { personId: hex(), name: "Anna" } }),
    ).toThrow(/invalid/);
    expect(() => requireCatalogued({ type: "person.created", payload: { personId: hex() } })).not.toThrow();
  });
});

describe("recordChange", () => {
  it("refuses an event not in the catalogue, or a payload its schema refuses, before writing anything", async () => {
    const inserted: unknown[] = [];
    const ctx: any = {
      now: () => new Date(),
      actor: null,
      c: { audit: { insertOne: async (doc: unknown) => inserted.push(doc) } },
      bus: { publish: async () => {} },
    };
    const change = {
      action: "x",
      entity: "thing",
      entityId: new ObjectId(),
      agreementId: null,
      before: null,
      after: null,
    };
    await expect(
      recordChange(ctx, { ...change, event: { type: "thing.happened", payload: {} } as any }),
    ).rejects.toThrow(/not in the catalogue/);
    await expect(
      recordChange(ctx, { ...change, event: { type: "person.created", payload: { personId: "me" } } }),
    ).rejects.toThrow(/invalid person.created payload/);
    expect(inserted).toEqual([]);
  });
});
