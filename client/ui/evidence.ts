/** Evidence as people read it: the exact passage highlighted inside its paragraph, with source, author, date and link. */
import { html, nothing, type TemplateResult } from "lit-html";
import type { EvidenceItem } from "../../common/api-types.js";
import { formatDate } from "../format/dates.js";
import { highlightParts } from "./snippet.js";

/** Only http(s) links are followed; anything else is shown as text. */
const safeUrl = (url: string | null | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

function evidenceTemplate(item: EvidenceItem): TemplateResult {
  const { passage, source } = item;
  const url = safeUrl(source.url);
  // The server cut the paragraph around the passage and marked where it sits; the template escapes the text.
  return html`<figure class="evidence" data-passage=${passage.id}>
    <blockquote cite=${url ?? nothing}>
      <p class="quote-text">${highlightParts(passage.context).map((part) =>
        part.marked ? html`<mark class="quote">${part.text}</mark>` : part.text,
      )}</p>
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
