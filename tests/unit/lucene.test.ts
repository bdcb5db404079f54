import { describe, expect, test } from "vitest";
import { escapeLucene, fold, luceneQuery, snippet } from "../../server/domain/lucene.js";

describe("luceneQuery", () => {
  test("when a word is typed, then it matches as itself, as a prefix, and in names first", () => {
    expect(luceneQuery("Lavr")).toBe("(name:lavr*^4 OR aliasText:lavr*^3 OR lavr^2 OR lavr*)");
  });

  test("when several words are typed, then every one is required, and long ones tolerate a typo", () => {
    expect(luceneQuery("Wang Lavrov")).toBe(
      "(name:wang*^4 OR aliasText:wang*^3 OR wang^2 OR wang*) AND (name:lavrov*^4 OR aliasText:lavrov*^3 OR lavrov^2 OR lavrov* OR lavrov~1)",
    );
  });

  test("when the text has case and diacritics, then they are folded", () => {
    expect(fold("SÉRGEÏ Šoigu")).toBe("sergei soigu");
    expect(luceneQuery("ŠOIG")).toContain("soig*");
  });

  test("when the text holds Lucene syntax, then no operator survives", () => {
    const query = luceneQuery('name:"x" OR *:* AND (a) NOT b~2 \\ /re/') as string;
    expect(query).not.toMatch(/\*:\*|"|\/re\//);
    expect(query.match(/ AND /g)?.length).toBe(query.split(") AND (").length - 1);
    expect(escapeLucene('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t',
    );
  });

  test("when the text holds no word, then there is no query", () => {
    expect(luceneQuery(" *** ?? ")).toBeNull();
  });
});

describe("snippet", () => {
  test("when a word starts with a query term, then the whole word is marked", () => {
    expect(snippet("Sergey Lavrov met Wang Yi", ["lavr"])).toBe("Sergey <mark>Lavrov</mark> met Wang Yi");
  });

  test("when the text has diacritics and HTML, then matching ignores the former and escapes the latter", () => {
    expect(snippet("<b>Sergeï</b> & co", ["sergei"])).toBe("&lt;b&gt;<mark>Sergeï</mark>&lt;/b&gt; &amp; co");
  });

  test("when the text is long, then the snippet is cut around the first match", () => {
    const text = `${"lorem ".repeat(60)}the $245 billion trade ${"ipsum ".repeat(60)}`;
    const cut = snippet(text, ["245"], 80);
    expect(cut.startsWith("…")).toBe(true);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut).toContain("$<mark>245</mark> billion");
    expect(cut.length).toBeLessThan(110);
  });

  test("when a term appears inside a word only, then it is not marked", () => {
    expect(snippet("Pavlov", ["lov"])).toBe("Pavlov");
  });
});
