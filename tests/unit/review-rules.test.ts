import { describe, expect, test } from "vitest";
import type { Decision } from "../../common/contract/review.js";
import {
  currentDecisions,
  decisionOutcome,
  decisionProblems,
  progressOf,
  type ReviewContext,
  referencedNodeIds,
} from "../../server/review/review-rules.js";

const decision = (proposal: string, action: Decision["action"], undone = false): Decision => ({
  id: `decision:${proposal}-${action}`,
  draftId: "draft:x",
  proposal,
  action,
  entity: null,
  merge: null,
  edit: null,
  note: null,
  by: "local",
  at: "2026-01-01T00:00:00Z",
  undone: undone ? { by: "local", at: "2026-01-01T00:01:00Z" } : null,
});

const context: ReviewContext = {
  textLength: 100,
  proposals: new Map([
    ["p1", { kind: "actor", start: 0, end: 7, entity: "actor:wang-yi" }],
    ["p2", { kind: "date", start: 10, end: 20, entity: null }],
  ]),
  selections: new Map([["s:1", { kind: "event", start: 30, end: 60 }]]),
  existing: new Map([
    ["actor:wang-yi", { label: "Actor" as const }],
    ["forum:sco", { label: "Forum" as const }],
  ]),
};

describe("currentDecisions and progressOf", () => {
  test("when a proposal's newest decision is undone, then its previous one is current", () => {
    const current = currentDecisions([
      decision("p1", "accept"),
      decision("p1", "reject", true),
      decision("p2", "unsure"),
    ]);
    expect(current.map((d) => [d.proposal, d.action])).toEqual([
      ["p1", "accept"],
      ["p2", "unsure"],
    ]);
    expect(progressOf(5, current)).toEqual({ total: 5, reviewed: 2, accepted: 1, rejected: 0, unsure: 1 });
  });

  test("when every decision of a proposal is undone, then it has none", () => {
    expect(currentDecisions([decision("p1", "accept", true)])).toEqual([]);
  });
});

describe("decisionOutcome", () => {
  const resolved = { entity: "actor:wang-yi" };
  test("when a resolved mention is accepted as it is, then it is the same as its candidate", () => {
    expect(decisionOutcome({ action: "accept" }, resolved)).toEqual({
      entity: "actor:wang-yi",
      merge: { candidate: "actor:wang-yi", verdict: "same" },
    });
  });

  test("when it is accepted as a new node or as another node, then it is different from its candidate", () => {
    expect(decisionOutcome({ action: "accept", entity: null }, resolved).merge).toEqual({
      candidate: "actor:wang-yi",
      verdict: "different",
    });
    expect(decisionOutcome({ action: "accept", entity: "actor:other" }, resolved)).toEqual({
      entity: "actor:other",
      merge: { candidate: "actor:wang-yi", verdict: "different" },
    });
  });

  test("when an unresolved mention is linked to a node, then it is the same as that node; left new, no merge", () => {
    expect(decisionOutcome({ action: "accept", entity: "actor:x" }, { entity: null }).merge).toEqual({
      candidate: "actor:x",
      verdict: "same",
    });
    expect(decisionOutcome({ action: "accept" }, { entity: null })).toEqual({ entity: null, merge: null });
  });

  test("when the reviewer is unsure, then the verdict is unsure; a rejection links nothing", () => {
    expect(decisionOutcome({ action: "unsure" }, resolved).merge?.verdict).toBe("unsure");
    expect(decisionOutcome({ action: "reject", entity: "actor:x" }, resolved)).toEqual({ entity: null, merge: null });
  });
});

describe("decisionProblems", () => {
  test("when every decision is sound, then there is no problem", () => {
    const inputs = [
      { proposal: "p1", action: "accept" as const },
      {
        proposal: "s:1",
        action: "accept" as const,
        edit: { participants: ["new:p1", "actor:wang-yi"], forum: "forum:sco" },
      },
      { proposal: "p2", action: "reject" as const, edit: { start: 12 } },
    ];
    expect(decisionProblems(inputs, context)).toEqual([]);
    expect(referencedNodeIds(inputs).sort()).toEqual(["actor:wang-yi", "forum:sco"]);
  });

  test("when decisions name unknown proposals, nodes, kinds or spans, then each problem names its input", () => {
    const problems = decisionProblems(
      [
        { proposal: "p1", action: "accept" },
        { proposal: "p404", action: "accept" },
        { proposal: "p1", action: "accept", entity: "forum:sco" },
        { proposal: "s:1", action: "accept", edit: { statedBy: ["new:p404"], start: 50, end: 40 } },
        { proposal: "p2", action: "accept", edit: { end: 101 } },
      ],
      context,
    );
    expect(problems.map((problem) => problem.parameter)).toEqual([
      "decisions[1].proposal",
      "decisions[2].entity",
      "decisions[3].edit.statedBy[0]",
      "decisions[3].edit.start",
      "decisions[4].edit.end",
    ]);
    expect(problems[0]?.message).toContain('"p404"');
  });
});
