import { AppError, errorCatalogue } from "../../server/src/index.ts";
import { type Lang, TEXT } from "./i18n.ts";

/**
 * What to tell a Slack user when a use case refuses: the API's own message for the same error code
 * (so the bot and the API say the same thing), or a generic apology for anything unexpected.
 */
export function userMessage(error: unknown, lang: Lang): string {
  if (error instanceof AppError) return errorCatalogue[error.code][lang];
  console.error("[slack] listener failed", error);
  return TEXT[lang].error;
}
