/** The review screen's header: back to the graph, the title, progress ("14 of 52 reviewed") and the screen-wide actions. */
import { html, nothing, type TemplateResult } from "lit-html";
import type { ReviewProgress } from "../../common/api-types.js";
import { EXACT_MATCH_SCORE, progressText } from "./model.js";

/** The screen's frame: the header (back, title, tools) over the scrolling body. */
export function frameTemplate(
  back: () => void,
  title: TemplateResult,
  body: TemplateResult,
  tools: TemplateResult = html``,
): TemplateResult {
  return html`<div class="review-head">
      <button type="button" @click=${back}>← Back to the graph</button>
      ${title} ${tools}
    </div>
    <div class="review-main">${body}</div>`;
}

export interface ToolsProps {
  progress: ReviewProgress;
  /** How many unreviewed proposals are exact matches. */
  exact: number;
  /** Whether the Preview button shows (not while the preview does). */
  canPreview: boolean;
  helpShown: boolean;
  acceptExact(): void;
  preview(): void;
  toggleHelp(): void;
}

export function toolsTemplate(props: ToolsProps): TemplateResult {
  const { progress } = props;
  return html`<p class="progress" role="status" aria-live="polite"><strong>${progressText(progress)}</strong>
      <span class="small muted">${progress.accepted} accepted · ${progress.rejected} rejected · ${progress.unsure} unsure</span></p>
    <div class="row wrap review-tools">
      <button type="button" ?disabled=${props.exact === 0} @click=${() => props.acceptExact()}
        title=${`Accept every unreviewed proposal that resolves to a node of the graph with a score of at least ${EXACT_MATCH_SCORE} (its name or an alias)`}
        >Accept all exact matches (${props.exact})</button>
      ${props.canPreview ? html`<button type="button" class="primary" @click=${() => props.preview()}>Preview →</button>` : nothing}
      <button type="button" aria-pressed=${props.helpShown ? "true" : "false"} @click=${() => props.toggleHelp()}>Keys <kbd>?</kbd></button>
    </div>`;
}

/** Says when the draft was committed already: a new commit replaces that dataset. */
export function committedNote(committed: { datasetId: string; at: string; by: string } | null): TemplateResult {
  if (!committed) return html``;
  return html`<p class="note" role="note">Committed as <span class="mono">${committed.datasetId}</span> on
    ${committed.at.slice(0, 16).replace("T", " ")} by ${committed.by}. Decisions made since then enter the graph at the next commit.</p>`;
}
