import { describe, expect, test } from "vitest";
import { emptyResolver, extract } from "../../server/extract/index.js";
import type { Extraction } from "../../server/extract/types.js";

const meetings = (x: Extraction) => {
  const byId = new Map(x.proposals.map((p) => [p.id, p]));
  return x.proposals.flatMap((p) =>
    p.kind === "meeting"
      ? [
          {
            kind: p.eventKind,
            participants: p.participants.map((id) => byId.get(id)?.text),
            date: p.date ? byId.get(p.date)?.text : null,
            forum: p.forum ? byId.get(p.forum)?.text : null,
            place: p.place ? byId.get(p.place)?.text : null,
          },
        ]
      : [],
  );
};

describe("extract: meetings, as references to the other proposals", () => {
  test("when X met Y on the sidelines of a forum, then a meeting with both, the forum and the date is proposed", async () => {
    const x = await extract(
      { text: "On 4 July 2024, Wang Yi met Sergey Lavrov on the sidelines of the SCO summit in Astana." },
      emptyResolver,
    );
    expect(meetings(x)).toEqual([
      {
        kind: "meeting",
        participants: ["Wang Yi", "Sergey Lavrov"],
        date: "4 July 2024",
        forum: "SCO",
        place: "Astana",
      },
    ]);
  });

  test("when two people spoke by phone, then the meeting is a call", async () => {
    const x = await extract(
      { text: "Olaf Scholz spoke by phone with Vladimir Putin on 15 November.", publishedAt: "2024-11-20" },
      emptyResolver,
    );
    expect(meetings(x)).toEqual([
      { kind: "call", participants: ["Olaf Scholz", "Vladimir Putin"], date: "15 November", forum: null, place: null },
    ]);
  });

  test("when people held talks, then a meeting is proposed", async () => {
    const x = await extract(
      { text: "German Chancellor Olaf Scholz held talks with Chinese Premier Li Qiang in Berlin." },
      emptyResolver,
    );
    expect(meetings(x)).toEqual([
      { kind: "meeting", participants: ["Olaf Scholz", "Li Qiang"], date: null, forum: null, place: "Berlin" },
    ]);
  });

  test("when people met a number of times, then the meeting is a series", async () => {
    const x = await extract({ text: "Xi Jinping and Vladimir Putin met 10 times." }, emptyResolver);
    expect(meetings(x).map((m) => [m.kind, m.participants])).toEqual([
      ["meeting-series", ["Xi Jinping", "Vladimir Putin"]],
    ]);
  });

  test("when a sentence names only one actor, then no meeting is proposed", async () => {
    expect(
      meetings(await extract({ text: "Their foreign ministers met almost monthly, said Wang Yi." }, emptyResolver)),
    ).toEqual([]);
  });
});
