import { issueLoginLink } from "../../../server/src/auth/index.ts";
import { TEXT } from "../i18n.ts";
import { asPerson, type CommandCall, say } from "./context.ts";

/** `/tavoli accedi`: a single-use login link to the web app, sent only in a direct message. */
export function sendLoginLink(call: CommandCall) {
  return asPerson(call, async (who) => {
    const t = TEXT[who.lang];
    const url = await issueLoginLink({
      ctx: who.ctx,
      input: { personId: who.person._id, publicUrl: call.deps.config.publicUrl },
    });
    // Posting to the user id delivers to the app's DM with them, never to the channel in use.
    await call.client.chat.postMessage({ channel: call.command.user_id, text: t.loginDm(url) });
    await say(call.respond, t.loginSent);
  });
}
