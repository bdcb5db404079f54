/** Starts and stops the bundled Neo4j: Neo4j Community from Maven Central, run by neo4j/Neo4jLauncher as a child process. */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, utimesSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import readline from "node:readline";
import { sizeInBytes } from "../config.js";
import { StartupError } from "../lib/errors.js";
import { fromRoot } from "../lib/project-root.js";
import { dataDirInUse, dataDirUnusable, prepareHome } from "./data-dir.js";
import { exitReason, LauncherLog } from "./launcher-log.js";

export interface BundledNeo4jOptions {
  /** The database's home: data, logs, conf and the generated password live here. */
  home: string;
  boltPort: number;
  heap: string;
  pageCache?: string;
  /** Memory one transaction may use; half the heap when not given. */
  txMemory?: string;
  /** Progress lines for people (first-start downloads, readiness). */
  progress?: (line: string) => void;
  /** How long to wait for Bolt to open, in ms. */
  readyTimeoutMs?: number;
  /** Gives up a start in progress (the launcher is killed and the start fails). */
  signal?: AbortSignal;
}

export interface BundledNeo4j {
  uri: string;
  user: string;
  password: string;
  version: string;
  /** The launcher's (java) process id. */
  pid: number;
  /** Settles when the launcher process ends, for whatever reason (stop() included). */
  exited: Promise<LauncherExit>;
  /** Shuts the database down cleanly (SIGTERM, then SIGKILL after a grace period). */
  stop(): Promise<void>;
}

const launcherDir = fromRoot("neo4j");
const classpathFile = path.join(launcherDir, "target", "classpath.txt");
const launcherClass = path.join(launcherDir, "target", "classes", "liaison", "neo4j", "Neo4jLauncher.class");
const launcherSources = [
  path.join(launcherDir, "pom.xml"),
  path.join(launcherDir, "src", "main", "java", "liaison", "neo4j", "Neo4jLauncher.java"),
  path.join(launcherDir, "src", "main", "java", "liaison", "neo4j", "Neo4jImport.java"),
];

function hasCommand(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: "ignore" });
  return result.error === undefined && result.status === 0;
}

/** True when the launcher is compiled and its classpath resolved, and both are newer than their sources. */
function launcherIsBuilt(): boolean {
  if (!existsSync(classpathFile) || !existsSync(launcherClass)) return false;
  const built = Math.min(statSync(classpathFile).mtimeMs, statSync(launcherClass).mtimeMs);
  return launcherSources.every((source) => statSync(source).mtimeMs <= built);
}

/**
 * Resolves Neo4j's jars with Maven (downloaded once into ~/.m2) and compiles the launcher.
 * Prints progress, since the first run downloads about 60 MB.
 */
export async function ensureLauncherBuilt(progress: (line: string) => void = () => {}): Promise<void> {
  if (!hasCommand("java", ["-version"])) {
    throw new StartupError(
      "JAVA_MISSING",
      "Bundled Neo4j: Java was not found. Install Java 17 or 21 (Debian: apt-get install -y openjdk-17-jre-headless), or set NEO4J_URI to use an existing Neo4j.",
    );
  }
  if (launcherIsBuilt()) return;
  if (!hasCommand("mvn", ["-v"])) {
    throw new StartupError(
      "MAVEN_MISSING",
      "Bundled Neo4j: Maven was not found; it fetches Neo4j from Maven Central on first start. Install Maven 3.8+ (Debian: apt-get install -y maven), or set NEO4J_URI to use an existing Neo4j.",
    );
  }
  progress(
    existsSync(classpathFile)
      ? "Bundled Neo4j: rebuilding the launcher…"
      : "Bundled Neo4j: first start — resolving Neo4j Community from Maven Central (about 150 MB with Maven's plugins; this takes a minute or so, later starts take seconds)…",
  );
  await new Promise<void>((resolve, reject) => {
    const maven = spawn(
      "mvn",
      [
        "-B",
        "-f",
        path.join(launcherDir, "pom.xml"),
        "compile",
        "dependency:build-classpath",
        `-Dmdep.outputFile=${classpathFile}`,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let downloaded = 0;
    let lastReport = Date.now();
    const tail: string[] = [];
    const lines = readline.createInterface({ input: maven.stdout });
    lines.on("line", (line) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      if (line.includes("Downloaded from")) {
        downloaded += 1;
        if (Date.now() - lastReport > 3000) {
          progress(`Bundled Neo4j: ${downloaded} files downloaded…`);
          lastReport = Date.now();
        }
      }
    });
    maven.stderr.on("data", (chunk: Buffer) => tail.push(chunk.toString()));
    maven.on("error", reject);
    maven.on("close", (code) => {
      if (code === 0) {
        if (downloaded > 0) progress(`Bundled Neo4j: ${downloaded} files downloaded, launcher built.`);
        // Maven leaves both outputs untouched when nothing changed; mark them built, or every start rebuilds.
        const now = new Date();
        for (const built of [classpathFile, launcherClass]) utimesSync(built, now, now);
        resolve();
      } else {
        const errors = tail
          .filter((line) => line.includes("ERROR"))
          .slice(0, 8)
          .join("\n");
        reject(
          new StartupError(
            "NEO4J_START_FAILED",
            `Bundled Neo4j: Maven failed (exit ${code}):\n${errors || tail.join("\n")}`,
          ),
        );
      }
    });
  });
}

/** The launcher's Java classpath (its classes and Neo4j's jars); call after `ensureLauncherBuilt`. */
export function launcherClasspath(): string {
  return `${path.join(launcherDir, "target", "classes")}${path.delimiter}${readFileSync(classpathFile, "utf8").trim()}`;
}

/** A free TCP port on loopback, for tests and throw-away databases. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** How a launcher process ended, for logs and /api/health. */
export interface LauncherExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** For people, e.g. "killed by SIGKILL" or "exited with code 3 (Java ran out of memory)". */
  reason: string;
}

/**
 * Starts the bundled Neo4j and resolves once Bolt accepts connections.
 * The child's stdin stays open for its whole life: when this process dies, even by SIGKILL,
 * the pipe closes and the launcher shuts the database down, so no `java` is left behind.
 * Nothing is written in `home` (not even the launcher's log) before the launcher holds its lock.
 * Fails with DATA_DIR_UNUSABLE, DATA_DIR_IN_USE, PORT_IN_USE, JAVA_MISSING, MAVEN_MISSING or NEO4J_START_FAILED.
 * @example const db = await startBundledNeo4j({ home: ".data/neo4j", boltPort: 7687, heap: "1g" });
 */
export async function startBundledNeo4j(options: BundledNeo4jOptions): Promise<BundledNeo4j> {
  const progress = options.progress ?? (() => {});
  await ensureLauncherBuilt(progress);
  await prepareHome(options.home);

  const txMemory = options.txMemory ?? `${Math.floor(sizeInBytes(options.heap) / 2 ** 21)}m`;
  const classpath = launcherClasspath();
  const args = [
    `-Xmx${options.heap}`,
    "-XX:+ExitOnOutOfMemoryError",
    "-cp",
    classpath,
    "liaison.neo4j.Neo4jLauncher",
    "--home",
    options.home,
    "--port",
    String(options.boltPort),
    "--owner-pid",
    String(process.pid),
    "--page-cache",
    options.pageCache ?? "256m",
    "--tx-memory",
    txMemory,
    // All transactions together: the launcher's 768m, or more when one transaction may use more
    // (a streaming load's publishing transaction; docs/loading.md).
    "--tx-memory-total",
    `${Math.max(768, Math.ceil(sizeInBytes(txMemory) / 2 ** 20))}m`,
  ];
  if (options.signal?.aborted) throw new StartupError("NEO4J_START_FAILED", "Bundled Neo4j: start abandoned.");
  // The launcher names file-system failures by their strerror text, which must not be translated.
  const { LC_ALL, ...env } = process.env;
  const child = spawn("java", args, {
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...env, ...(LC_ALL ? { LANG: LC_ALL } : {}), LC_MESSAGES: "C" },
  });
  const log = new LauncherLog(child);
  const abandon = () => child.kill("SIGTERM");
  options.signal?.addEventListener("abort", abandon, { once: true });
  // Belt and braces for orderly exits of this process; the stdin pipe covers crashes.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const exited = new Promise<LauncherExit>((resolve) => {
    child.once("exit", (code, signal) => {
      process.removeListener("exit", killOnExit);
      options.signal?.removeEventListener("abort", abandon);
      log.close();
      resolve({ code, signal, reason: exitReason(code, signal, log.tail()) });
    });
  });

  const { uri, version } = await waitForReady(child, options.readyTimeoutMs ?? 120_000, options.home, log);
  options.signal?.removeEventListener("abort", abandon);
  const password = readFileSync(path.join(options.home, "auth", "password"), "utf8").trim();
  progress(`Bundled Neo4j ${version}: ready at ${uri} (data in ${options.home}).`);

  let stopping: Promise<void> | undefined;
  return {
    uri,
    user: "neo4j",
    password,
    version,
    pid: child.pid ?? -1,
    exited,
    stop() {
      stopping ??= stopChild(child);
      return stopping;
    },
  };
}

function waitForReady(
  child: ChildProcess,
  timeoutMs: number,
  home: string,
  log: LauncherLog,
): Promise<{ uri: string; version: string }> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error | string) => {
      clearTimeout(timer);
      child.removeListener("exit", onExit);
      child.kill("SIGKILL");
      reject(
        typeof error === "string"
          ? new StartupError(
              "NEO4J_START_FAILED",
              `Bundled Neo4j did not start: ${error}\n  See ${path.join(home, "logs")} for details.`,
            )
          : error,
      );
    };
    const timer = setTimeout(() => fail(`no answer within ${Math.round(timeoutMs / 1000)} s`), timeoutMs);
    const onExit = (code: number | null, signal: string | null) =>
      fail(`the launcher exited (${signal ?? `code ${code}`}) before it was ready`);
    const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on("line", (line) => {
      const [word, ...rest] = line.split(" ");
      if (word === "LIAISON_NEO4J_LOCKED") {
        log.open(home);
      } else if (word === "LIAISON_NEO4J_READY" && rest[0] && rest[1]) {
        clearTimeout(timer);
        child.removeListener("exit", onExit);
        resolve({ uri: rest[0], version: rest[1] });
      } else if (word === "LIAISON_NEO4J_PORT_IN_USE") {
        fail(
          new StartupError(
            "PORT_IN_USE",
            `Bundled Neo4j: port ${rest[0]} on 127.0.0.1 is already in use. Stop what uses it or set LIAISON_NEO4J_BOLT_PORT to another port.`,
          ),
        );
      } else if (word === "LIAISON_NEO4J_IN_USE") {
        fail(dataDirInUse(home, rest.join(" ")));
      } else if (word === "LIAISON_NEO4J_DATA_DIR_UNUSABLE" && rest[0]) {
        fail(dataDirUnusable(rest[0], rest.slice(1).join(" ") || home));
      } else if (word === "LIAISON_NEO4J_FAILED") {
        const reason = rest.join(" ");
        fail(
          /lock/i.test(reason)
            ? `its data folder is in use by another Neo4j (is Liaison already running?). ${reason}`
            : reason,
        );
      } else {
        log.note(line);
      }
    });
    child.once("error", (error) => fail(error.message));
    child.once("exit", onExit);
  });
}
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
