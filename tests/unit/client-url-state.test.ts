import { describe, expect, test } from "vitest";
import { emptyViewState, parseViewState, serializeViewState } from "../../client/state/url-state.js";

describe("client URL state", () => {
  test("when a view is written and read back, then it is the same view", () => {
    const view = {
      ...emptyViewState(),
      focus: "actor:wang-yi",
      selected: "actor:wang-yi|PARTICIPATED_IN|event:x",
      panel: "meetings" as const,
      hiddenTypes: ["Passage" as const, "Claim" as const],
      hiddenRels: ["ABOUT"],
      from: "2022-02",
      to: "2025-02",
      actor: "actor:wang-yi",
      with: "actor:sergey-lavrov",
      review: "draft:5b0c6c1e-8d57-4a53-9d0e-1f2a3b4c5d6e",
    };
    const read = parseViewState(serializeViewState(view));
    expect(read).toMatchObject({ ...view, hiddenTypes: ["Claim", "Passage"] });
  });

  test("when the URL holds unknown or malformed values, then they are dropped instead of failing", () => {
    const read = parseViewState("?panel=admin&hide=Passage,Robot&from=yesterday&to=2024-13-99x&hideRels=about;drop");
    expect(read.panel).toBeUndefined();
    expect(read.hiddenTypes).toEqual(["Passage"]);
    expect(read.from).toBeUndefined();
    expect(read.to).toBeUndefined();
    expect(read.hiddenRels).toEqual([]);
  });

  test("when nothing is set, then the query string is empty and keys come in a stable order", () => {
    expect(serializeViewState(emptyViewState())).toBe("");
    expect(serializeViewState({ ...emptyViewState(), panel: "console", focus: "forum:sco" })).toBe(
      "?focus=forum%3Asco&panel=console",
    );
  });
});
