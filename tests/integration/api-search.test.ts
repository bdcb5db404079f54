import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { SearchHit, SearchResponse } from "../../common/api-types.js";
import { readDataset, type ValidDataset } from "../../server/dataset/validate.js";
import { fromRoot } from "../../server/lib/project-root.js";
import { nameKey, words } from "../../server/lib/search-words.js";
import { type SeededApi, seededApi } from "./api-fixture.js";

let api: SeededApi;
let seed: ValidDataset;
beforeAll(async () => {
  api = await seededApi();
  seed = await readDataset(fromRoot("data", "seed"));
});
afterAll(async () => api.close());

async function search(q: string, extra = ""): Promise<SearchHit[]> {
  const { status, body } = await api.server.get(`/api/search?q=${encodeURIComponent(q)}${extra}`);
  expect(status, q).toBe(200);
  return (body as SearchResponse).hits;
}

/** The searched text of a hit (plain text: highlights are ranges beside it). */
const plain = (hit: SearchHit | undefined) => hit?.snippet.text ?? "";
/** The highlighted words of a hit's snippet, in order. */
const marked = (hit: SearchHit | undefined) =>
  (hit?.snippet.highlights ?? []).map((range) => hit?.snippet.text.slice(range.start, range.end));

describe("GET /api/search", () => {
  test("when any actor's or forum's exact name or alias is typed, then that node comes first", async () => {
    const named = [...seed.actors, ...seed.forums];
    for (const node of named) {
      for (const typed of [node.name, ...node.aliases]) {
        // Nodes whose name or an alias has the same key are as exact: any of them may come first.
        const same = named
          .filter((other) => [other.name, ...other.aliases].some((name) => nameKey(name) === nameKey(typed)))
          .map((other) => other.id);
        const hits = await search(typed);
        expect(
          hits.slice(0, same.length).map((hit) => hit.id),
          typed,
        ).toContain(node.id);
      }
    }
  });

  test("when a name is typed with stop words, articles or punctuation, then the named forum still comes first", async () => {
    for (const [q, id] of [
      ["Belt and Road Forum", "forum:belt-and-road-forum"],
      ["the SCO", "forum:sco"],
      ["the G20", "forum:g20"],
      ["G20?", "forum:g20"],
      ["the Shanghai Cooperation Organisation.", "forum:sco"],
      ["U.S.", "actor:united-states"],
    ] as const) {
      expect((await search(q))[0]?.id, q).toBe(id);
    }
  });

  test("when a query mixes names with stop words, then the hits covering every name come first, then partial ones", async () => {
    const hits = await search("Wang Yi and Lavrov", "&limit=50");
    expect(marked(hits[0])).toEqual(expect.arrayContaining(["Wang", "Yi", "Lavrov"]));
    expect(plain(hits[0])).toMatch(/Wang Yi.*Lavrov/);
    const ids = hits.map((hit) => hit.id);
    // Wang Yi covers two words of three, Sergey Lavrov one: both come back, in that order.
    expect(ids).toContain("actor:wang-yi");
    expect(ids.indexOf("actor:wang-yi")).toBeLessThan(ids.indexOf("actor:sergey-lavrov"));
    expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
  });

  test("when a word matches nothing, then the hits for the other words still come back", async () => {
    const hits = await search("Lavrov zzyzzx");
    expect(hits[0]?.id).toBe("actor:sergey-lavrov");
  });

  test("when any claim's own sentence is typed, punctuation and stop words included, then the claim is among the first hits", async () => {
    for (const claim of seed.claims) {
      const q = claim.text.length <= 200 ? claim.text : claim.text.slice(0, claim.text.lastIndexOf(" ", 200));
      const hits = await search(q);
      expect(
        hits.slice(0, 3).map((hit) => hit.id),
        q,
      ).toContain(claim.id);
    }
  });

  test("when a phrase is quoted, then hits holding it come first, before hits with its words apart", async () => {
    const hits = await search('"nothing but rhetoric"', "&limit=30");
    expect(hits.length).toBeGreaterThan(1);
    const holds = hits.map((hit) => /nothing but rhetoric/i.test(plain(hit)));
    expect(holds[0]).toBe(true);
    const firstWithout = holds.indexOf(false);
    if (firstWithout !== -1) expect(holds.slice(firstWithout)).not.toContain(true);
    expect(hits.some((hit) => hit.id === "claim:fu-cong-nothing-but-rhetoric")).toBe(true);
    // Words in another order are not the phrase: nothing holds "rhetoric nothing".
    const reversed = await search('"rhetoric nothing"', "&limit=30");
    expect(reversed.every((hit) => !/rhetoric nothing/i.test(plain(hit)))).toBe(true);
  });

  test("when the query is part of a name, then the person is found first", async () => {
    const hits = await search("lavr");
    expect(hits[0]).toMatchObject({ id: "actor:sergey-lavrov", type: "Actor", label: "Sergey Lavrov" });
    expect(marked(hits[0])).toContain("Lavrov");
  });

  test("when a full name is typed, then the named actor or event comes before the passages that mention it", async () => {
    for (const [q, first] of [
      ["qin gang", /^actor:qin-gang$/],
      ["fu cong", /^actor:fu-cong$/],
      ["victory day parade", /^event:victory-day-parade-/],
    ] as const) {
      expect((await search(q))[0]?.id, q).toMatch(first);
    }
  });

  test("when the query differs in case and diacritics, then the same person is found", async () => {
    const hits = await search("SÉRGÈY LAVRÖV", "&types=Actor");
    expect(hits[0]?.id).toBe("actor:sergey-lavrov");
  });

  test("when a word is mistyped, then the nearest name is still found", async () => {
    expect((await search("Lavorv"))[0]?.id).toBe("actor:sergey-lavrov");
  });

  test("when the query holds Lucene syntax and HTML, then it is searched as text and the snippet is plain text with ranges inside it", async () => {
    for (const q of ['lavrov") OR *:* <b>', "name:lavrov AND NOT putin", "lavrov~2 -xi +[a TO z]", "\\", '"']) {
      const hits = await search(q);
      for (const hit of hits) {
        // Nothing is escaped or marked up on the server: the client's template escapes once.
        expect(hit.snippet.text).not.toMatch(/&(amp|lt|gt|quot|#39);|<\/?mark>/);
        for (const range of hit.snippet.highlights) {
          expect(range.start).toBeLessThan(range.end);
          expect(range.end).toBeLessThanOrEqual(hit.snippet.text.length);
        }
      }
      if (q.includes("lavrov")) expect(hits.map((hit) => hit.id).slice(0, 2), q).toContain("actor:sergey-lavrov");
    }
    // NOT is a word like any other: the query does not exclude Putin.
    expect((await search("lavrov NOT putin")).map((hit) => hit.id)).toContain("actor:vladimir-putin");
  });

  test("when the text holds no word at all, then nothing is found and nothing fails", async () => {
    expect(await search("?!*")).toEqual([]);
  });

  test("when types is given, then only nodes of those types are hit", async () => {
    const hits = await search("wang", "&types=Claim,Event");
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((hit) => hit.type))).toEqual(new Set(["Claim", "Event"]));
  });

  test("when a limit is given, then at most that many hits come back, each marked where it matched", async () => {
    const hits = await search("China Russia", "&limit=7");
    expect(hits).toHaveLength(7);
    for (const hit of hits) {
      expect(words(plain(hit)).some((word) => word.startsWith("china") || word.startsWith("russia"))).toBe(true);
    }
  });
});
