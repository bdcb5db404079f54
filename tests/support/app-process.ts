/** Runs the built server (dist/server/main.js) as `npm start` does, in its own process, for start-up and fault tests. */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../../server/lib/project-root.js";

const mainJs = path.join(projectRoot, "dist/server/main.js");

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

function spawnServer(env: Record<string, string>, command: string[] = []) {
  const [program, ...args] = [...command, process.execPath, mainJs];
  return spawn(program ?? process.execPath, args, {
    env: { ...process.env, LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/**
 * Runs the server until it exits (start-up failures) and collects what it prints.
 * `command` prefixes the node command, e.g. ["setpriv", "--reuid=65534", …] to run it as another user.
 */
export function runServer(
  env: Record<string, string>,
  command: string[] = [],
): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawnServer(env, command);
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output, ms: Date.now() - started }));
  });
}

/** Starts the server and resolves once it says where it runs; rejects with its output if it exits first. */
export function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawnServer(env);
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const running = /Liaison is running at (http:\/\/\S+) /.exec(output);
      if (running?.[1]) {
        child.removeListener("exit", onExit);
        resolve({
          url: running[1],
          child,
          output: () => output,
          async stop() {
            if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
            await exited;
          },
        });
      }
    };
    const onExit = (code: number | null) => reject(new Error(`the server exited (${code}) before it ran:\n${output}`));
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.once("exit", onExit);
  });
}
