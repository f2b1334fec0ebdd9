/**
 * Transitional re-export for `bot/src/views/convene.ts`, which still deep-imports this path: the
 * meetings' contracts live in `contracts.ts`. Delete once the bot imports the features' public
 * surfaces (issue 12, item 1). Server code must not import this file.
 */
export { meetingInput } from "./contracts.ts";
