import { parseHTML } from "linkedom";
import { describe, expect, test } from "vitest";
import { addressPolicy } from "../../server/sources/address-policy.js";
import type { DomNode } from "../../server/sources/dom.js";
import { fromHtml, MAX_ELEMENTS, MIN_ARTICLE_CHARS } from "../../server/sources/html.js";
import { htmlText } from "../../server/sources/html-text.js";
import { type IntakeOptions, intake } from "../../server/sources/intake.js";

const body = (html: string) => parseHTML(`<html><body>${html}</body></html>`).document as unknown as DomNode;
const options: IntakeOptions = {
  maxBytes: 1000,
  fetch: { enabled: false, policy: addressPolicy(undefined), timeoutMs: 1000 },
};

describe("htmlText", () => {
  test("when blocks, inline elements and line breaks mix, then blocks are paragraphs and whitespace is collapsed as a browser shows it", () => {
    expect(htmlText(body("<h2>Title</h2><p>One  <b>two</b>\n three</p><ul><li>a</li><li>b<br>c</li></ul>"))).toBe(
      "Title\n\nOne two three\n\na\n\nb\nc",
    );
  });

  test("when a page holds scripts, styles and buttons, then their text is not the article's", () => {
    expect(htmlText(body("<p>Kept</p><script>var x = 1;</script><style>p{}</style><button>Share</button>"))).toBe(
      "Kept",
    );
  });

  test("when text is preformatted or has non-breaking spaces, then they are kept", () => {
    expect(htmlText(body("<pre>a  b\n  c</pre><p>10\u00A0km</p>"))).toBe("a b\nc\n\n10\u00A0km");
  });
});

describe("fromHtml", () => {
  test("when a page's article is shorter than the minimum, then HTML_NO_ARTICLE says how short", () => {
    expect(() => fromHtml("<html><body><p>Too short.</p></body></html>", "file")).toThrow(
      expect.objectContaining({ code: "HTML_NO_ARTICLE", details: { input: "file", characters: 10 } }),
    );
    expect(MIN_ARTICLE_CHARS).toBeGreaterThan(10);
  });
});

describe("fromHtml on a page with too many elements", () => {
  test("when a page has more elements than the server reads, then 413 SOURCE_TOO_LARGE says how many, before Readability works on it", () => {
    const html = `<html><body><article>${"<p>Para.</p>".repeat(MAX_ELEMENTS + 10)}</article></body></html>`;
    expect(() => fromHtml(html, "file")).toThrow(
      expect.objectContaining({
        code: "SOURCE_TOO_LARGE",
        details: expect.objectContaining({ input: "file", maxElements: MAX_ELEMENTS }),
      }),
    );
  });
});

describe("intake", () => {
  test("when a .md or text/plain file is given, then it is read as text", async () => {
    const markdown = await intake(
      { kind: "file", name: "notes.md", bytes: Buffer.from("# Notes\n\nMet in Baku.") },
      options,
    );
    expect(markdown).toMatchObject({ format: "text", text: "# Notes\n\nMet in Baku." });
    const typed = await intake(
      { kind: "file", name: "notes", bytes: Buffer.from("Met."), mediaType: "text/plain" },
      options,
    );
    expect(typed.format).toBe("text");
  });

  test("when a file named .txt holds a PDF, then it is read as a PDF", async () => {
    await expect(
      intake({ kind: "file", name: "x.txt", bytes: Buffer.from("%PDF-1.4 broken") }, options),
    ).rejects.toMatchObject({
      code: "PDF_NO_TEXT",
    });
  });

  test("when a UTF-16 text file with its byte-order mark is given, then it is decoded", async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Talks in Minsk.", "utf16le")]);
    expect((await intake({ kind: "file", name: "a.txt", bytes }, options)).text).toBe("Talks in Minsk.");
  });

  test("when bytes are Latin-1, not UTF-8, then SOURCE_BINARY says the file is not UTF-8 text", async () => {
    await expect(
      intake({ kind: "file", name: "a.txt", bytes: Buffer.from([0x43, 0x61, 0x66, 0xe9]) }, options),
    ).rejects.toMatchObject({
      code: "SOURCE_BINARY",
      details: { input: "file" },
    });
  });

  test("when fetching is off, then a url is refused with SOURCE_FETCH_DISABLED before anything is resolved", async () => {
    await expect(intake({ kind: "url", url: "https://example.org/" }, options)).rejects.toMatchObject({
      code: "SOURCE_FETCH_DISABLED",
      details: { input: "url" },
    });
  });
});

describe("intake of HTML in other charsets", () => {
  const article = (words: string) =>
    `<html><head>${words}</head><body><article><p>${"Встреча министров в Москве прошла в конструктивной атмосфере. ".repeat(6)}</p></article></body></html>`;

  test("when an uploaded page declares windows-1251 in a meta, then its Cyrillic text is decoded", async () => {
    const bytes = encode1251(article('<meta charset="windows-1251">'));
    const document = await intake({ kind: "file", name: "page.html", bytes }, { ...options, maxBytes: 100_000 });
    expect(document.text).toContain("Встреча министров в Москве");
  });

  test("when an uploaded page is UTF-16 with a byte-order mark, then it is decoded, not refused as binary", async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(article(""), "utf16le")]);
    const document = await intake({ kind: "file", name: "page.html", bytes }, { ...options, maxBytes: 100_000 });
    expect(document.text).toContain("Встреча министров в Москве");
  });
});

/** windows-1251 bytes of Russian text (А–я and Ё/ё), ASCII as it is. */
function encode1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((char) => {
      const code = char.codePointAt(0) ?? 0;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (code === 0x401) return 0xa8;
      if (code === 0x451) return 0xb8;
      return 0x3f;
    }),
  );
}
