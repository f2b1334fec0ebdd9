// `npm run db:build`: fetches and compiles the embedded database ahead of time (CI warms its cache with
// it); `npm start`, `npm test` and `npm run bench` do the same on first use.
import { loadConfig } from "../server/src/config.ts";
import { ensureEmbeddedMongo } from "../server/src/db/embedded-mongo/build.ts";

const classpath = ensureEmbeddedMongo(loadConfig(process.env).cacheDir);
console.log(`[tavoli] embedded database ready: ${classpath}`);
