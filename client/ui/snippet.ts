/** Search snippets arrive as text with `<mark>` around matches; this splits them into parts rendered as plain text. */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/**
 * Decodes HTML character references.
 * @example decodeEntities("Wang &amp; Lavrov") === "Wang & Lavrov"
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The snippet as text parts, `marked` where the search matched. Any other markup stays visible as text.
 * @example snippetParts("met <mark>Lavrov</mark>") // [{ text: "met ", marked: false }, { text: "Lavrov", marked: true }]
 */
export function snippetParts(snippet: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  const pattern = /<mark>(.*?)<\/mark>/gs;
  let last = 0;
  for (const match of snippet.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: decodeEntities(snippet.slice(last, match.index)), marked: false });
    parts.push({ text: decodeEntities(match[1] ?? ""), marked: true });
    last = match.index + match[0].length;
  }
  if (last < snippet.length) parts.push({ text: decodeEntities(snippet.slice(last)), marked: false });
  return parts;
}

/**
 * Splits a paragraph around a passage: where the passage sits is found by its offset, checked against the text,
 * and searched for when the offset does not match. Null when the passage is not in the paragraph.
 * @example passageInParagraph("A met B.", "met", 2) // { before: "A ", exact: "met", after: " B." }
 */
export function passageInParagraph(
  paragraph: string,
  exact: string,
  offset: number,
): { before: string; exact: string; after: string } | null {
  let start = offset;
  if (paragraph.slice(start, start + exact.length) !== exact) start = paragraph.indexOf(exact);
  if (start < 0 || exact.length === 0) return null;
  return { before: paragraph.slice(0, start), exact, after: paragraph.slice(start + exact.length) };
}

/**
 * Shortens the context around a passage to about `room` characters on each side, cutting at a word and marking the cut.
 * @example trimContext({ before: "a long lead-in to it ", exact: "it", after: "" }, 8).before === "…in to it "
 */
export function trimContext(
  split: { before: string; exact: string; after: string },
  room = 240,
): { before: string; exact: string; after: string } {
  let { before, after } = split;
  if (before.length > room) {
    const cut = before.slice(-room);
    const space = cut.indexOf(" ");
    before = `…${space >= 0 && space < 30 ? cut.slice(space + 1) : cut}`;
  }
  if (after.length > room) {
    const cut = after.slice(0, room);
    const space = cut.lastIndexOf(" ");
    after = `${space > room - 30 ? cut.slice(0, space) : cut}…`;
  }
  return { before, exact: split.exact, after };
}
