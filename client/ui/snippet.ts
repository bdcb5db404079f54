/** Highlighted text (a search snippet, a passage in its paragraph) as parts to render: plain text, escaped once by lit-html. */
import type { Highlighted } from "../../common/api-types.js";

/**
 * The text as parts, `marked` inside the highlight ranges. Ranges out of order, overlapping or
 * out of bounds are clipped rather than trusted.
 * @example highlightParts({ text: "met Lavrov", highlights: [{ start: 4, end: 10 }] }) // [{ text: "met ", marked: false }, { text: "Lavrov", marked: true }]
 */
export function highlightParts({ text, highlights }: Highlighted): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let cursor = 0;
  for (const range of highlights) {
    const start = Math.max(cursor, Math.min(range.start, text.length));
    const end = Math.max(start, Math.min(range.end, text.length));
    if (end === start) continue;
    if (start > cursor) parts.push({ text: text.slice(cursor, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    cursor = end;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor), marked: false });
  return parts;
}
