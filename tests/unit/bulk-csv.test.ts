import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import {
  ARRAY_DELIMITER,
  CARRIAGE_RETURN,
  dropRows,
  EMPTY_LIST,
  EMPTY_LONG_LIST,
  firstField,
  ImportCsv,
  LINE_FEED,
} from "../../server/dataset/bulk-csv.js";
import { RESERVED_CHARACTERS } from "../../server/dataset/schema.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "liaison-bulk-csv-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const read = (file: string) => readFile(file, "utf8");
/** The `--nodes`/`--relationships` groups of the importer's options, as [option, name, header, data]. */
const groups = (args: string[]) =>
  args
    .map((arg) => /^--(nodes|relationships)=(\w+)=([^,]+),(.+)$/.exec(arg))
    .filter((match) => match !== null)
    .map((match) => match.slice(1));

describe("ImportCsv", () => {
  test("when rows are written, then each value is in a typed column the way the driver would store it", async () => {
    const csv = new ImportCsv(dir);
    await csv.node(
      "Claim",
      {
        id: "claim:a",
        props: {
          id: "claim:a",
          text: 'He said "no", then left',
          value: 1.5,
          start: 12,
          dateStart: "2020-01-02",
          aliases: ["x", "y"],
          datasets: ["dataset:d"],
        },
      },
      "claims.yaml",
    );
    await csv.close();
    const [option, name, header, data] = groups(csv.importerArgs(path.join(dir, "report")))[0] ?? [];
    expect([option, name]).toEqual(["nodes", "Claim"]);
    expect(await read(header as string)).toBe(
      "id:ID,text:string,value:double,start:long,dateStart:date,aliases:string[],datasets:string[]\n",
    );
    expect(await read(data as string)).toBe(
      `"claim:a","He said ""no"", then left",1.5,12,"2020-01-02","x${ARRAY_DELIMITER}y","dataset:d"\n`,
    );
  });

  test("when a later row brings a new property, then a new segment with the wider header starts and earlier rows keep theirs", async () => {
    const csv = new ImportCsv(dir);
    await csv.node("Actor", { id: "actor:a", props: { name: "A" } }, "actors.yaml");
    await csv.node("Actor", { id: "actor:b", props: { name: "B", description: "two" } }, "actors.yaml");
    await csv.node("Actor", { id: "actor:c", props: { name: "C" } }, "actors.yaml");
    await csv.close();
    const segments = groups(csv.importerArgs("report"));
    expect(segments).toHaveLength(2);
    expect(await read(segments[0]?.[2] as string)).toBe("id:ID,name:string\n");
    expect(await read(segments[0]?.[3] as string)).toBe('"actor:a","A"\n');
    expect(await read(segments[1]?.[2] as string)).toBe("id:ID,name:string,description:string\n");
    // An absent property is an empty unquoted field: no value; an empty string would be "".
    expect(await read(segments[1]?.[3] as string)).toBe('"actor:b","B","two"\n"actor:c","C",\n');
  });

  test("when another writer's tables are adopted (a worker thread's), then the importer gets both writers' files, nodes before relationships, and a fix-up both need is listed once", async () => {
    const main = new ImportCsv(path.join(dir));
    const beside = new ImportCsv(await mkdtemp(path.join(dir, "beside-")));
    await main.node("Actor", { id: "actor:a", props: { aliases: [] } }, "actors.yaml");
    await main.node("Passage", { id: "passage:s:0-4", props: { exact: "one\ntwo" } }, "events.yaml");
    await main.relationship("IN_SOURCE", { from: "passage:s:0-4", to: "source:s", props: {} }, "events.yaml");
    await beside.node("Passage", { id: "passage:s:5-9", props: { exact: "three\nfour" } }, "claims.yaml");
    await beside.node("Claim", { id: "claim:c", props: { aliases: [] } }, "claims.yaml");
    await beside.relationship("ABOUT", { from: "claim:c", to: "actor:a", props: {} }, "claims.yaml");
    await main.close();
    await beside.close();
    main.adopt(beside.tables());
    const files = groups(main.importerArgs("report")).map(([option, name, , data]) => [
      option,
      name,
      path.relative(dir, data as string),
    ]);
    expect(files).toEqual([
      ["nodes", "Actor", "actor.1.csv"],
      ["nodes", "Passage", "passage.1.csv"],
      ["nodes", "Passage", expect.stringMatching(/^beside-\w+\/passage\.1\.csv$/)],
      ["nodes", "Claim", expect.stringMatching(/^beside-\w+\/claim\.1\.csv$/)],
      ["relationships", "IN_SOURCE", "in_source.1.csv"],
      ["relationships", "ABOUT", expect.stringMatching(/^beside-\w+\/about\.1\.csv$/)],
    ]);
    expect(main.lineBreaks()).toEqual([{ kind: "node", name: "Passage", key: "exact" }]);
    expect(main.emptyLists()).toEqual([
      { kind: "node", name: "Actor", key: "aliases", marker: EMPTY_LIST },
      { kind: "node", name: "Claim", key: "aliases", marker: EMPTY_LIST },
    ]);
  });

  test("when rows are dropped by their first field, then only those go, an id holding quotes included, and the rest stay as they were", async () => {
    expect(firstField('"passage:s:0-4","x"')).toBe("passage:s:0-4");
    expect(firstField('"say ""hi"", then go",2')).toBe('say "hi", then go');
    const csv = new ImportCsv(dir);
    for (const id of ["passage:a", 'passage:"quoted"', "passage:b", "passage:c"])
      await csv.node("Passage", { id, props: { exact: `${id} text` } }, "claims.yaml");
    await csv.close();
    const [table] = csv.tables();
    const drop = new Set(['passage:"quoted"', "passage:c", "passage:absent"]);
    expect(await dropRows(table as NonNullable<typeof table>, (id) => drop.has(id))).toBe(2);
    expect(await read(table?.segments[0]?.data as string)).toBe(
      '"passage:a","passage:a text"\n"passage:b","passage:b text"\n',
    );
  });

  test("when a list is empty, then it is written as the marker and reported for the fix-up", async () => {
    const csv = new ImportCsv(dir);
    await csv.relationship(
      "PARTICIPATED_IN",
      { from: "actor:a", to: "event:e", props: { evidence: [] } },
      "events.yaml",
    );
    await csv.close();
    const data = groups(csv.importerArgs("report"))[0]?.[3];
    expect(await read(data as string)).toBe(`"actor:a","event:e","${EMPTY_LIST}"\n`);
    expect(csv.emptyLists()).toEqual([
      { kind: "relationship", name: "PARTICIPATED_IN", key: "evidence", marker: EMPTY_LIST },
    ]);
  });

  test("when a column is declared an integer list, then lists are written as integers and an empty one as the integer marker", async () => {
    const csv = new ImportCsv(dir, { MET: { years: "long[]" } });
    await csv.relationship("MET", { from: "actor:a", to: "actor:b", props: { years: [2019, 2020] } }, "MET");
    await csv.relationship("MET", { from: "actor:a", to: "actor:c", props: { years: [] } }, "MET");
    await csv.close();
    const [group] = groups(csv.importerArgs("report"));
    expect(await read(group?.[2] as string)).toBe(":START_ID,:END_ID,years:long[]\n");
    expect(await read(group?.[3] as string)).toBe(
      `"actor:a","actor:b",2019${ARRAY_DELIMITER}2020\n"actor:a","actor:c",${EMPTY_LONG_LIST}\n`,
    );
    expect(csv.emptyLists()).toEqual([{ kind: "relationship", name: "MET", key: "years", marker: EMPTY_LONG_LIST }]);
  });

  test("when strings and list elements hold line breaks, then no field spans a line, the importer is never asked for multi-line fields, and the keys are recorded", async () => {
    const texts = ["one\ntwo", "dos\r\nline ends\r\n", "a lone\rreturn", "\n\r\n\r", "plain"];
    const csv = new ImportCsv(dir);
    for (const [i, content] of texts.entries())
      await csv.node("Source", { id: `source:s${i}`, props: { content, title: "T" } }, "manifest.yaml");
    await csv.node("Actor", { id: "actor:a", props: { name: "A", aliases: ["x\ny", "z"] } }, "actors.yaml");
    await csv.node("Actor", { id: "actor:b", props: { name: "B", aliases: ["w"] } }, "actors.yaml");
    await csv.relationship(
      "HOLDS_ROLE",
      { from: "actor:a", to: "actor:b", props: { title: "one\rtwo" } },
      "actors.yaml",
    );
    await csv.close();
    const args = csv.importerArgs("report");
    expect(args.filter((arg) => arg.startsWith("--multiline"))).toEqual([]);
    const tables = groups(args);
    let rows = 0;
    for (const [, , , data] of tables) {
      const text = await read(data as string);
      expect(text).not.toContain("\r");
      const lines = text.split("\n").slice(0, -1);
      rows += lines.length;
      // Every line is one whole record: its quotes balance.
      for (const line of lines) expect((line.match(/"/g) ?? []).length % 2).toBe(0);
    }
    expect(rows).toBe(texts.length + 3);
    // The markers stand for exactly the breaks they replaced.
    const sources = await read(tables.find(([, name]) => name === "Source")?.[3] as string);
    const restored = sources
      .split("\n")
      .slice(0, -1)
      .map((line) => (/^"[^"]*","((?:[^"]|"")*)"/.exec(line)?.[1] ?? "").replaceAll(LINE_FEED, "\n"))
      .map((text) => text.replaceAll(CARRIAGE_RETURN, "\r"));
    expect(restored).toEqual(texts);
    expect(csv.lineBreaks()).toEqual([
      { kind: "node", name: "Source", key: "content" },
      { kind: "node", name: "Actor", key: "aliases" },
      { kind: "relationship", name: "HOLDS_ROLE", key: "title" },
    ]);
  });

  test("when no value holds a line break, then no key is recorded for the fix-up", async () => {
    const csv = new ImportCsv(dir);
    await csv.node("Source", { id: "source:s", props: { content: "one line", title: "T" } }, "manifest.yaml");
    await csv.close();
    expect(csv.lineBreaks()).toEqual([]);
  });

  test("when a text holds a character the writer uses as a marker, then it fails naming the property, never writing the text changed", async () => {
    // Validation refuses these characters (schema.ts): the writer's own check is the last guard.
    for (const marker of [LINE_FEED, CARRIAGE_RETURN, ARRAY_DELIMITER, EMPTY_LIST]) {
      expect(RESERVED_CHARACTERS.test(marker)).toBe(true);
      const csv = new ImportCsv(dir);
      await expect(
        csv.node("Source", { id: "source:s", props: { content: `a${marker}b` } }, "manifest.yaml"),
      ).rejects.toMatchObject({ code: "DATASET_LOAD_FAILED", message: expect.stringContaining("content") });
      await expect(
        csv.node("Actor", { id: "actor:a", props: { aliases: [`a${marker}b`] } }, "actors.yaml"),
      ).rejects.toMatchObject({ code: "DATASET_LOAD_FAILED", message: expect.stringContaining("aliases") });
      await csv.close();
    }
  });

  test("when a property changes type, or a list holds the delimiter, then it fails naming the property", async () => {
    const csv = new ImportCsv(dir);
    await csv.node("Claim", { id: "claim:a", props: { value: 1 } }, "claims.yaml");
    await expect(csv.node("Claim", { id: "claim:b", props: { value: "one" } }, "claims.yaml")).rejects.toMatchObject({
      code: "DATASET_LOAD_FAILED",
      message: expect.stringContaining("value"),
    });
    await expect(
      csv.node("Actor", { id: "actor:a", props: { aliases: [`a${ARRAY_DELIMITER}b`] } }, "actors.yaml"),
    ).rejects.toMatchObject({ code: "DATASET_LOAD_FAILED", message: expect.stringContaining("aliases") });
    await csv.close();
  });
});
