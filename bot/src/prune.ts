import type { Db } from "mongodb";
import { daysBefore, type Pruner } from "../../server/src/index.ts";
import { slackCollections } from "./store.ts";

/** A posted notice's key outlives any retry of its delivery, as a sent mail's does (notifications/sent-mails.ts). */
const SENT_KEEP_DAYS = 90;

/** The bot's records kept only for a while: reminder posts past their expiry, keys of posted notices. */
export const slackPruner: Pruner = {
  name: "slack",
  async prune(db: Db, now: Date) {
    const c = slackCollections(db);
    const posts = await c.reminderPosts.deleteMany({ expiresAt: { $lte: now } });
    const sent = await c.sent.deleteMany({ sentAt: { $lt: daysBefore(now, SENT_KEEP_DAYS) } });
    return posts.deletedCount + sent.deletedCount;
  },
};
