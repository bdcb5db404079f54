import { describe, expect, test } from "vitest";
import { emptyResolver, extract, memoryResolver } from "../../server/extract/index.js";
import type { KnownName } from "../../server/extract/resolve.js";
import type { KnownRole } from "../../server/extract/role-lookup.js";
import type { MeetingProposal } from "../../server/extract/types.js";

const actor = (entity: string, name: string, kind: string, aliases: string[] = []): KnownName => ({
  entity,
  name,
  aliases,
  label: "Actor",
  kind,
});
const names = [
  actor("actor:china", "China", "state", ["Beijing"]),
  actor("actor:russia", "Russia", "state", ["Moscow"]),
  actor("actor:kazakhstan", "Kazakhstan", "state"),
  actor("actor:xi-jinping", "Xi Jinping", "person", ["Xi"]),
  actor("actor:li-qiang", "Li Qiang", "person"),
  actor("actor:vladimir-putin", "Vladimir Putin", "person", ["Putin"]),
  actor("actor:sergey-lavrov", "Sergey Lavrov", "person"),
  actor("actor:qin-gang", "Qin Gang", "person"),
  actor("actor:wang-yi", "Wang Yi", "person"),
];
const role = (holder: string, name: string, title: string, of: string, extra: Partial<KnownRole> = {}): KnownRole => ({
  holder,
  name,
  title,
  of,
  qualifier: null,
  end: null,
  ...extra,
});
const roles = [
  role("actor:xi-jinping", "Xi Jinping", "President", "actor:china"),
  role("actor:li-qiang", "Li Qiang", "Premier", "actor:china"),
  role("actor:vladimir-putin", "Vladimir Putin", "President", "actor:russia"),
  role("actor:sergey-lavrov", "Sergey Lavrov", "Foreign Minister", "actor:russia"),
  role("actor:qin-gang", "Qin Gang", "Foreign Minister", "actor:china", { qualifier: "then", end: "2023-07-25" }),
  role("actor:wang-yi", "Wang Yi", "Foreign Minister", "actor:china"),
];
const known = memoryResolver(names, { roles });
const people = async (text: string, resolver = known) =>
  (await extract({ text, publishedAt: "2025-01-10" }, resolver)).proposals.flatMap((p) =>
    p.kind === "actor" ? [[p.text, p.entity, p.alternatives.map((a) => a.entity)]] : [],
  );

describe("extract: people named by their office", () => {
  test("when an office of a known state has one current holder, then the phrase resolves to that person", async () => {
    expect(await people("The talks were chaired by the Russian president.")).toEqual([
      ["Russian president", "actor:vladimir-putin", []],
    ]);
    expect(await people("Russia’s foreign minister arrived.")).toEqual([
      ["Russia", "actor:russia", []],
      ["foreign minister", "actor:sergey-lavrov", []],
    ]);
  });

  test("when a former holder is recorded beside the current one, then the current one is the entity", async () => {
    expect(await people("Later the Chinese foreign minister spoke.")).toEqual([
      ["Chinese foreign minister", "actor:wang-yi", ["actor:qin-gang"]],
    ]);
  });

  test("when the office is ambiguous, then no holder is the entity and all are alternatives", async () => {
    expect(await people("Later the Chinese leader spoke.")).toEqual([
      ["Chinese leader", null, ["actor:li-qiang", "actor:xi-jinping"]],
    ]);
  });

  test("when an office is followed by a name, then the name is the proposal (the office is its title)", async () => {
    expect((await people("The Russian President Vladimir Putin spoke.")).map(([text]) => text)).toEqual([
      "Vladimir Putin",
    ]);
  });

  test("when the graph records no holder, or there is no graph, then no office phrase is proposed", async () => {
    expect(await people("Later the Kazakh president spoke.")).toEqual([]);
    expect(await people("Later the Russian president spoke.", emptyResolver)).toEqual([]);
  });

  test("when two offices meet, then the meeting's participants are their holders", async () => {
    const x = await extract(
      { text: "The Russian president met the Chinese foreign minister in Moscow.", publishedAt: "2025-01-10" },
      known,
    );
    const byId = new Map(x.proposals.map((p) => [p.id, p]));
    const meeting = x.proposals.find((p): p is MeetingProposal => p.kind === "meeting");
    expect(meeting?.participants.map((id) => byId.get(id)?.entity)).toEqual(["actor:vladimir-putin", "actor:wang-yi"]);
  });
});
