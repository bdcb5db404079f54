import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { BundledNeo4j, BundledNeo4jOptions, LauncherExit } from "../../server/neo4j/bundled.js";
import { superviseBundledNeo4j } from "../../server/neo4j/supervisor.js";

/** A stand-in for one launcher process: the test decides when it exits. */
interface FakeProcess extends BundledNeo4j {
  die(exit?: Partial<LauncherExit>): void;
  stopped: boolean;
}

function fakeLauncher() {
  const started: FakeProcess[] = [];
  const failNext: Error[] = [];
  let pid = 100;
  const start = vi.fn(async (_options: BundledNeo4jOptions): Promise<BundledNeo4j> => {
    const failure = failNext.shift();
    if (failure) throw failure;
    let exit: (value: LauncherExit) => void = () => {};
    const process: FakeProcess = {
      uri: "bolt://127.0.0.1:7999",
      user: "neo4j",
      password: "secret",
      version: "5.26.30",
      pid: pid++,
      exited: new Promise((resolve) => (exit = resolve)),
      stopped: false,
      die: (how = {}) => exit({ code: null, signal: "SIGKILL", reason: "killed by SIGKILL", ...how }),
      async stop() {
        process.stopped = true;
        exit({ code: 0, signal: null, reason: "exited with code 0" });
      },
    };
    started.push(process);
    return process;
  });
  return { start, started, failNext };
}

const options: BundledNeo4jOptions = { home: "/nowhere", boltPort: 7999, heap: "512m" };
/** Lets promise callbacks (the exit watch, a restart's await) run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe("superviseBundledNeo4j", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test("when the database process dies unexpectedly, then it is restarted after 0.5 s and serves again", async () => {
    const launcher = fakeLauncher();
    const say = vi.fn();
    const db = await superviseBundledNeo4j(options, { start: launcher.start, say });
    expect(db.status()).toMatchObject({ state: "ready", restarts: 0 });
    expect(db.unavailable()).toBeUndefined();

    launcher.started[0]?.die();
    await settle();
    expect(db.status()).toMatchObject({ state: "restarting", restarts: 0, lastExit: "killed by SIGKILL" });
    expect(db.unavailable()).toMatch(/restarted/);
    expect(db.pid).toBe(-1);
    expect(say).toHaveBeenCalledWith(expect.stringMatching(/stopped unexpectedly \(killed by SIGKILL\); restarting/));

    await vi.advanceTimersByTimeAsync(499);
    expect(launcher.start).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(launcher.start).toHaveBeenCalledTimes(2);
    expect(db.status()).toMatchObject({ state: "ready", restarts: 1, lastExit: "killed by SIGKILL" });
    expect(db.pid).toBe(launcher.started[1]?.pid);
    expect(launcher.start.mock.calls[1]?.[0]).toMatchObject({ home: "/nowhere", boltPort: 7999 });
    await db.stop();
  });

  test("when restarts keep failing, then the wait doubles up to 30 s, and resets once it has been up a while", async () => {
    const launcher = fakeLauncher();
    const db = await superviseBundledNeo4j(options, { start: launcher.start });
    launcher.failNext.push(...Array.from({ length: 8 }, () => new Error("port taken")));
    launcher.started[0]?.die();
    await settle();

    const waits: number[] = [];
    let last = Date.now();
    while (launcher.start.mock.calls.length < 10) {
      const calls = launcher.start.mock.calls.length;
      while (launcher.start.mock.calls.length === calls) await vi.advanceTimersByTimeAsync(100);
      waits.push(Math.round((Date.now() - last) / 100) * 100);
      last = Date.now();
    }
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(db.status()).toMatchObject({ state: "ready", restarts: 9 });

    // Up for more than a minute: the next failure starts from 0.5 s again.
    await vi.advanceTimersByTimeAsync(61_000);
    launcher.started.at(-1)?.die({ signal: null, code: 3, reason: "exited with code 3 (Java ran out of memory)" });
    await settle();
    expect(db.status().lastExit).toBe("exited with code 3 (Java ran out of memory)");
    await vi.advanceTimersByTimeAsync(500);
    expect(launcher.start).toHaveBeenCalledTimes(11);
    await db.stop();
  });

  test("when stop() is called, then the process is stopped and its exit never leads to a restart", async () => {
    const launcher = fakeLauncher();
    const db = await superviseBundledNeo4j(options, { start: launcher.start });
    await db.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(launcher.started[0]?.stopped).toBe(true);
    expect(launcher.start).toHaveBeenCalledTimes(1);
    expect(db.status()).toMatchObject({ state: "stopped" });
    expect(db.unavailable()).toMatch(/stopped/);
  });

  test("when stop() comes while a restart is waiting, then no restart happens", async () => {
    const launcher = fakeLauncher();
    const db = await superviseBundledNeo4j(options, { start: launcher.start });
    launcher.started[0]?.die();
    await settle();
    await db.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(launcher.start).toHaveBeenCalledTimes(1);
    expect(db.status().state).toBe("stopped");
  });

  test("when the first start fails, then the error is the caller's and nothing is retried", async () => {
    const launcher = fakeLauncher();
    launcher.failNext.push(new Error("Java was not found"));
    await expect(superviseBundledNeo4j(options, { start: launcher.start })).rejects.toThrow("Java was not found");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(launcher.start).toHaveBeenCalledTimes(1);
  });
});
