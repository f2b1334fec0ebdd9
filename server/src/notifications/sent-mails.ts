import type { ObjectId } from "mongodb";
import { PermanentFailure } from "../dispatch/subscriber.ts";
import type { DomainEvent } from "../events.ts";
import { daysBefore, type Pruner } from "../housekeeping/index.ts";
import type { Ctx } from "../shared/context.ts";
import { isDuplicateKey } from "../shared/errors.ts";
import { type Mail, type Mailer, refusedForGood, withoutAddresses } from "../shared/mailer.ts";
import { notificationCollections } from "./documents.ts";

/** One mail of a notice: to whom (the person, for the key) and what. */
export type NoticeMail = { personId: ObjectId; mail: Mail };

/**
 * Sends each mail of one event's notice once, however often the dispatcher delivers the event: a mail
 * already recorded in `sentMails` for (subscriber, event, person) is skipped, one that leaves is recorded
 * right after. What can still repeat is a mail whose process died between the SMTP answer and the
 * record (at least once, never lost). Every mail is tried, one bad address does not keep the others from
 * being told; then, if any failed, the delivery fails: retried (the ones sent are skipped) while a
 * failure may pass (connection, 4xx), dead at once (`PermanentFailure`) when every failure is a refusal
 * by the mail server (5xx: the address does not exist), which retrying cannot change.
 */
export async function sendNoticeMails(
  input: { ctx: Ctx; mailer: Mailer; subscriber: string; event: DomainEvent },
  mails: readonly NoticeMail[],
): Promise<void> {
  const { ctx, mailer, subscriber, event } = input;
  const failures: { transient: boolean; message: string }[] = [];
  for (const { personId, mail } of mails) {
    const _id = `${subscriber}:${event.id.toHexString()}:${personId.toHexString()}`;
    try {
      if (await ctx.c.sentMails.findOne({ _id }, { projection: { _id: 1 } })) continue;
      await mailer.send({ ...mail, messageId: messageIdOf(_id) });
      await ctx.c.sentMails
        .insertOne({ _id, subscriber, eventId: event.id, personId, sentAt: ctx.now() })
        .catch((error: unknown) => {
          if (!isDuplicateKey(error)) throw error;
        });
    } catch (error) {
      failures.push({ transient: !refusedForGood(error), message: describe(error) });
    }
  }
  if (failures.length === 0) return;
  const summary = `${failures.length} of ${mails.length} mails for ${event.type} failed: ${failures
    .map((f) => f.message)
    .join("; ")}`;
  if (failures.some((f) => f.transient)) throw new Error(summary);
  throw new PermanentFailure(summary);
}

/** A notice mail's Message-ID, from its key: each repeat after a crash carries the first one's. */
export function messageIdOf(key: string): string {
  return `<${key.replace(/[^A-Za-z0-9.-]/g, ".")}@tavoli.notice>`;
}

/** What went wrong, for the delivery's `lastError`: never an address (a refusal names the recipient). */
function describe(error: unknown): string {
  return withoutAddresses(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}

/**
 * A sent mail's key is kept 90 days: longer than any retry of its delivery (backoff ends within hours),
 * and than an admin would wait to retry a dead one (after that, the retry could mail someone again).
 */
const SENT_MAIL_KEEP_DAYS = 90;

export const sentMailsPruner: Pruner = {
  name: "sentMails",
  prune: async (db, now) =>
    (
      await notificationCollections(db).sentMails.deleteMany({
        sentAt: { $lt: daysBefore(now, SENT_MAIL_KEEP_DAYS) },
      })
    ).deletedCount,
};
