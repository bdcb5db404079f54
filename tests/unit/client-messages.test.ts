import { describe, expect, test } from "vitest";
import { ApiRequestError } from "../../client/api/client.js";
import { cellText } from "../../client/export/csv.js";
import { errorMessage } from "../../client/ui/context.js";

describe("client messages", () => {
  test("when the API names the route its message came from, then people read the message without it", () => {
    const refusal = new ApiRequestError(
      403,
      "READ_ONLY",
      "POST /api/cypher: the query is a write; the console only reads.",
    );
    expect(errorMessage(refusal)).toBe("The query is a write; the console only reads.");
    expect(errorMessage(new Error("GET /api/nodes/actor%3Ax: no node has this id."))).toBe("No node has this id.");
    expect(errorMessage(new Error("meetings/network: Neo4j is unreachable right now."))).toBe(
      "Neo4j is unreachable right now.",
    );
    expect(errorMessage(new Error("saved views: view 1 has no name."))).toBe("Saved views: view 1 has no name.");
    expect(errorMessage("plain text")).toBe("Plain text");
  });

  test("when a console cell holds a relationship, then it reads as its two ends and its type", () => {
    const labels = new Map([["a|MET|b", "Wang Yi —MET→ Sergey Lavrov"]]);
    expect(cellText({ $rel: "a|MET|b" }, labels)).toBe("Wang Yi —MET→ Sergey Lavrov");
    expect(cellText({ $rel: "a|MET|b" })).toBe("a|MET|b");
  });
});
