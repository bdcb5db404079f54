/** What floats over the review: the popover that makes a claim or an event of selected text, and the list of keys. */
import { html, type TemplateResult } from "lit-html";
import { REVIEW_KEYS } from "./keys.js";

export interface PopoverProps {
  text: string;
  /** Where to show it, in the review screen's coordinates. */
  x: number;
  y: number;
  create(kind: "claim" | "event", words: string): void;
  close(): void;
}

/** The selection popover: a one-line assertion or name (optional), then Claim or Event. */
export function popoverTemplate(props: PopoverProps): TemplateResult {
  const submit = (kind: "claim" | "event") => (event: Event) => {
    const form = (event.currentTarget as HTMLElement).closest("form");
    const words = (form?.querySelector<HTMLInputElement>("input[name=words]")?.value ?? "").trim();
    props.create(kind, words);
  };
  return html`<form class="selection-popover" role="dialog" aria-label="Make a claim or an event of the selection"
    style=${`left:${props.x}px;top:${props.y}px`}
    @submit=${(event: Event) => {
      event.preventDefault();
      submit("claim")(event);
    }}
    @keydown=${(event: KeyboardEvent) => {
      if (event.key === "Escape") props.close();
    }}>
    <p class="small">“${props.text.length > 80 ? `${props.text.slice(0, 80)}…` : props.text}”</p>
    <label class="field"><span class="field-label">Claim sentence or event name (optional)</span>
      <input name="words" autocomplete="off" /></label>
    <div class="row">
      <button type="submit" class="primary">Claim</button>
      <button type="button" @click=${submit("event")}>Event</button>
      <button type="button" aria-label="Close" @click=${() => props.close()}>✕</button>
    </div>
  </form>`;
}

/** The keys of the review, shown with `?`. */
export function helpTemplate(close: () => void): TemplateResult {
  return html`<div class="review-help" role="dialog" aria-label="Keys of the review">
    <h3>Keys</h3>
    <dl>${REVIEW_KEYS.map((entry) => html`<dt>${entry.keys.map((key) => html`<kbd>${key}</kbd> `)}</dt><dd>${entry.what}</dd>`)}</dl>
    <p class="small">Select text in the article to make a claim or an event of it.</p>
    <button type="button" @click=${close}>Close</button>
  </div>`;
}
