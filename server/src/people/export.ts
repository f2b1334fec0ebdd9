import type { AuditDoc } from "../audit/documents.ts";
import { issueReportsRaisedBy } from "../issue-reports/personal-data.ts";
import { minutesAuthoredBy } from "../minutes/personal-data.ts";
import type { Ctx } from "../shared/context.ts";
import { requireActor } from "../shared/policy.ts";
import { presentMe } from "./present.ts";
import { getMe } from "./queries.ts";

/**
 * Everything the installation holds about the acting person (GDPR art. 15 and 20), and nothing about
 * anyone else: audit entries keep their before/after only when they describe this person's own record;
 * entries about their designations (listed in full under `designations`) keep the designation id; entries
 * about other records the person touched (e.g. a colleague they registered) keep only what and when.
 * Actors' names are never included.
 */
export async function exportMyData({ ctx }: { ctx: Ctx }) {
  const actor = requireActor(ctx);
  const person = await getMe({ ctx });
  const me = person._id;
  const [designations, tokens, sessions, rsvps, attendance, feeds] = await Promise.all([
    ctx.c.designations.find({ personId: me }).sort({ from: 1, _id: 1 }).toArray(),
    ctx.c.apiTokens.find({ personId: me }).sort({ _id: 1 }).toArray(),
    ctx.c.sessions.find({ personId: me }).sort({ _id: 1 }).toArray(),
    ctx.c.rsvps.find({ personId: me }).sort({ _id: 1 }).toArray(),
    ctx.c.attendance.find({ personId: me }).sort({ _id: 1 }).toArray(),
    ctx.c.calendarFeeds.find({ personId: me }).sort({ _id: 1 }).toArray(),
  ]);
  const reminderPreferences = await ctx.c.reminderPreferences.findOne({ _id: me });
  const contributions = await ctx.c.contributions.find({ authorId: me }).sort({ _id: 1 }).toArray();
  const issueReports = await issueReportsRaisedBy(ctx, me);
  const minutes = await minutesAuthoredBy(ctx, me);
  const designationIds = designations.map((d) => d._id);
  const [tables, organisations, audit] = await Promise.all([
    ctx.c.tables
      .find({ _id: { $in: designations.map((d) => d.tableId) } }, { projection: { name: 1 } })
      .toArray(),
    ctx.c.organisations
      .find({ _id: { $in: designations.map((d) => d.organisationId) } }, { projection: { name: 1 } })
      .toArray(),
    ctx.c.audit
      .find({
        $or: [{ actorId: me }, { entity: "person", entityId: me }, { entityId: { $in: designationIds } }],
      })
      .sort({ at: 1, _id: 1 })
      .toArray(),
  ]);
  const tableName = new Map(tables.map((t) => [t._id.toHexString(), t.name]));
  const organisationName = new Map(organisations.map((o) => [o._id.toHexString(), o.name]));
  const myDesignation = new Set(designationIds.map((id) => id.toHexString()));
  const aboutMyRecord = (entry: AuditDoc) =>
    (entry.entity === "person" || entry.entity === "reminderPreferences") && entry.entityId.equals(me);
  const aboutMe = (entry: AuditDoc) =>
    aboutMyRecord(entry) || myDesignation.has(entry.entityId.toHexString());
  return {
    exportedAt: ctx.now().toISOString(),
    person: presentMe(person, actor),
    designations: designations.map((d) => ({
      id: d._id.toHexString(),
      agreementId: d.agreementId.toHexString(),
      tableId: d.tableId.toHexString(),
      tableName: tableName.get(d.tableId.toHexString()) ?? null,
      organisationId: d.organisationId.toHexString(),
      organisationName: organisationName.get(d.organisationId.toHexString()) ?? null,
      kind: d.kind,
      meetingRef: d.meetingRef,
      from: d.from,
      to: d.to,
      createdAt: d.createdAt.toISOString(),
    })),
    apiTokens: tokens.map((t) => ({
      id: t._id.toHexString(),
      name: t.name,
      createdAt: t.createdAt.toISOString(),
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      revokedAt: t.revokedAt?.toISOString() ?? null,
    })),
    sessions: sessions.map((s) => ({
      createdAt: s.createdAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
    })),
    rsvps: rsvps.map((r) => ({
      meetingId: r.meetingId.toHexString(),
      answer: r.answer,
      delegateId: r.delegateId?.toHexString() ?? null,
      answeredAt: r.answeredAt.toISOString(),
    })),
    attendance: attendance.map((a) => ({
      meetingId: a.meetingId.toHexString(),
      mode: a.mode,
      arrivedLate: a.arrivedLate,
      leftEarly: a.leftEarly,
      source: a.source,
      recordedAt: a.recordedAt.toISOString(),
    })),
    calendarFeeds: feeds.map((f) => ({
      createdAt: f.createdAt.toISOString(),
      revokedAt: f.revokedAt?.toISOString() ?? null,
    })),
    reminderPreferences: reminderPreferences && {
      leadMinutes: reminderPreferences.leadMinutes,
      channels: reminderPreferences.channels,
      paused: reminderPreferences.paused,
      updatedAt: reminderPreferences.updatedAt.toISOString(),
    },
    // What the person wrote, confidential ones included: they are the author.
    contributions: contributions.map((c) => ({
      id: c._id.toHexString(),
      tableId: c.tableId.toHexString(),
      organisationId: c.organisationId.toHexString(),
      meetingId: c.meetingId?.toHexString() ?? null,
      kind: c.kind,
      title: c.title,
      description: c.description,
      url: c.url,
      confidential: c.confidential,
      source: c.source,
      createdAt: c.createdAt.toISOString(),
      withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    })),
    // Critical issues the person raised, confidential ones included: they are the author.
    issueReports,
    // Minutes the person wrote or approved: which and when (the content is the table's record).
    minutes,
    auditEntries: audit.map((entry) => ({
      at: entry.at.toISOString(),
      action: entry.action,
      entity: entry.entity,
      entityId: aboutMe(entry) ? entry.entityId.toHexString() : null,
      byMe: entry.actorId?.equals(me) ?? false,
      ...(aboutMyRecord(entry) ? { before: entry.before, after: entry.after } : {}),
    })),
  };
}
