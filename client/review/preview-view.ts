/** The preview before a commit: what will be added, linked and given evidence, what is skipped, the problems; then Commit. */
import { html, nothing, type TemplateResult } from "lit-html";
import type { CommitResponse, PreviewResponse } from "../../common/api-types.js";

export interface PreviewProps {
  preview: PreviewResponse | undefined;
  loading: boolean;
  error: string;
  committed: CommitResponse | undefined;
  committing: boolean;
  datasetUrl: string;
  commit(): void;
  back(): void;
  /** After a commit: show a node of it in the explorer. */
  show(id: string): void;
  /** After a commit: the who-met-whom view of a new meeting's participants. */
  showMeetings(): void;
  canShowMeetings: boolean;
}

const addedList = (title: string, added: PreviewResponse["adds"]["actors"]) =>
  added.length === 0
    ? nothing
    : html`<h4>${title} (${added.length})</h4>
      <ul class="plain preview-list">${added.map((each) => html`<li><strong>${each.name}</strong> <span class="mono small">${each.id}</span></li>`)}</ul>`;

export function previewTemplate(props: PreviewProps): TemplateResult {
  const { preview, committed } = props;
  if (props.loading && !preview)
    return html`<p class="muted"><span class="spinner small" aria-hidden="true"></span> Building the preview…</p>`;
  if (props.error && !preview) {
    return html`<p class="error" role="alert">${props.error}</p><button type="button" @click=${() => props.back()}>Back to the review</button>`;
  }
  if (!preview) return html``;
  const { adds } = preview;
  const added = adds.actors.length + adds.forums.length + adds.events.length + adds.claims.length;
  return html`<section class="preview" aria-labelledby="preview-title">
    <h3 id="preview-title">Preview of <span class="mono">${preview.datasetId}</span></h3>
    <p>${added} new records and ${preview.links.length} links to nodes the graph holds; ${preview.evidence.length} passages become evidence of existing records.
      Skipped: ${preview.skipped.unreviewed} unreviewed, ${preview.skipped.rejected} rejected, ${preview.skipped.unsure} unsure.</p>
    ${addedList("New actors", adds.actors)} ${addedList("New forums", adds.forums)}
    ${addedList("New events", adds.events)} ${addedList("New claims", adds.claims)}
    ${
      preview.links.length > 0
        ? html`<h4>Linked to the graph (${preview.links.length})</h4>
          <ul class="plain preview-list">${preview.links.map((link) => html`<li>${link.label} <strong>${link.name}</strong> <span class="mono small">${link.entity}</span></li>`)}</ul>`
        : nothing
    }
    ${
      preview.evidence.length > 0
        ? html`<h4>Evidence added to existing records (${preview.evidence.length})</h4>
          <ul class="plain preview-list">${preview.evidence.map((each) => html`<li><span class="mono small">${each.of}</span> “${each.exact}”</li>`)}</ul>`
        : nothing
    }
    ${
      preview.valid
        ? html`<p class="valid">✓ The dataset is valid.</p>`
        : html`<div class="problems" role="alert"><p><strong>The dataset is not valid yet (${preview.problems.length} ${preview.problems.length === 1 ? "problem" : "problems"}):</strong></p>
          <ul>${preview.problems.map((problem) => html`<li><span class="mono small">${problem.file}${problem.line !== null ? `:${problem.line}` : ""} ${problem.path}</span> ${problem.message}</li>`)}</ul></div>`
    }
    ${props.error ? html`<p class="error" role="alert">${props.error}</p>` : nothing}
    <div class="row wrap">
      <button type="button" @click=${() => props.back()}>Back to the review</button>
      <button type="button" class="primary" ?disabled=${!preview.valid || props.committing || committed !== undefined}
        title=${preview.valid ? "Load the dataset into the graph" : "Fix the problems first"} @click=${() => props.commit()}>
        ${props.committing ? "Committing…" : "Commit"}</button>
      <a class="button-like" href=${props.datasetUrl} download>Download the dataset (.zip)</a>
    </div>
    ${
      committed
        ? html`<div class="committed" role="status">
          <p><strong>Committed.</strong> ${committed.datasetId}: the graph now holds ${committed.nodes} nodes and ${committed.relationships} relationships of it.</p>
          <div class="row wrap">
            ${props.canShowMeetings ? html`<button type="button" class="primary" @click=${() => props.showMeetings()}>Show the meeting in Who met whom</button>` : nothing}
            ${adds.events[0] ? html`<button type="button" @click=${() => props.show(adds.events[0]?.id ?? "")}>Show the new event</button>` : nothing}
            <button type="button" @click=${() => props.show(committed.sourceId)}>Show the source</button>
          </div></div>`
        : nothing
    }
  </section>`;
}
