/** The article as the review shows it: paragraphs, proposals highlighted by kind with stacked underlines where spans overlap. */
import { html, nothing, type TemplateResult } from "lit-html";
import type { Decision, DraftResponse, Span } from "../../common/api-types.js";
import { KIND_STYLES, underlines } from "./kinds.js";
import { type ItemState, itemState, type ReviewItem } from "./model.js";
import { segments } from "./segments.js";

export interface ArticleProps {
  draft: DraftResponse;
  items: readonly ReviewItem[];
  decisions: ReadonlyMap<string, Decision>;
  current: string | undefined;
  onPick(id: string): void;
  /** A mouse-up in the text (it may end a selection). */
  onMouseUp(text: HTMLElement): void;
  /** What floats over the article (the selection popover), or nothing. */
  overlay: TemplateResult | typeof nothing;
}

/** The article's section: the legend of the kinds present, a note when the text is already a source, the text. */
export function articleTemplate(props: ArticleProps): TemplateResult {
  const { draft } = props;
  const states = new Map(props.items.map((item) => [item.id, itemState(props.decisions.get(item.id))]));
  const kinds = [...new Set(props.items.map((item) => item.kind))];
  return html`<section class="review-article" aria-label="The article">
    <ul class="review-legend" aria-label="Legend">${kinds.map((kind) => {
      const style = KIND_STYLES[kind];
      return html`<li><span class="kind-badge" style=${`background:${style.color}`} aria-hidden="true">${style.letter}</span> ${style.label}</li>`;
    })}</ul>
    ${
      draft.knownSources.length > 0
        ? html`<p class="warning" role="note">This text is already in the graph as ${draft.knownSources.map((source) => source.title ?? source.id).join(", ")}.</p>`
        : nothing
    }
    <div class="review-text" @mouseup=${(event: MouseEvent) => props.onMouseUp(event.currentTarget as HTMLElement)}>
      ${textViewTemplate({
        text: draft.text,
        paragraphs: draft.paragraphs,
        items: props.items,
        states,
        current: props.current,
        onPick: props.onPick,
      })}
    </div>
    ${props.overlay}
  </section>`;
}

interface TextViewProps {
  text: string;
  paragraphs: readonly Span[];
  items: readonly ReviewItem[];
  states: ReadonlyMap<string, ItemState>;
  current: string | undefined;
  /** A click on highlighted text picks the innermost item under it. */
  onPick(id: string): void;
}

/**
 * Each piece of text is a span carrying its offsets (`data-start`, `data-end`), so a selection in the page maps
 * back to offsets of the draft's text (see selection.ts).
 */
function textViewTemplate(props: TextViewProps): TemplateResult {
  const byId = new Map(props.items.map((item) => [item.id, item]));
  const paragraphs = props.paragraphs.length > 0 ? props.paragraphs : [{ start: 0, end: props.text.length }];
  const currentItem = props.current ? byId.get(props.current) : undefined;
  return html`${paragraphs.map((paragraph) => {
    const pieces = segments(paragraph.start, paragraph.end, props.items);
    return html`<p class="review-para">${pieces.map((piece) => {
      const words = props.text.slice(piece.start, piece.end);
      if (piece.ids.length === 0) {
        return html`<span data-start=${piece.start} data-end=${piece.end}>${words}</span>`;
      }
      const covering = piece.ids.map((id) => byId.get(id)).filter((item): item is ReviewItem => item !== undefined);
      const inner = covering[0];
      if (!inner) return nothing;
      const starting = covering.filter((item) => item.start === piece.start).reverse();
      const isCurrent = props.current !== undefined && piece.ids.includes(props.current);
      const state = props.states.get(inner.id) ?? "unreviewed";
      return html`${starting.map(
        (item) =>
          html`<sup class="kind-tag" aria-hidden="true" style=${`color:${KIND_STYLES[item.kind].color}`}>${KIND_STYLES[item.kind].letter}</sup>`,
      )}<span
        class=${`hl state-${state}${isCurrent ? " current" : ""}`}
        data-start=${piece.start}
        data-end=${piece.end}
        data-items=${piece.ids.join(" ")}
        ?data-current-start=${isCurrent && currentItem?.start === piece.start}
        style=${`box-shadow:${underlines(covering.map((item) => item.kind))};padding-bottom:${3 * covering.length}px`}
        title=${covering.map((item) => `${KIND_STYLES[item.kind].label}: ${item.text}`).join("\n")}
        @click=${() => {
          // A click that ends a selection is the selection's, not a pick.
          if (String(window.getSelection() ?? "").length === 0) props.onPick(inner.id);
        }}
        >${words}</span
      >`;
    })}</p>`;
  })}`;
}
