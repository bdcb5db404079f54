import { describe, expect, test } from "vitest";
import { dataDirInUse, dataDirUnusable } from "../../server/neo4j/data-dir.js";

// The real cases (a file in the way, read-only, full, immutable, another user's folder, a second
// instance) run in tests/integration/startup.test.ts and supervised-neo4j.test.ts; this covers every
// errno the file system can answer, including those a test machine cannot produce (EDQUOT).
describe("dataDirUnusable", () => {
  const cases: [code: string, what: RegExp][] = [
    ["EACCES", /not writable/],
    ["EPERM", /refused/],
    ["EROFS", /read-only/],
    ["ENOSPC", /full disk/],
    ["EDQUOT", /quota/],
    ["ENOTDIR", /a part of its path is a file/],
    ["EEXIST", /is a file, not a folder/],
    ["ELOOP", /cannot be used/],
  ];
  test.each(cases)(
    "when the file system answers %s, then the message names LIAISON_DATA_DIR, the path, what is wrong and a fix",
    (code, what) => {
      const error = dataDirUnusable(code, "/srv/liaison/.data/neo4j", Object.assign(new Error(code), { code }));
      expect(error).toMatchObject({ name: "StartupError", code: "DATA_DIR_UNUSABLE" });
      expect(error.message).toContain("LIAISON_DATA_DIR");
      expect(error.message).toContain("/srv/liaison/.data/neo4j");
      expect(error.message).toMatch(what);
      expect(error.message).toContain(`(${code})`);
      expect(error.message).toMatch(/set LIAISON_DATA_DIR to/i);
      expect(error.message).not.toMatch(/\n\s+at /);
    },
  );
});

describe("dataDirInUse", () => {
  test("when another Liaison holds the folder, then the message names it, its pid and what to do", () => {
    const error = dataDirInUse("/srv/.data/neo4j", "pid 12, neo4j pid 34");
    expect(error).toMatchObject({ code: "DATA_DIR_IN_USE" });
    expect(error.message).toMatch(/LIAISON_DATA_DIR.*\/srv\/\.data\/neo4j.*another Liaison \(pid 12, neo4j pid 34\)/);
  });
});
