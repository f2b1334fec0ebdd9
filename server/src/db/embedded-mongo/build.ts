import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const POM = join(here, "pom.xml");
/** The launcher and the engine extensions it installs (the indexes). */
const SOURCES = [
  "TavoliMongo.java",
  "IndexedDatabases.java",
  "CheapestIndex.java",
  "SecondaryIndex.java",
  "NarrowingUniqueIndex.java",
].map((name) => join(here, name));

/** Where the jars and the compiled launcher live: one folder per pom + launcher, shared by every clone. */
export function embeddedMongoHome(cacheDir: string): string {
  const hash = createHash("sha256").update(readFileSync(POM));
  for (const source of SOURCES) hash.update(readFileSync(source));
  return join(cacheDir, `mongo-java-server-${hash.digest("hex").slice(0, 12)}`);
}

function need(command: string, args: string[], what: string) {
  try {
    execFileSync(command, args, { stdio: "ignore" });
  } catch {
    throw new Error(
      `${command} non trovato: serve ${what} per il database incorporato. Installarlo oppure impostare MONGODB_URI. / ${command} not found: the embedded database needs ${what}; install it or set MONGODB_URI.`,
    );
  }
}

/**
 * Fetches the pinned mongo-java-server jars with Maven and compiles the launcher, once per cache folder;
 * returns the Java class path. Built in a temporary folder renamed into place, so concurrent first runs
 * (several test workers, two clones) never see half a build.
 */
export function ensureEmbeddedMongo(cacheDir: string): string {
  const home = embeddedMongoHome(cacheDir);
  const classpath = `${join(home, "classes")}:${join(home, "lib", "*")}`;
  if (existsSync(join(home, "classes", "TavoliMongo.class"))) return classpath;
  need("java", ["-version"], "Java 17");
  need("javac", ["-version"], "il JDK (javac) / the JDK (javac)");
  need("mvn", ["-v"], "Maven");
  console.log(`[tavoli] preparing the embedded database (mongo-java-server) in ${home}, once…`);
  const work = `${home}.${process.pid}.tmp`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    execFileSync(
      "mvn",
      ["-q", "-B", "-f", POM, "dependency:copy-dependencies", `-DoutputDirectory=${join(work, "lib")}`],
      { stdio: ["ignore", "inherit", "inherit"] },
    );
    execFileSync("javac", ["-cp", join(work, "lib", "*"), "-d", join(work, "classes"), ...SOURCES], {
      stdio: "inherit",
    });
    try {
      renameSync(work, home);
    } catch (error) {
      // Another process finished first: its build is the same.
      if (!existsSync(join(home, "classes", "TavoliMongo.class"))) throw error;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return classpath;
}
