import { describe, expect, test } from "vitest";
import { instant } from "../../server/lib/instant.js";

describe("instant", () => {
  test("when Neo4j drops a fraction's trailing zeros, then the instant is written with milliseconds and sorts as time does", () => {
    expect(instant("2026-11-30T13:59:44.79Z")).toBe("2026-11-30T13:59:44.790Z");
    expect([instant("2026-11-30T13:59:44.791Z"), instant("2026-11-30T13:59:44.79Z")].sort()).toEqual([
      "2026-11-30T13:59:44.790Z",
      "2026-11-30T13:59:44.791Z",
    ]);
  });
});
