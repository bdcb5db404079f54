import { describe, expect, test } from "vitest";
import type { KnownEvent } from "../../server/extract/event-lookup.js";
import { emptyResolver, extract, memoryResolver } from "../../server/extract/index.js";
import type { KnownName } from "../../server/extract/resolve.js";
import type { Extraction, MeetingProposal } from "../../server/extract/types.js";

const person = (entity: string, name: string, aliases: string[] = []): KnownName => ({
  entity,
  name,
  aliases,
  label: "Actor",
  kind: "person",
});
const names: KnownName[] = [
  person("actor:vladimir-putin", "Vladimir Putin", ["Putin"]),
  person("actor:xi-jinping", "Xi Jinping", ["Xi"]),
  person("actor:wang-yi", "Wang Yi"),
  person("actor:sergey-lavrov", "Sergey Lavrov"),
  { entity: "forum:sco", name: "Shanghai Cooperation Organisation", aliases: ["SCO"], label: "Forum", kind: "summit" },
];
const event = (
  entity: string,
  kind: string,
  start: string,
  end: string,
  precision: string,
  extra: Partial<KnownEvent> = {},
): KnownEvent => ({
  entity,
  name: entity.slice(6),
  kind,
  start,
  end,
  precision,
  participants: ["actor:vladimir-putin", "actor:xi-jinping"],
  forums: [],
  ...extra,
});
const events: KnownEvent[] = [
  event("event:state-visit-2024", "state-visit", "2024-05-01", "2024-05-31", "month"),
  event("event:parade-2025", "parade", "2025-05-09", "2025-05-09", "day"),
  event("event:talks-2023-03-21", "meeting", "2023-03-21", "2023-03-21", "day"),
  event("event:talks-2023-03-22", "meeting", "2023-03-22", "2023-03-22", "day"),
  event("event:series", "meeting-series", "2022-02-01", "2025-05-09", "month"),
  event("event:sco-2024", "summit", "2024-07-03", "2024-07-04", "day", {
    participants: ["actor:wang-yi", "actor:kazakhstan"],
    forums: ["forum:sco"],
  }),
];
const known = memoryResolver(names, { events });

const meeting = (x: Extraction) => x.proposals.find((p): p is MeetingProposal => p.kind === "meeting");

describe("extract: a meeting reported again resolves to its event", () => {
  test("when the meeting's pair, kind and month match one event, then its entity is that event", async () => {
    const x = await extract(
      { text: "Vladimir Putin met Xi Jinping in Beijing in May 2024.", publishedAt: "2024-06-01" },
      known,
    );
    expect(meeting(x)?.entity).toBe("event:state-visit-2024");
    expect(meeting(x)?.reason).toMatch(/Reports event:state-visit-2024 \(2 of 2 participants, the same month/);
  });

  test("when the meeting is dated to the day, then the event of that day is the entity and not the one the day after", async () => {
    const x = await extract(
      { text: "Xi Jinping met Vladimir Putin on 21 March 2023.", publishedAt: "2023-03-25" },
      known,
    );
    expect(meeting(x)?.entity).toBe("event:talks-2023-03-21");
    expect(meeting(x)?.alternatives.map((a) => a.entity)).not.toContain("event:talks-2023-03-22");
  });

  test("when two events of the pair fit the meeting's date equally, then neither is the entity and both are alternatives", async () => {
    const x = await extract({ text: "Xi Jinping met Vladimir Putin in March 2023.", publishedAt: "2023-04-01" }, known);
    expect(meeting(x)?.entity).toBeNull();
    expect(
      meeting(x)
        ?.alternatives.map((a) => a.entity)
        .sort(),
    ).toEqual(["event:talks-2023-03-21", "event:talks-2023-03-22"]);
    expect(meeting(x)?.alternatives.every((a) => a.name.length > 0)).toBe(true);
  });

  test("when the pair met in another year, then the meeting is new and the pair's other events are not proposed", async () => {
    const x = await extract({ text: "Vladimir Putin met Xi Jinping in May 2019.", publishedAt: "2019-06-01" }, known);
    expect(meeting(x)?.entity).toBeNull();
    expect(meeting(x)?.alternatives).toEqual([]);
  });

  test("when the meeting's sentence gives no date, then recent events of the pair are alternatives only, with low scores", async () => {
    const x = await extract({ text: "Vladimir Putin met Xi Jinping in Moscow.", publishedAt: "2025-05-20" }, known);
    expect(meeting(x)?.entity).toBeNull();
    expect(meeting(x)?.alternatives.map((a) => a.entity)).toEqual(["event:parade-2025"]);
    expect(meeting(x)?.alternatives[0]?.score).toBeLessThan(0.75);
  });

  test("when a series is reported, then it resolves to the pair's series and a single meeting never does", async () => {
    const series = await extract(
      {
        text: "Between February 2022 and February 2025, Xi Jinping and Vladimir Putin met 10 times.",
        publishedAt: "2025-05-09",
      },
      known,
    );
    expect(meeting(series)?.entity).toBe("event:series");
    const single = await extract({ text: "Xi Jinping met Vladimir Putin in 2022.", publishedAt: "2025-05-09" }, known);
    expect(meeting(single)?.alternatives.map((a) => a.entity) ?? []).not.toContain("event:series");
    expect(meeting(single)?.entity).not.toBe("event:series");
  });

  test("when one known actor meets a new one at a known forum, then the forum's event of that date is an alternative only (the new participant is not in it)", async () => {
    const x = await extract(
      {
        text: "On 4 July 2024, Wang Yi met Murat Nurtleu on the sidelines of the SCO in Astana.",
        publishedAt: "2024-07-05",
      },
      known,
    );
    expect(meeting(x)?.entity).toBeNull();
    expect(meeting(x)?.alternatives.map((a) => a.entity)).toEqual(["event:sco-2024"]);
    expect(meeting(x)?.reason).toMatch(/1 of 2 participants, the same day, a summit, at the forum/);
  });

  test("when a dated state visit names only its visitor, then the visitor's state visit of that month is the entity", async () => {
    const x = await extract(
      { text: "Putin’s state visit to Beijing in May 2024 was his first abroad that year.", publishedAt: "2024-06-01" },
      known,
    );
    expect([meeting(x)?.eventKind, meeting(x)?.entity]).toEqual(["state-visit", "event:state-visit-2024"]);
  });

  test("when the meeting was at a forum, then the pair's event at another forum is not it", async () => {
    const atForums = memoryResolver(names, {
      events: [
        event("event:g20-2024", "meeting", "2024-07-04", "2024-07-04", "day", {
          participants: ["actor:wang-yi", "actor:sergey-lavrov"],
          forums: ["forum:g20"],
        }),
      ],
    });
    const x = await extract(
      { text: "On 4 July 2024, Wang Yi met Sergey Lavrov on the sidelines of the SCO.", publishedAt: "2024-07-05" },
      atForums,
    );
    expect([meeting(x)?.entity, meeting(x)?.alternatives]).toEqual([null, []]);
    const without = await extract(
      { text: "On 4 July 2024, Wang Yi met Sergey Lavrov.", publishedAt: "2024-07-05" },
      atForums,
    );
    expect(meeting(without)?.entity).toBe("event:g20-2024");
  });

  test("when a participant is unknown and no forum is known, then no event is looked up", async () => {
    const x = await extract({ text: "On 4 July 2024, Wang Yi met Murat Nurtleu.", publishedAt: "2024-07-05" }, known);
    expect([meeting(x)?.entity, meeting(x)?.alternatives]).toEqual([null, []]);
  });

  test("when the resolver knows no events (a cold start), then meetings stay new", async () => {
    const x = await extract({ text: "Vladimir Putin met Xi Jinping in May 2024." }, emptyResolver);
    expect([meeting(x)?.entity, meeting(x)?.alternatives]).toEqual([null, []]);
  });
});
