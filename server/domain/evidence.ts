/** Evidence and dates as the API sends them: passages with their sources, and date bounds with their precision. */
import type { DateValue, EvidenceItem } from "../../common/api-types.js";
import { toJson } from "../neo4j/to-elements.js";
import { datePrecision } from "./date-precision.js";

const str = (value: unknown): string | null => (typeof value === "string" ? value : null);
const num = (value: unknown): number => {
  const json = toJson(value);
  return typeof json === "number" ? json : Number(json ?? 0);
};

/**
 * A date from a node's properties under a prefix (`date`, `period`, `published`), or null when it has none.
 * @example dateValue({ dateStart: neo4jDate, datePrecision: "day", dateText: "9 May 2025" }, "date")
 */
export function dateValue(
  properties: Record<string, unknown>,
  prefix: "date" | "period" | "published",
): DateValue | null {
  const start = toJson(properties[`${prefix}Start`]);
  const end = toJson(properties[`${prefix}End`]);
  if (start === null && end === null) return null;
  return {
    start: typeof start === "string" ? start : null,
    end: typeof end === "string" ? end : null,
    precision: datePrecision(properties[`${prefix}Precision`]),
    text: str(properties[`${prefix}Text`]) ?? [start, end].filter(Boolean).join(" – "),
  };
}

/** A passage map and a source map (as the cypher/ queries project them) → one EvidenceItem. */
export function evidenceItem(passage: Record<string, unknown>, source: Record<string, unknown>): EvidenceItem {
  return {
    passage: {
      id: String(passage.id),
      exact: String(passage.exact ?? ""),
      prefix: str(passage.prefix),
      suffix: str(passage.suffix),
      start: num(passage.start),
      end: num(passage.end),
      paragraph: String(passage.paragraph ?? passage.exact ?? ""),
      paragraphOffset: num(passage.paragraphOffset),
    },
    source: {
      id: String(source.id),
      title: String(source.title ?? ""),
      author: str(source.author) ?? str(source.authorName),
      authorId: str(source.authorId),
      authorAffiliation: str(source.authorAffiliation),
      publisher: str(source.publisher),
      url: str(source.url),
      published: dateValue(source, "published"),
    },
  };
}

/** A list of `{ passage, source }` maps → EvidenceItems, in source order. */
export function evidenceList(
  list: readonly { passage: Record<string, unknown>; source: Record<string, unknown> }[],
): EvidenceItem[] {
  return list
    .map((item) => evidenceItem(item.passage, item.source))
    .sort((a, b) => a.source.id.localeCompare(b.source.id) || a.passage.start - b.passage.start);
}
