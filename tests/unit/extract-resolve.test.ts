import { describe, expect, test } from "vitest";
import { extract, memoryResolver } from "../../server/extract/index.js";
import { matchScore } from "../../server/extract/resolve.js";
import { Extraction } from "../../server/extract/types.js";

const known = memoryResolver([
  {
    entity: "actor:wang-yi",
    name: "Wang Yi",
    aliases: [],
    label: "Actor",
    kind: "person",
    roles: ["Foreign Minister"],
  },
  { entity: "actor:sergey-lavrov", name: "Sergey Lavrov", aliases: [], label: "Actor", kind: "person" },
  { entity: "actor:vladimir-putin", name: "Vladimir Putin", aliases: ["Putin"], label: "Actor", kind: "person" },
  { entity: "actor:russia", name: "Russia", aliases: ["Moscow"], label: "Actor", kind: "state" },
  { entity: "actor:the-west", name: "the West", aliases: ["Western countries"], label: "Actor", kind: "group" },
  { entity: "actor:us-treasury", name: "U.S. Treasury", aliases: [], label: "Actor", kind: "agency" },
  {
    entity: "forum:sco",
    name: "Shanghai Cooperation Organisation",
    aliases: ["SCO"],
    label: "Forum",
    kind: "organisation",
  },
]);

const entities = async (text: string) =>
  (await extract({ text }, known)).proposals.flatMap((p) =>
    p.kind === "actor" || p.kind === "forum" || p.kind === "place" ? [[p.text, p.kind, p.entity]] : [],
  );

describe("extract: resolution to the graph's nodes (warm)", () => {
  test("when names, aliases, titles, initials, diacritics and other spellings are written, then each resolves to its node", async () => {
    expect(
      await entities(
        "Chinese Foreign Minister Wang Yi met Sergei Lavrov; V. Putin and the Shanghai Cooperation Organisation agreed.",
      ),
    ).toEqual([
      ["Wang Yi", "actor", "actor:wang-yi"],
      ["Sergei Lavrov", "actor", "actor:sergey-lavrov"],
      ["V. Putin", "actor", "actor:vladimir-putin"],
      ["Shanghai Cooperation Organisation", "forum", "forum:sco"],
    ]);
    expect(await entities("Wáng Yì arrived.")).toEqual([["Wáng Yì", "actor", "actor:wang-yi"]]);
  });

  test("when the graph holds a name the recogniser does not find, then the graph's name is proposed", async () => {
    expect(await entities("It drew scrutiny from Western countries despite U.S. Treasury warnings.")).toEqual([
      ["Western countries", "actor", "actor:the-west"],
      ["U.S. Treasury", "actor", "actor:us-treasury"],
    ]);
  });

  test("when a capital stands for its state, then it resolves to the state; written as a place, it stays a place with the state as alternative", async () => {
    const x = await extract({ text: "Moscow objected. The parade in Moscow was large." }, known);
    const [first, second] = x.proposals.filter((p) => p.text === "Moscow");
    expect([first?.kind, first?.entity]).toEqual(["actor", "actor:russia"]);
    expect([second?.kind, second?.entity, second?.alternatives[0]?.entity]).toEqual(["place", null, "actor:russia"]);
  });

  test("when a name is unknown to the graph, then its entity is null", async () => {
    expect(await entities("Murat Nurtleu met Wang Yi.")).toEqual([
      ["Murat Nurtleu", "actor", null],
      ["Wang Yi", "actor", "actor:wang-yi"],
    ]);
  });

  test("when a name matches several nodes, then the best is the entity and the others are alternatives with scores", async () => {
    const two = memoryResolver([
      { entity: "actor:li-qiang", name: "Li Qiang", aliases: [], label: "Actor", kind: "person" },
      { entity: "actor:li-shangfu", name: "Li Shangfu", aliases: [], label: "Actor", kind: "person" },
    ]);
    const x = await extract({ text: "Premier Li Qiang spoke." }, two);
    const p = x.proposals.find((q) => q.text === "Li Qiang");
    expect(p?.entity).toBe("actor:li-qiang");
    expect(p?.alternatives).toEqual([]);
    expect(matchScore("Li", { name: "Li Qiang", aliases: [] })?.score).toBeLessThan(1);
  });

  test("when any text is extracted, then the result satisfies the Extraction schema and every proposal's text is at its offsets", async () => {
    const text =
      "On 4 July 2024, Wang Yi met Sergey Lavrov, who said ‘the talks were useful and frank’, and trade rose by 22% to $41 billion.";
    const x = await extract({ text, publishedAt: "2024-07-05" }, known);
    expect(Extraction.safeParse(x).success).toBe(true);
    for (const p of x.proposals) expect(text.slice(p.start, p.end), p.kind).toBe(p.text);
    for (const s of x.sentences) expect(text.slice(s.start, s.end).length).toBeGreaterThan(0);
  });
});

describe("extract: other spellings of known names", () => {
  const people = memoryResolver([
    { entity: "actor:volodymyr-zelenskyy", name: "Volodymyr Zelenskyy", aliases: [], label: "Actor", kind: "person" },
    { entity: "actor:yevgeny-prigozhin", name: "Yevgeny Prigozhin", aliases: [], label: "Actor", kind: "person" },
    { entity: "actor:alexander-lukashenko", name: "Alexander Lukashenko", aliases: [], label: "Actor", kind: "person" },
    { entity: "actor:sergei-shoigu", name: "Sergei Shoigu", aliases: [], label: "Actor", kind: "person" },
    { entity: "actor:dmitry-medvedev", name: "Dmitry Medvedev", aliases: [], label: "Actor", kind: "person" },
    { entity: "actor:vladimir-putin", name: "Vladimir Putin", aliases: ["Putin"], label: "Actor", kind: "person" },
  ]);
  const linked = async (text: string) =>
    (await extract({ text }, people)).proposals.flatMap((p) => (p.kind === "actor" ? [[p.text, p.entity]] : []));

  test("when a name is written in another romanisation, then it resolves to the known spelling", async () => {
    for (const [written, entity] of [
      ["Volodymyr Zelensky", "actor:volodymyr-zelenskyy"],
      ["Volodymyr Zelenskiy", "actor:volodymyr-zelenskyy"],
      ["Evgenii Prigozhin", "actor:yevgeny-prigozhin"],
      ["Aleksandr Lukashenko", "actor:alexander-lukashenko"],
      ["Sergey Shoygu", "actor:sergei-shoigu"],
      ["Dmitriy Medvedev", "actor:dmitry-medvedev"],
    ]) {
      expect(await linked(`${written} spoke.`), written).toEqual([[written, entity]]);
    }
  });

  test("when a middle initial or an accent is written, then the name still resolves; another first initial does not", async () => {
    expect(await linked("Vladimir V. Putin spoke.")).toEqual([["Vladimir V. Putin", "actor:vladimir-putin"]]);
    expect(await linked("Sergéy Shoigú spoke.")).toEqual([["Sergéy Shoigú", "actor:sergei-shoigu"]]);
    expect(matchScore("J. Putin", { name: "Vladimir Putin", aliases: [] })).toBeNull();
  });

  test("when initials are written together or a patronymic is written, then the name still resolves", async () => {
    expect(await linked("V.V. Putin spoke.")).toEqual([["V.V. Putin", "actor:vladimir-putin"]]);
    expect(await linked("Vladimir Vladimirovich Putin spoke.")).toEqual([
      ["Vladimir Vladimirovich Putin", "actor:vladimir-putin"],
    ]);
    expect(matchScore("V.V. Medvedev", { name: "Vladimir Putin", aliases: [] })).toBeNull();
  });

  test("when a mention matches an alias's words but not the name's, then the alias counts", () => {
    const node = { name: "Sergei Shoigu", aliases: ["Sergei Kuzhugetovich Shoigu"] };
    expect(matchScore("Kuzhugetovich Shoigu", node)?.score).toBeCloseTo(0.817, 3);
    expect(matchScore("Kuzhugetovich Shoigu", { ...node, aliases: [] })).toBeNull();
  });

  test("when two names differ by more than a romanisation, then they do not match", () => {
    expect(matchScore("Sergei Lavrov", { name: "Sergei Shoigu", aliases: [] })).toBeNull();
    expect(matchScore("Dmitry Peskov", { name: "Dmitry Medvedev", aliases: [] })).toBeNull();
    expect(matchScore("Alexei Navalny", { name: "Alexander Lukashenko", aliases: [] })).toBeNull();
  });
});

describe("extract: a known person's surname alone", () => {
  test("when a surname alone is the last name of one known person, then it resolves to that person", async () => {
    expect(await entities("The talks went well, Lavrov told reporters.")).toEqual([
      ["Lavrov", "actor", "actor:sergey-lavrov"],
    ]);
  });

  test("when a surname is shared by two known people, or is a first name, then it is not proposed", async () => {
    const two = memoryResolver([
      { entity: "actor:li-qiang", name: "Li Qiang", aliases: [], label: "Actor", kind: "person" },
      { entity: "actor:zhao-qiang", name: "Zhao Qiang", aliases: [], label: "Actor", kind: "person" },
      { entity: "actor:sergey-lavrov", name: "Sergey Lavrov", aliases: [], label: "Actor", kind: "person" },
    ]);
    const x = await extract({ text: "The talks went well, Qiang told reporters, and Sergey agreed." }, two);
    expect(x.proposals.filter((p) => p.kind === "actor" && p.entity !== null)).toEqual([]);
  });
});
