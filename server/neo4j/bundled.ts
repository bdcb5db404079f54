/** Starts and stops the bundled Neo4j: Neo4j Community from Maven Central, run by neo4j/Neo4jLauncher as a child process. */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import readline from "node:readline";
import { sizeInBytes } from "../config.js";
import { StartupError } from "../lib/errors.js";
import { fromRoot } from "../lib/project-root.js";

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
}

export interface BundledNeo4j {
  uri: string;
  user: string;
  password: string;
  version: string;
  pid: number;
  /** Shuts the database down cleanly (SIGTERM, then SIGKILL after a grace period). */
  stop(): Promise<void>;
}

const launcherDir = fromRoot("neo4j");
const classpathFile = path.join(launcherDir, "target", "classpath.txt");
const launcherClass = path.join(launcherDir, "target", "classes", "liaison", "neo4j", "Neo4jLauncher.class");
const launcherSources = [
  path.join(launcherDir, "pom.xml"),
  path.join(launcherDir, "src", "main", "java", "liaison", "neo4j", "Neo4jLauncher.java"),
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

/** Resolves when nothing listens on 127.0.0.1:port; fails with PORT_IN_USE naming the port otherwise. */
export function assertPortFree(port: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new StartupError(
              "PORT_IN_USE",
              `${what}: port ${port} on 127.0.0.1 is already in use. Stop what uses it or choose another port.`,
            )
          : error,
      );
    });
    probe.listen({ port, host: "127.0.0.1", exclusive: true }, () => probe.close(() => resolve()));
  });
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

/**
 * Starts the bundled Neo4j and resolves once Bolt accepts connections.
 * The child's stdin stays open for its whole life: when this process dies, even by SIGKILL,
 * the pipe closes and the launcher shuts the database down, so no `java` is left behind.
 * @example const db = await startBundledNeo4j({ home: ".data/neo4j", boltPort: 7687, heap: "1g" });
 */
export async function startBundledNeo4j(options: BundledNeo4jOptions): Promise<BundledNeo4j> {
  const progress = options.progress ?? (() => {});
  await ensureLauncherBuilt(progress);
  await assertPortFree(options.boltPort, "Bundled Neo4j");
  await mkdir(path.join(options.home, "logs"), { recursive: true, mode: 0o700 });

  const classpath = `${path.join(launcherDir, "target", "classes")}${path.delimiter}${readFileSync(classpathFile, "utf8").trim()}`;
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
    "--page-cache",
    options.pageCache ?? "256m",
    "--tx-memory",
    options.txMemory ?? `${Math.floor(sizeInBytes(options.heap) / 2 ** 21)}m`,
  ];
  const child = spawn("java", args, { stdio: ["pipe", "pipe", "pipe"] });
  const launcherLog = createWriteStream(path.join(options.home, "logs", "launcher.log"), { flags: "a" });
  child.stderr.pipe(launcherLog);
  // Belt and braces for orderly exits of this process; the stdin pipe covers crashes.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const { uri, version } = await waitForReady(child, options.readyTimeoutMs ?? 120_000, options.home);
  const password = readFileSync(path.join(options.home, "auth", "password"), "utf8").trim();
  progress(`Bundled Neo4j ${version}: ready at ${uri} (data in ${options.home}).`);

  let stopping: Promise<void> | undefined;
  return {
    uri,
    user: "neo4j",
    password,
    version,
    pid: child.pid ?? -1,
    stop() {
      stopping ??= stopChild(child).finally(() => {
        process.removeListener("exit", killOnExit);
        launcherLog.end();
      });
      return stopping;
    },
  };
}

function waitForReady(child: ChildProcess, timeoutMs: number, home: string): Promise<{ uri: string; version: string }> {
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(
        new StartupError(
          "NEO4J_START_FAILED",
          `Bundled Neo4j did not start: ${reason}\n  See ${path.join(home, "logs")} for details.`,
        ),
      );
    };
    const timer = setTimeout(() => fail(`no answer within ${Math.round(timeoutMs / 1000)} s`), timeoutMs);
    const onExit = (code: number | null, signal: string | null) =>
      fail(`the launcher exited (${signal ?? `code ${code}`}) before it was ready`);
    const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on("line", (line) => {
      const ready = /^LIAISON_NEO4J_READY (\S+) (\S+)/.exec(line);
      if (ready?.[1] && ready[2]) {
        clearTimeout(timer);
        child.removeListener("exit", onExit);
        resolve({ uri: ready[1], version: ready[2] });
      } else if (line.startsWith("LIAISON_NEO4J_FAILED ")) {
        const reason = line.slice("LIAISON_NEO4J_FAILED ".length);
        fail(
          /lock/i.test(reason)
            ? `its data folder is in use by another Neo4j (is Liaison already running?). ${reason}`
            : reason,
        );
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
