import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadConfig } from "../../server/config.js";
import { projectRoot } from "../../server/lib/project-root.js";
import { start } from "../../server/main.js";
import { freePort } from "../../server/neo4j/bundled.js";
import { runServer } from "../support/app-process.js";
import { testConfig } from "../support/neo4j.js";

describe("start-up failures", () => {
  test("when NEO4J_URI points where nothing listens, then the app exits non-zero with one message naming the URI", async () => {
    const { code, output } = await runServer({ NEO4J_URI: "bolt://neo4j:secret@127.0.0.1:1", PORT: "0" });
    expect(code).not.toBe(0);
    expect(output).toContain("bolt://neo4j:***@127.0.0.1:1");
    expect(output).not.toContain("secret");
    expect(output).not.toMatch(/\n\s+at /);
  });

  test("when Java is not installed and no NEO4J_URI is set, then the app says what to install", async () => {
    const { code, output } = await runServer({ PATH: "/nonexistent", PORT: "0", LIAISON_DATA_DIR: ".data-no-java" });
    expect(code).not.toBe(0);
    expect(output).toMatch(/Java was not found\. Install Java 17 or 21/);
    expect(output).not.toMatch(/\n\s+at /);
  });

  test("when NEO4J_URI is not a Bolt URI, then start-up names the setting", async () => {
    expect(() => loadConfig({ NEO4J_URI: "http://localhost:7474" })).toThrowError(
      expect.objectContaining({ code: "CONFIG_INVALID", message: expect.stringContaining("NEO4J_URI") }),
    );
  });

  test("when the port is in use, then start-up fails with PORT_IN_USE naming the port", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", () => resolve()));
    const address = blocker.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      await expect(start(testConfig({ PORT: String(port) }))).rejects.toMatchObject({
        code: "PORT_IN_USE",
        message: expect.stringContaining(String(port)),
      });
    } finally {
      blocker.close();
    }
  });

  test("when the configuration is good, then start() serves /api/health and stop() closes it", async () => {
    const app = await start(testConfig());
    const response = await fetch(`${app.url}/api/health`);
    expect(response.status).toBe(200);
    await app.stop();
    await expect(fetch(`${app.url}/api/health`)).rejects.toThrow();
  });
});

const ok = (command: string, args: string[]) => spawnSync(command, args, { stdio: "ignore" }).status === 0;
const isRoot = process.getuid?.() === 0;

/** Whether this machine lets the test mount a small tmpfs (root with CAP_SYS_ADMIN: CI and our sandboxes). */
const canMount = (() => {
  if (!isRoot) return false;
  const probe = mkdtempSync(path.join(os.tmpdir(), "liaison-mount-probe-"));
  const mounted = ok("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", probe]);
  if (mounted) ok("umount", [probe]);
  rmSync(probe, { recursive: true, force: true });
  return mounted;
})();

/** Whether the temp folder's file system takes the immutable attribute (root ignores modes, not this). */
const canChattr = (() => {
  const probe = mkdtempSync(path.join(os.tmpdir(), "liaison-chattr-probe-"));
  const works = isRoot && ok("chattr", ["+i", probe]);
  if (works) ok("chattr", ["-i", probe]);
  rmSync(probe, { recursive: true, force: true });
  return works;
})();

describe("start-up with a data folder that cannot be used", () => {
  let root: string;
  const mounts: string[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), "liaison-data-dir-"));
    chmodSync(root, 0o755);
    env = { NEO4J_URI: "", PORT: "0", LIAISON_NEO4J_BOLT_PORT: String(await freePort()), LIAISON_SEED_DATASET: "none" };
  });
  afterAll(() => {
    for (const mount of mounts) ok("umount", ["-l", mount]);
    ok("chattr", ["-R", "-i", root]);
    rmSync(root, { recursive: true, force: true });
  });

  const tmpfs = (name: string, options: string) => {
    const target = path.join(root, name);
    mkdirSync(target);
    expect(ok("mount", ["-t", "tmpfs", "-o", options, "tmpfs", target])).toBe(true);
    mounts.push(target);
    return target;
  };

  /** The one explanation every case must give: the setting, the path, the errno, a fix, and no stack. */
  const expectExplained = (result: { code: number | null; output: string }, errno: string, where: string) => {
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("The data folder (LIAISON_DATA_DIR) cannot be used");
    expect(result.output).toContain(where);
    expect(result.output).toContain(`(${errno})`);
    expect(result.output).toMatch(/set LIAISON_DATA_DIR to/i);
    expect(result.output).not.toMatch(/\n\s+at |unexpected failure/);
  };

  test("when LIAISON_DATA_DIR is a file, then start-up names it and says a part of the path is a file (ENOTDIR)", async () => {
    const file = path.join(root, "a-file");
    writeFileSync(file, "not a folder");
    expectExplained(await runServer({ ...env, LIAISON_DATA_DIR: file }), "ENOTDIR", file);
  });

  test("when the database's folder inside it is a file, then start-up says so (EEXIST)", async () => {
    const dataDir = path.join(root, "file-inside");
    mkdirSync(dataDir);
    writeFileSync(path.join(dataDir, "neo4j"), "not a folder");
    expectExplained(await runServer({ ...env, LIAISON_DATA_DIR: dataDir }), "EEXIST", path.join(dataDir, "neo4j"));
  });

  test("when the user running Liaison may not write there, then start-up says whom to give access (EACCES)", async () => {
    const parent = path.join(root, "not-yours");
    mkdirSync(parent);
    // Root ignores modes, so as root the server runs as nobody; as anyone else a read-only mode does.
    if (!isRoot) chmodSync(parent, 0o555);
    const asNobody = isRoot ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : [];
    const result = await runServer({ ...env, LIAISON_DATA_DIR: path.join(parent, "data") }, asNobody);
    expectExplained(result, "EACCES", path.join(parent, "data"));
    expect(result.output).toMatch(/chown/);
  });

  test.skipIf(!canMount)(
    "when it is on a read-only file system, then start-up says so (EROFS), whether its folders exist yet or not",
    async () => {
      const fresh = tmpfs("ro-fresh", "ro,size=100m");
      expectExplained(await runServer({ ...env, LIAISON_DATA_DIR: path.join(fresh, "data") }), "EROFS", fresh);

      const existing = tmpfs("ro-existing", "size=100m");
      mkdirSync(path.join(existing, "data", "neo4j"), { recursive: true });
      expect(ok("mount", ["-o", "remount,ro", existing])).toBe(true);
      const result = await runServer({ ...env, LIAISON_DATA_DIR: path.join(existing, "data") });
      expectExplained(result, "EROFS", path.join(existing, "data", "neo4j"));
    },
  );

  test.skipIf(!canMount)(
    "when its disk is (nearly) full, then start-up says how much is free and nothing is written there (ENOSPC)",
    async () => {
      const small = tmpfs("small", "size=2m");
      mkdirSync(path.join(small, "data", "neo4j"), { recursive: true });
      const result = await runServer({ ...env, LIAISON_DATA_DIR: path.join(small, "data") });
      expectExplained(result, "ENOSPC", path.join(small, "data", "neo4j"));
      expect(result.output).toMatch(/only [\d.]+ MB free/);
      expect(readdirSync(path.join(small, "data", "neo4j"))).toEqual([]);
    },
  );

  test.skipIf(!canMount)(
    "when the disk is full under the launcher itself (past the app's free-space check), then it reports ENOSPC by name",
    async () => {
      const full = tmpfs("full", "size=1m");
      const home = path.join(full, "neo4j");
      mkdirSync(home);
      spawnSync("dd", ["if=/dev/zero", `of=${path.join(full, "filler")}`, "bs=64k"], { stdio: "ignore" });
      const target = path.join(projectRoot, "neo4j", "target");
      const classpath = `${path.join(target, "classes")}:${readFileSync(path.join(target, "classpath.txt"), "utf8").trim()}`;
      const launcher = spawnSync(
        "java",
        ["-cp", classpath, "liaison.neo4j.Neo4jLauncher", "--home", home, "--port", env.LIAISON_NEO4J_BOLT_PORT ?? ""],
        { encoding: "utf8", input: "", timeout: 60_000, env: { ...process.env, LC_MESSAGES: "C" } },
      );
      expect(launcher.status).not.toBe(0);
      expect(launcher.stdout).toContain(`LIAISON_NEO4J_DATA_DIR_UNUSABLE ENOSPC ${home}`);
    },
  );

  test.skipIf(!canChattr)(
    "when its folder, or one the launcher writes in it, is immutable, then start-up says the system refused and how to lift it (EPERM)",
    async () => {
      const dataDir = path.join(root, "immutable");
      const home = path.join(dataDir, "neo4j");
      mkdirSync(home, { recursive: true });
      expect(ok("chattr", ["+i", home])).toBe(true);
      const result = await runServer({ ...env, LIAISON_DATA_DIR: dataDir });
      ok("chattr", ["-i", home]);
      expectExplained(result, "EPERM", home);
      expect(result.output).toMatch(/chattr -i/);
      expect(readdirSync(home)).toEqual([]);

      // The home is fine but its conf folder is not: the launcher, holding the lock, meets the refusal.
      mkdirSync(path.join(home, "conf"));
      expect(ok("chattr", ["+i", path.join(home, "conf")])).toBe(true);
      const inside = await runServer({ ...env, LIAISON_DATA_DIR: dataDir });
      ok("chattr", ["-i", path.join(home, "conf")]);
      expectExplained(inside, "EPERM", path.join(home, "conf", "neo4j.conf"));
    },
  );
});
