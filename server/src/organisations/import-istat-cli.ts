// `npm run import:istat [-- path/to/comuni.json]`: imports the ISTAT comuni into the configured database
// (MONGODB_URI, or the embedded database in DATA_DIR), as the API's import endpoint does.
import { ObjectId } from "mongodb";
import { ConfigError, configFromEnvironment } from "../config.ts";
import { openDatabase } from "../db/connect.ts";
import { ensureIndexes } from "../db/indexes.ts";
import { type Actor, createCtx } from "../shared/context.ts";
import { EventBus } from "../shared/events.ts";
import { bundledComuniFile, importIstatFile } from "./import-istat.ts";

// Whoever has a shell on the server already holds every right; the audit entry names the command line
// (an all-zero person id that no real person can have) instead of pretending to be a person.
const commandLine: Actor = {
  personId: new ObjectId("000000000000000000000000"),
  name: "riga di comando (npm run import:istat)",
  isInstallationAdmin: true,
  agreementAdminOf: [],
  coordinatorOf: [],
  referentFor: [],
};

async function main() {
  const config = configFromEnvironment();
  const file = process.argv[2] ?? bundledComuniFile;
  const { db, close } = await openDatabase(config, "tavoli-import");
  try {
    await ensureIndexes(db);
    const ctx = createCtx({ db, bus: new EventBus(), actor: commandLine });
    const s = await importIstatFile({ ctx, input: { file } });
    console.log(`[import:istat] ${file}`);
    console.log(
      `[import:istat] ${s.total} comuni: ${s.inserted} inseriti / inserted, ${s.updated} aggiornati / updated, ${s.unchanged} invariati / unchanged, ${s.ms} ms`,
    );
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
