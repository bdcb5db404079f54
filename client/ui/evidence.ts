/** Evidence as people read it: the exact passage highlighted inside its paragraph, with source, author, date and link. */
import { html, nothing, type TemplateResult } from "lit-html";
import type { DatePrecision, EvidenceItem, NodeData } from "../../common/api-types.js";
import { formatDate } from "../format/dates.js";
import { passageInParagraph, trimContext } from "./snippet.js";

/** Only http(s) links are followed; anything else is shown as text. */
const safeUrl = (url: string | null | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

function evidenceTemplate(item: EvidenceItem): TemplateResult {
  const { passage, source } = item;
  const found = passageInParagraph(passage.paragraph ?? "", passage.exact, passage.paragraphOffset);
  const split = found ? trimContext(found) : null;
  const url = safeUrl(source.url);
  return html`<figure class="evidence" data-passage=${passage.id}>
    <blockquote cite=${url ?? nothing}>
      ${
        split
          ? html`<p class="quote-text">${split.before}<mark class="quote">${split.exact}</mark>${split.after}</p>`
          : html`<p class="quote-text"><mark class="quote">${passage.exact}</mark></p>`
      }
    </blockquote>
    <figcaption>
      <span class="source-title">${url ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${source.title}</a>` : source.title}</span>
      ${
        source.author
          ? html`<span class="source-author"
            >by <strong>${source.author}</strong>${source.authorAffiliation ? html` (${source.authorAffiliation})` : nothing}</span
          >`
          : nothing
      }
      ${source.publisher ? html`<span class="source-publisher">${source.publisher}</span>` : nothing}
      ${source.published ? html`<span class="source-date">published ${formatDate(source.published)}</span>` : nothing}
    </figcaption>
  </figure>`;
}

export function evidenceList(items: EvidenceItem[]): TemplateResult {
  if (items.length === 0) return html`<p class="empty">No passage evidences this directly.</p>`;
  return html`${items.map(evidenceTemplate)}`;
}

/** Builds an evidence item from a Passage node and its Source node (for edges, whose evidence lists passage ids). */
export function evidenceFromNodes(passage: NodeData, source: NodeData | undefined): EvidenceItem {
  const text = (key: string, from: NodeData | undefined = passage) =>
    typeof from?.[key] === "string" ? (from[key] as string) : null;
  const num = (key: string) => (typeof passage[key] === "number" ? (passage[key] as number) : 0);
  const published =
    source && typeof source.publishedStart === "string"
      ? {
          start: source.publishedStart as string,
          end: (text("publishedEnd", source) ?? source.publishedStart) as string,
          precision: (text("publishedPrecision", source) ?? "day") as DatePrecision,
          text: text("publishedText", source) ?? "",
        }
      : null;
  return {
    passage: {
      id: passage.id,
      exact: text("exact") ?? passage.label,
      prefix: text("prefix"),
      suffix: text("suffix"),
      start: num("start"),
      end: num("end"),
      paragraph: text("paragraph") ?? text("exact") ?? "",
      paragraphOffset: num("paragraphOffset"),
    },
    source: {
      id: source?.id ?? text("sourceId") ?? "",
      title: text("title", source) ?? source?.label ?? "Unknown source",
      author: text("author", source),
      authorAffiliation: text("authorAffiliation", source),
      publisher: text("publisher", source),
      url: text("url", source),
      published,
    },
  };
}
