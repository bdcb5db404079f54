import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { loadConfig, redactUri, settings } from "../../server/config.js";
import { fromRoot } from "../../server/lib/project-root.js";

describe("loadConfig", () => {
  test("when nothing is set, then the defaults bind to loopback on port 3000 and use the bundled Neo4j", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe("127.0.0.1");
    expect(config.NEO4J_URI).toBeUndefined();
  });

  test("when several values are bad, then one CONFIG_INVALID error names each of them", () => {
    expect(() => loadConfig({ PORT: "seventy", LIAISON_NEO4J_HEAP: "lots" })).toThrowError(
      expect.objectContaining({
        code: "CONFIG_INVALID",
        message: expect.stringMatching(/PORT[\s\S]*LIAISON_NEO4J_HEAP/),
      }),
    );
  });

  test("when one transaction may use more than half the bundled Neo4j's heap, then the memory setting is refused", () => {
    expect(() => loadConfig({ LIAISON_NEO4J_HEAP: "512m", LIAISON_NEO4J_TX_MEMORY: "512m" })).toThrowError(
      expect.objectContaining({ code: "CONFIG_INVALID", message: expect.stringContaining("LIAISON_NEO4J_TX_MEMORY") }),
    );
    expect(loadConfig({ LIAISON_NEO4J_HEAP: "2g", LIAISON_NEO4J_TX_MEMORY: "1g" }).LIAISON_NEO4J_TX_MEMORY).toBe("1g");
  });

  test("every setting is documented in the README's configuration table", () => {
    const readme = readFileSync(fromRoot("README.md"), "utf8");
    for (const key of Object.keys(settings)) {
      expect(readme, key).toMatch(new RegExp(`\\| \`${key}\` \\|`));
    }
  });
});

describe("redactUri", () => {
  test("when a URI carries a password, then it is replaced", () => {
    expect(redactUri("neo4j+s://neo4j:hunter2@example.databases.neo4j.io")).toBe(
      "neo4j+s://neo4j:***@example.databases.neo4j.io",
    );
  });
  test("when a URI carries no password, then it is unchanged", () => {
    expect(redactUri("bolt://127.0.0.1:7687")).toBe("bolt://127.0.0.1:7687");
  });
});
