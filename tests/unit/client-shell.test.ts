import { describe, expect, test } from "vitest";
import { ApiRequestError } from "../../client/api/client.js";
import { edgeTooltip, nodeTooltip } from "../../client/graph/tooltip.js";
import { countsText, focusLead } from "../../client/shell/chrome.js";
import { bannerText, healthFailure } from "../../client/shell/health.js";

describe("the status line and caption", () => {
  test("when filters hide some elements, then the counts say how many are shown and how many hidden", () => {
    expect(countsText({ nodes: 3, edges: 2, total: 7 })).toBe("3 nodes · 2 relationships shown (2 hidden by filters)");
    expect(countsText({ nodes: 3, edges: 2, total: 5 })).toBe("3 nodes · 2 relationships shown");
  });

  test("when the focus's label ends in punctuation, then the caption adds no full stop", () => {
    expect(focusLead("Wang Yi")).toBe("Around Wang Yi.");
    expect(focusLead("Vostok 2022!")).toBe("Around Vostok 2022!");
    expect(focusLead("Talks…")).toBe("Around Talks…");
  });
});

describe("the health banner", () => {
  test("when GET /api/health answers 503 with a reason, then the banner gives the reason without where it came from", () => {
    const error = new ApiRequestError(503, "HTTP_503", "The server answered 503.", {
      status: "unavailable",
      reason: "health/counts-by-label: Neo4j is unreachable right now; try again shortly.",
    });
    expect(healthFailure(error)).toBe("Neo4j is unreachable right now; try again shortly.");
  });

  test("when the server does not answer at all, then the banner says the server, not the database, is away", () => {
    expect(healthFailure(new ApiRequestError(0, "NETWORK", "no answer"))).toBe("The Liaison server does not answer.");
  });

  test("when the failure is an API error without a reason or not an API error, then its message or a default is given", () => {
    expect(healthFailure(new ApiRequestError(500, "INTERNAL", "GET /api/health: boom."))).toBe("Boom.");
    expect(healthFailure(new TypeError("x"))).toBe("Neo4j did not answer.");
  });

  test("when the database answers, then there is no banner text; when not, then the text says when it is checked again", () => {
    expect(bannerText({ ok: true, message: "" })).toBe("");
    const text = bannerText({ ok: false, message: "" });
    expect(text).toMatch(/^The graph database is unavailable\. It does not answer\./);
    expect(text).toMatch(/every 30 seconds/);
  });
});

describe("the canvas tooltip", () => {
  test("when a dated event with evidence is hovered, then its type, date and evidence are listed under its name", () => {
    const tip = nodeTooltip({
      type: "Event",
      kind: "summit",
      label: "BRICS summit",
      dateStart: "2024-10-22",
      dateEnd: "2024-10-24",
      datePrecision: "day",
      evidenceCount: 2,
      hiddenNeighbours: 5,
    });
    expect(tip.title).toBe("BRICS summit");
    expect(tip.lines[0]).toBe("Event · summit");
    expect(tip.lines[1]).toMatch(/2024/);
    expect(tip.lines.slice(2)).toEqual(["2 passages of evidence", "+5 more neighbours (expand to see)"]);
  });

  test("when a who-met-whom line is hovered, then its ends, the reported count and the shared events are listed", () => {
    const tip = edgeTooltip(
      { type: "MET", reportedCount: 18, weight: 1, evidence: ["p1"] },
      "Wang Yi",
      "Sergey Lavrov",
    );
    expect(tip.title).toBe("MET");
    expect(tip.lines).toEqual([
      "Wang Yi → Sergey Lavrov",
      "met 18 times, per the source",
      "1 shared event in the graph",
      "1 passage(s) of evidence",
    ]);
  });
});
