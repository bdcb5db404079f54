import { describe, expect, test } from "vitest";
import { coverage, escapeLucene, luceneQueries, markTerms, parseQuery, snippet } from "../../server/domain/lucene.js";
import { fold, nameKey, nameKeys, words } from "../../server/lib/search-words.js";

const parsed = (text: string) => {
  const query = parseQuery(text);
  if (query === null) throw new Error(`no query for ${text}`);
  return query;
};

describe("words and name keys", () => {
  test("when text has case, diacritics and letters Unicode does not decompose, then they are folded", () => {
    expect(fold("SÉRGEÏ Šoigu")).toBe("sergei soigu");
    expect(fold("Łódź Ørsted Straße")).toBe("lodz orsted strasse");
  });

  test("when text is plain ASCII, then folding is lower-casing, as the full fold gives", () => {
    const ascii = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)).join("");
    expect(fold(ascii)).toBe(
      ascii
        .normalize("NFKD")
        .replace(/\p{M}+/gu, "")
        .toLowerCase(),
    );
    expect(fold("Belt and ROAD Forum, 2017")).toBe("belt and road forum, 2017");
  });

  test("when text has punctuation, possessives and dotted initials, then words are what is left", () => {
    expect(words("The U.S. and Lavrov's visit — Wang Yi–Lavrov (2024)!")).toEqual([
      "the",
      "us",
      "and",
      "lavrov",
      "visit",
      "wang",
      "yi",
      "lavrov",
      "2024",
    ]);
  });

  test("when names differ only in stop words, case or punctuation, then their keys are equal", () => {
    expect(nameKey("Belt and Road Forum")).toBe("belt road forum");
    expect(nameKey("the belt & road forum")).toBe("belt road forum");
    expect(nameKey("the SCO")).toBe(nameKey("SCO"));
    expect(nameKey("U.S.")).toBe(nameKey("US"));
  });

  test("when a name is only stop words or no word at all, then its key keeps them or there is none", () => {
    expect(nameKey("To Be or Not")).toBe("to be or not");
    expect(nameKey(" –– ")).toBeNull();
  });

  test("when a node has aliases, then each gives a key, without repeats, and no key is immense", () => {
    expect(nameKeys("Shanghai Cooperation Organisation", ["SCO", "the SCO"])).toEqual([
      "shanghai cooperation organisation",
      "sco",
    ]);
    expect((nameKey("word ".repeat(500)) ?? "").length).toBeLessThanOrEqual(200);
  });
});

describe("parseQuery", () => {
  test("when the query holds stop words and punctuation, then only the words that carry meaning count", () => {
    expect(parsed("Wang Yi and Lavrov!").units.map((unit) => unit.words)).toEqual([["wang"], ["yi"], ["lavrov"]]);
    expect(parsed("the SCO").key).toBe("sco");
  });

  test("when the query is only stop words, then they count (nothing is left otherwise), each as a whole word", () => {
    const query = parsed("to be or not");
    expect(query.units.map((unit) => unit.words)).toEqual([["to"], ["be"], ["or"], ["not"]]);
    expect(luceneQueries(query).names).toContain("nameKeys:[to TO to]");
    expect(coverage(query, ["Torpamar"], "names").covered).toBe(0);
  });

  test("when a phrase is quoted, then it is one unit that keeps its stop words as typed", () => {
    expect(parsed('Fu "nothing but rhetoric"').units).toEqual([
      { kind: "word", words: ["fu"], typed: ["fu"] },
      { kind: "phrase", words: ["nothing", "rhetoric"], typed: ["nothing", "but", "rhetoric"] },
    ]);
  });

  test("when a quote is not closed or quotes one word, then it still reads sensibly", () => {
    expect(parsed('"no limits').units).toEqual([{ kind: "word", words: ["limits"], typed: ["limits"] }]);
    expect(parsed('"Lavrov"').units).toEqual([{ kind: "word", words: ["lavrov"], typed: ["lavrov"] }]);
    expect(parsed("“nothing but rhetoric”").units[0]?.kind).toBe("phrase");
  });

  test("when the text holds no word, then there is no query", () => {
    expect(parseQuery(' *** ?? "" ')).toBeNull();
  });
});

describe("luceneQueries", () => {
  test("when a word is typed, then it covers as a prefix at constant score, with a plain term and typo to break ties", () => {
    expect(luceneQueries(parsed("Lavrov"))).toEqual({
      keys: 'nameKeys:"lavrov"',
      names: "nameKeys:lavrov* OR nameKeys:lavrov^0.02 OR nameKeys:lavrov~1^0.01",
      text: "lavrov* OR lavrov^0.02 OR lavrov~1^0.01",
    });
  });

  test("when a word is too short to be a prefix, then it covers as itself (a one-term range, constant score too)", () => {
    expect(luceneQueries(parsed("xi")).text).toBe("[xi TO xi] OR xi^0.02");
    expect(luceneQueries(parsed("xi")).names).toBe("nameKeys:xi* OR nameKeys:xi^0.02");
  });

  test("when a phrase is quoted, then its words share one unit and the phrase itself is asked for", () => {
    const { names, text } = luceneQueries(parsed('"belt and road"'));
    expect(names).toBe(
      'nameKeys:belt*^0.5 OR nameKeys:belt^0.01 OR nameKeys:road*^0.5 OR nameKeys:road^0.01 OR nameKeys:"belt road"',
    );
    expect(text).toContain('"belt and road"');
  });

  test("when the text holds Lucene syntax, then no operator survives", () => {
    const { keys, names, text } = luceneQueries(parsed('name:"x" OR *:* AND (a) NOT b~2 \\ /re/ -c +d'));
    for (const query of [keys ?? "", names, text]) {
      expect(query).not.toMatch(/\*:\*|\/re\/|[()]|(^|\s)[-+]|~2/);
      expect(query).not.toMatch(/ AND | NOT /);
    }
    expect(escapeLucene('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t',
    );
  });
});

describe("coverage", () => {
  test("when some words match, then the share covered counts them, prefixes apart from whole words", () => {
    expect(coverage(parsed("wang lavr"), ["Sergey Lavrov"], "names")).toEqual({ covered: 1, whole: 0, of: 2 });
    expect(coverage(parsed("Wang Yi and Lavrov"), ["Wang Yi"], "names")).toEqual({ covered: 2, whole: 2, of: 3 });
  });

  test("when a phrase's words are there but apart, then the phrase counts only half, and less for fewer of its words", () => {
    const query = parsed('"nothing but rhetoric"');
    expect(coverage(query, ["described it as ‘nothing but rhetoric’"], "text")).toEqual({
      covered: 1,
      whole: 1,
      of: 1,
    });
    expect(coverage(query, ["rhetoric, nothing more"], "text").covered).toBe(0.5);
    expect(coverage(query, ["rhetoric alone"], "text").covered).toBe(0.25);
  });

  test("when a short word only starts a longer one, then it is not covered where the index needs whole words", () => {
    expect(coverage(parsed("xi"), ["Xinjiang"], "text").covered).toBe(0);
    expect(coverage(parsed("xi"), ["Xinjiang"], "names").covered).toBe(1);
  });

  test("the words a snippet marks are the words of every unit", () => {
    expect(markTerms(parsed('Fu "nothing but rhetoric"'))).toEqual(["fu", "nothing", "rhetoric"]);
  });
});

/** A highlighted snippet written with brackets around its ranges, to read the expectations at a glance. */
function bracketed({ text, highlights }: { text: string; highlights: { start: number; end: number }[] }): string {
  let out = "";
  let cursor = 0;
  for (const { start, end } of highlights) {
    out += `${text.slice(cursor, start)}[${text.slice(start, end)}]`;
    cursor = end;
  }
  return out + text.slice(cursor);
}

describe("snippet", () => {
  test("when a word starts with a query term, then the whole word's range is highlighted", () => {
    expect(snippet("Sergey Lavrov met Wang Yi", ["lavr"])).toEqual({
      text: "Sergey Lavrov met Wang Yi",
      highlights: [{ start: 7, end: 13 }],
    });
  });

  test("when the text has diacritics and HTML, then matching ignores the former and the text stays plain (nothing escaped)", () => {
    const found = snippet("<b>Sergeï</b> & co", ["sergei"]);
    expect(found.text).toBe("<b>Sergeï</b> & co");
    expect(bracketed(found)).toBe("<b>[Sergeï]</b> & co");
  });

  test("when the text is long, then the snippet is cut around the first match and the ranges follow the cut", () => {
    const text = `${"lorem ".repeat(60)}the $245 billion trade ${"ipsum ".repeat(60)}`;
    const cut = snippet(text, ["245"], 80);
    expect(cut.text.startsWith("…")).toBe(true);
    expect(cut.text.endsWith("…")).toBe(true);
    expect(bracketed(cut)).toContain("$[245] billion");
    expect(cut.text.length).toBeLessThan(90);
  });

  test("when a term appears inside a word only, then nothing is highlighted", () => {
    expect(snippet("Pavlov", ["lov"])).toEqual({ text: "Pavlov", highlights: [] });
  });

  test("when a term is shorter than the prefix length, then only a word equal to it is highlighted", () => {
    expect(bracketed(snippet("Xi visited Xinjiang", ["xi"], 160, 3))).toBe("[Xi] visited Xinjiang");
  });

  test("when several terms match, then the ranges are in order and do not overlap", () => {
    const found = snippet("Wang Yi met Sergey Lavrov; Wang again", ["wang", "lavrov", "wan"]);
    expect(bracketed(found)).toBe("[Wang] Yi met Sergey [Lavrov]; [Wang] again");
    found.highlights.forEach((range, index) => {
      expect(range.end).toBeGreaterThan(range.start);
      expect(range.start).toBeGreaterThanOrEqual(found.highlights[index - 1]?.end ?? 0);
    });
  });
});
