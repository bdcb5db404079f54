import { describe, expect, test } from "vitest";
import { emptyResolver, extract } from "../../server/extract/index.js";
import type { Proposal } from "../../server/extract/types.js";

const names = async (text: string) =>
  (await extract({ text }, emptyResolver)).proposals.filter(
    (p) => p.kind === "actor" || p.kind === "forum" || p.kind === "place",
  );
const brief = (p: Proposal) => (p.kind === "actor" ? `${p.text}:${p.type}` : `${p.text}:${p.kind}`);

describe("extract: actors, forums and places (cold, recogniser alone)", () => {
  test("when a person is named after a nationality and a title, then the name alone is proposed with the title", async () => {
    const found = await names("Chinese Foreign Minister Wang Yi arrived.");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      kind: "actor",
      type: "person",
      text: "Wang Yi",
      title: "Foreign Minister",
      entity: null,
    });
  });

  test("when people unknown to the lexicon are listed, then each is a person of its own", async () => {
    const found = await names("Leaders such as Dong Jun, Li Shangfu, and Wei Fenghe held 9 engagements.");
    expect(found.map(brief)).toEqual(["Dong Jun:person", "Li Shangfu:person", "Wei Fenghe:person"]);
  });

  test("when a person is later named by surname or possessive, then that mention is the same person", async () => {
    const found = await names("Vladimir Putin spoke first. Later, Putin’s aides left.");
    expect(found.map(brief)).toEqual(["Vladimir Putin:person", "Putin:person"]);
    expect(found[1]?.reason).toMatch(/Vladimir Putin/);
  });

  test("when states are joined by a hyphen or listed, then each state is proposed", async () => {
    const found = await names("China-Russia trade grew while India and Brazil watched.");
    expect(found.map(brief)).toEqual(["China:state", "Russia:state", "India:state", "Brazil:state"]);
  });

  test("when organisations, forums and places are named, then their kinds follow the lexicon and cue words", async () => {
    const found = await names(
      "The ministers met at the Belt and Road Forum and the SCO, near the Amur River, with NATO and Jawaharlal Nehru University watching.",
    );
    expect(found.map(brief)).toEqual([
      "Belt and Road Forum:forum",
      "SCO:forum",
      "Amur River:place",
      "NATO:organisation",
      "Jawaharlal Nehru University:organisation",
    ]);
  });

  test("when an organisation's officer is named with title and name particles, then the organisation and the person are two names", async () => {
    const found = await names("European Commission President Ursula von der Leyen met Faisal bin Farhan.");
    expect(found.map(brief)).toEqual([
      "European Commission:organisation",
      "Ursula von der Leyen:person",
      "Faisal bin Farhan:person",
    ]);
    expect(found[1]).toMatchObject({ title: "President" });
  });

  test("when 'the West' is named, then it is a group", async () => {
    expect((await names("Both avoid a complete break with the West.")).map(brief)).toEqual(["the West:group"]);
  });

  test("when a line is a title-case heading, then only names the lexicon knows are proposed from it", async () => {
    const found = await names(
      "No-Limits Partnership With Cautions\n\nTrade and Security Relations\n\nRussia exports oil.",
    );
    expect(found.map(brief)).toEqual(["Russia:state"]);
  });

  test("when a sentence starts with an ordinary word or a nationality adjective, then it is not a name", async () => {
    expect(await names("Politically, Chinese imports grew. Bilateral trade rose.")).toEqual([]);
  });

  test("when a name is proposed, then its text is exactly the text at its offsets", async () => {
    const text = "On Monday, German Chancellor Olaf Scholz met Li Qiang in Berlin.";
    for (const p of await names(text)) expect(text.slice(p.start, p.end)).toBe(p.text);
  });
});
