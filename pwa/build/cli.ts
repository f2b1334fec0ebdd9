// `npm run build:pwa`: builds pwa/dist now (`npm start` and the tests build it only when stale).
import { buildPwa } from "./build.ts";

await buildPwa();
console.log("[tavoli] pwa/dist pronto");
