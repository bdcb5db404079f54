import { spawn } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { projectRoot } from "../../server/lib/project-root.js";
import { freePort } from "../../server/neo4j/bundled.js";
import { testDriver, testNeo4j } from "../support/neo4j.js";

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return check();
}

/** Starts the built bundled-Neo4j module in a separate Node process, which prints the connection as JSON. */
function startInChildProcess(home: string, port: number) {
  const script = `
    import { startBundledNeo4j } from ${JSON.stringify(path.join(projectRoot, "dist/server/neo4j/bundled.js"))};
    const db = await startBundledNeo4j({ home: ${JSON.stringify(home)}, boltPort: ${port}, heap: "512m", pageCache: "32m" });
    console.log(JSON.stringify({ uri: db.uri, password: db.password, pid: db.pid }));
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ready = new Promise<{ uri: string; password: string; pid: number }>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve(JSON.parse(line));
    });
    child.once("exit", (code) => reject(new Error(`child exited with ${code} before Neo4j was ready`)));
  });
  return { child, ready };
}

describe("the bundled Neo4j", () => {
  test("when a test writes through Bolt, then it reads the same data back", async () => {
    const driver = testDriver();
    try {
      const marker = `bolt-roundtrip-${Date.now()}`;
      await driver.executeQuery("CREATE (:Probe {marker: $marker, at: datetime()})", { marker });
      const { records } = await driver.executeQuery("MATCH (p:Probe {marker: $marker}) RETURN p.marker AS m", {
        marker,
      });
      expect(records.map((r) => r.get("m"))).toEqual([marker]);
      await driver.executeQuery("MATCH (p:Probe {marker: $marker}) DELETE p", { marker });
    } finally {
      await driver.close();
    }
  });

  test("when LOAD CSV asks for a file or a URL, then the database refuses", async () => {
    const driver = testDriver();
    try {
      await expect(driver.executeQuery("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row")).rejects.toMatchObject({
        code: "Neo.ClientError.Statement.ExternalResourceFailed",
      });
      await expect(
        driver.executeQuery("LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row"),
      ).rejects.toMatchObject({ code: "Neo.ClientError.Statement.ExternalResourceFailed" });
    } finally {
      await driver.close();
    }
  });

  test("when one transaction asks for more memory than its limit, then it fails alone and the database keeps answering", async () => {
    const driver = neo4j.driver(testNeo4j().uri, neo4j.auth.basic(testNeo4j().user, testNeo4j().password), {
      maxTransactionRetryTime: 0,
    });
    const session = driver.session();
    try {
      await expect(
        session.run("UNWIND range(1, 20000000) AS i WITH collect(i) AS numbers RETURN size(numbers) AS n"),
      ).rejects.toMatchObject({ code: "Neo.TransientError.General.MemoryPoolOutOfMemoryError" });
      const { records } = await session.run("RETURN 1 AS one");
      expect(records[0]?.get("one").toNumber()).toBe(1);
    } finally {
      await session.close();
      await driver.close();
    }
  });

  describe("lifecycle (its own instance)", () => {
    let home: string;
    beforeAll(async () => {
      home = await mkdtemp(path.join(os.tmpdir(), "liaison-lifecycle-"));
    });
    afterAll(async () => {
      await rm(home, { recursive: true, force: true });
    });

    test("when the Node process is killed with SIGKILL, then Neo4j goes down with it, and its data and password survive a restart", async () => {
      const port = await freePort();
      const first = startInChildProcess(home, port);
      const { uri, password, pid } = await first.ready;

      const passwordFile = await stat(path.join(home, "auth", "password"));
      expect(passwordFile.mode & 0o777).toBe(0o600);
      const wrong = neo4j.driver(uri, neo4j.auth.basic("neo4j", "not-the-password"));
      await expect(wrong.verifyConnectivity()).rejects.toMatchObject({ code: "Neo.ClientError.Security.Unauthorized" });
      await wrong.close();

      const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", password));
      await driver.executeQuery("CREATE (:Probe {marker: 'persisted'})");
      await driver.close();

      first.child.kill("SIGKILL");
      expect(await waitFor(() => !isAlive(pid), 30_000)).toBe(true);

      const second = startInChildProcess(home, port);
      const again = await second.ready;
      expect(again.password).toBe(password);
      const reopened = neo4j.driver(again.uri, neo4j.auth.basic("neo4j", again.password));
      const { records } = await reopened.executeQuery("MATCH (p:Probe {marker: 'persisted'}) RETURN count(p) AS n");
      expect(records[0]?.get("n").toNumber()).toBe(1);
      await reopened.close();
      second.child.kill("SIGTERM");
      expect(await waitFor(() => !isAlive(again.pid), 30_000)).toBe(true);
    }, 180_000);
  });
});
