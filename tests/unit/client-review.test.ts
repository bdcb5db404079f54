import { describe, expect, test } from "vitest";
import { initialValues, nodeRef } from "../../client/review/edit-defaults.js";
import { reviewCommand } from "../../client/review/keys.js";
import { underlines } from "../../client/review/kinds.js";
import {
  decisionsByItem,
  exactMatches,
  latestDecision,
  meetingPair,
  nextUnreviewed,
  progressText,
  reviewItems,
} from "../../client/review/model.js";
import { editFromForm } from "../../client/review/proposal-editor.js";
import { segments } from "../../client/review/segments.js";
import { trimSpan } from "../../client/review/selection.js";
import type { Decision, DraftResponse, Proposal, ReviewResponse } from "../../common/api-types.js";

const TEXT = "Chinese Foreign Minister Wang Yi met Sergey Lavrov in Minsk.";
const base = { score: 1, reason: "test", alternatives: [] };
const proposals: Proposal[] = [
  { ...base, id: "p1", kind: "actor", type: "person", text: "Wang Yi", start: 25, end: 32, entity: "actor:wang-yi" },
  {
    ...base,
    id: "p2",
    kind: "actor",
    type: "person",
    text: "Sergey Lavrov",
    start: 37,
    end: 50,
    entity: "actor:sergey-lavrov",
    score: 0.875,
  },
  { ...base, id: "p3", kind: "place", text: "Minsk", start: 54, end: 59, entity: null, score: 0.5 },
  {
    ...base,
    id: "p4",
    kind: "meeting",
    text: "Wang Yi met Sergey Lavrov",
    start: 25,
    end: 50,
    entity: null,
    eventKind: "meeting",
    participants: ["p1", "p2"],
    date: null,
    forum: null,
    place: "p3",
  },
];
const draft = {
  id: "draft:1",
  text: TEXT,
  paragraphs: [{ start: 0, end: TEXT.length }],
  extraction: { paragraphs: [], sentences: [], proposals },
} as unknown as DraftResponse;

const decision = (
  proposal: string,
  action: Decision["action"],
  at: string,
  extra: Partial<Decision> = {},
): Decision => ({
  id: `decision:${proposal}:${at}`,
  draftId: "draft:1",
  proposal,
  action,
  entity: null,
  merge: null,
  edit: null,
  note: null,
  by: "local",
  at,
  undone: null,
  ...extra,
});
const review = (decisions: Decision[]): ReviewResponse => ({
  draftId: "draft:1",
  selections: [],
  decisions,
  progress: { total: 4, reviewed: decisions.length, accepted: 0, rejected: 0, unsure: 0 },
  committed: null,
});

describe("client review: highlights", () => {
  test("when spans nest and cross, then every piece lists the spans over it, innermost first", () => {
    const pieces = segments(0, 12, [
      { id: "outer", start: 0, end: 10 },
      { id: "inner", start: 2, end: 4 },
      { id: "cross", start: 8, end: 12 },
    ]);
    expect(pieces).toEqual([
      { start: 0, end: 2, ids: ["outer"] },
      { start: 2, end: 4, ids: ["inner", "outer"] },
      { start: 4, end: 8, ids: ["outer"] },
      { start: 8, end: 10, ids: ["cross", "outer"] },
      { start: 10, end: 12, ids: ["cross"] },
    ]);
  });

  test("when a span reaches past the paragraph or is empty, then it is clipped or left out", () => {
    expect(
      segments(5, 10, [
        { id: "a", start: 0, end: 7 },
        { id: "b", start: 8, end: 8 },
      ]),
    ).toEqual([
      { start: 5, end: 7, ids: ["a"] },
      { start: 7, end: 10, ids: [] },
    ]);
  });

  test("when two kinds overlap, then each has its own underline, stacked", () => {
    expect(underlines(["actor", "meeting"])).toBe("inset 0 -3px 0 0 #1d4ed8, inset 0 -6px 0 0 #c2410c");
  });
});

describe("client review: the items and their states", () => {
  test("when proposals start together, then the longer (the meeting) comes first, in reading order", () => {
    expect(reviewItems(draft, undefined).map((item) => item.id)).toEqual(["p4", "p1", "p2", "p3"]);
  });

  test("when a decision was undone, then it is not the item's current decision", () => {
    const decisions = decisionsByItem(
      review([decision("p1", "accept", "2026-01-01T00:00:00Z", { undone: { by: "local", at: "x" } })]),
    );
    expect(decisions.has("p1")).toBe(false);
  });

  test("when exact matches are asked for, then only unreviewed proposals with an entity and a score ≥ 0.97 count", () => {
    const items = reviewItems(draft, undefined);
    expect(exactMatches(items, new Set())).toEqual(["p1"]);
    expect(exactMatches(items, new Set(["p1"]))).toEqual([]);
  });

  test("when accept-and-next moves on, then it skips reviewed items and goes round the end", () => {
    const items = reviewItems(draft, undefined); // p4 p1 p2 p3
    expect(nextUnreviewed(items, new Set(["p1", "p2"]), 0)).toBe(3);
    expect(nextUnreviewed(items, new Set(["p4", "p2", "p3"]), 3)).toBe(1);
    expect(nextUnreviewed(items, new Set(["p4", "p1", "p2", "p3"]), 1)).toBe(2);
  });

  test("when z undoes, then the newest current decision is the one", () => {
    const answer = review([
      decision("p1", "accept", "2026-01-01T10:00:00Z"),
      decision("p2", "reject", "2026-01-01T10:05:00Z"),
      decision("p3", "accept", "2026-01-01T10:09:00Z", { undone: { by: "local", at: "x" } }),
    ]);
    expect(latestDecision(answer)?.proposal).toBe("p2");
    // Times compare as instants: ".79Z" is .790, before .791.
    const close = review([
      decision("p1", "reject", "2026-01-01T10:00:44.79Z"),
      decision("p2", "accept", "2026-01-01T10:00:44.791Z"),
    ]);
    expect(latestDecision(close)?.proposal).toBe("p2");
    expect(latestDecision(review([]))).toBeUndefined();
  });

  test("when a committed meeting is shown, then its participants as the review resolved them are the pair", () => {
    const items = reviewItems(draft, undefined);
    expect(meetingPair(items, new Map(), "p4")).toEqual(["actor:wang-yi", "actor:sergey-lavrov"]);
    // Lavrov made a new node: only one participant is in the graph, so there is no pair to show.
    const decisions = decisionsByItem(review([decision("p2", "accept", "2026-01-01T00:00:00Z", { entity: null })]));
    expect(meetingPair(items, decisions, "p4")).toBeUndefined();
    expect(meetingPair(items, new Map(), "p1")).toBeUndefined();
  });

  test("when progress is shown, then it reads as reviewed of total", () => {
    expect(progressText({ total: 52, reviewed: 14 })).toBe("14 of 52 reviewed");
  });
});

describe("client review: keys", () => {
  const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...mods,
  });
  const field = { closest: (selector: string) => (selector.includes("input") ? {} : null) };
  test("when a review key is pressed outside a field, then it is that command", () => {
    expect(reviewCommand(press("a"), null)).toBe("accept");
    expect(reviewCommand(press("ArrowDown"), null)).toBe("next");
    expect(reviewCommand(press("z"), null)).toBe("undo");
    expect(reviewCommand(press("?"), null)).toBe("help");
  });
  test("when typing in a field or holding Ctrl, then the keys are the field's or the browser's", () => {
    expect(reviewCommand(press("a"), field)).toBeUndefined();
    expect(reviewCommand(press("z", { ctrlKey: true }), null)).toBeUndefined();
    expect(reviewCommand(press("Escape"), field)).toBe("close");
  });
});

describe("client review: the editor", () => {
  test("when a form is read, then empty fields are left out and lists are split at commas", () => {
    expect(
      editFromForm(["name", "participants", "date"], { name: " Talks ", participants: "actor:a, new:p2,", date: "" }),
    ).toEqual({
      name: "Talks",
      participants: ["actor:a", "new:p2"],
    });
  });

  test("when a meeting is edited, then its participants start as the nodes they resolve to or new ones", () => {
    const items = reviewItems(draft, undefined);
    const decisions = decisionsByItem(review([decision("p2", "accept", "2026-01-01T00:00:00Z", { entity: null })]));
    const lookup = {
      item: (id: string) => items.find((item) => item.id === id),
      decision: (id: string) => decisions.get(id),
    };
    expect(nodeRef("p1", lookup)).toBe("actor:wang-yi");
    // Accepted as a new node: "different from" the proposed one.
    expect(nodeRef("p2", lookup)).toBe("new:p2");
    const meeting = items.find((item) => item.id === "p4");
    expect(meeting && initialValues(meeting, lookup)).toEqual({
      name: "Wang Yi met Sergey Lavrov",
      eventKind: "meeting",
      participants: "actor:wang-yi, new:p2",
      place: "Minsk",
    });
  });
});

describe("client review: selections", () => {
  test("when a selection takes spaces at its ends, then they are left out of the passage", () => {
    expect(trimSpan("a  talks ", { start: 1, end: 9 })).toEqual({ start: 3, end: 8 });
    expect(trimSpan("   ", { start: 0, end: 3 })).toEqual({ start: 3, end: 3 });
  });
});
