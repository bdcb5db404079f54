/** The time range in the sidebar: two sliders over the months in which something dated begins or ends. */
import { html, nothing, type TemplateResult } from "lit-html";
import { formatDate, monthIndex, monthIso, monthLabel, stopIndex } from "../format/dates.js";

export interface TimeSlider {
  /** Month indexes the sliders stop at. */
  stops: readonly number[];
  /** The sliders' last index (their `max`). */
  last: number;
  fromIndex: number;
  toIndex: number;
  fromLabel: string;
  toLabel: string;
}

/**
 * Where the sliders stand for a range (`from`/`to` as YYYY-MM, unset meaning the span's ends), over the given stops,
 * or every month of the span while the timeline has not loaded.
 * @example timeSlider({ start: "2020-01-01", end: "2020-12-31" }, undefined, { to: "2020-06" }).toIndex === 5
 */
export function timeSlider(
  span: { start: string; end: string },
  stops: readonly number[] | undefined,
  range: { from?: string | undefined; to?: string | undefined },
): TimeSlider {
  const min = monthIndex(span.start);
  const max = monthIndex(span.end);
  const months = stops ?? Array.from({ length: max - min + 1 }, (_, index) => min + index);
  const last = months.length - 1;
  return {
    stops: months,
    last,
    fromIndex: range.from ? stopIndex(months, monthIndex(range.from), "from") : 0,
    toIndex: range.to ? stopIndex(months, monthIndex(range.to), "to") : last,
    fromLabel: monthLabel(range.from ? Math.max(min, monthIndex(range.from)) : min),
    toLabel: monthLabel(range.to ? Math.min(max, monthIndex(range.to)) : max),
  };
}

/**
 * The `from` of the view when the From slider moves to `index`: never past To, unset at the first stop.
 * @example fromAtIndex({ stops: [10, 20, 30], last: 2, fromIndex: 0, toIndex: 1, … }, 2) === monthIso(20)
 */
export function fromAtIndex(slider: TimeSlider, index: number): string | undefined {
  const at = Math.min(index, slider.toIndex);
  const month = slider.stops[at];
  return at <= 0 || month === undefined ? undefined : monthIso(month);
}

/** The `to` of the view when the To slider moves to `index`: never before From, unset at the last stop. */
export function toAtIndex(slider: TimeSlider, index: number): string | undefined {
  const at = Math.max(index, slider.fromIndex);
  const month = slider.stops[at];
  return at >= slider.last || month === undefined ? undefined : monthIso(month);
}

/**
 * How many nodes only the time range hides: hidden, dated, and of a type that is not hidden itself.
 * @example hiddenByTime([{ type: "Event", hidden: true, dated: true }], []) === 1
 */
export function hiddenByTime(
  nodes: readonly { type: string; hidden: boolean; dated: boolean }[],
  hiddenTypes: readonly string[],
): number {
  return nodes.filter((node) => node.hidden && !hiddenTypes.includes(node.type) && node.dated).length;
}

export interface TimeRangeInput {
  /** The span of the data (from the schema); undefined when there is none or the schema has not loaded. */
  span: { start: string; end: string } | undefined;
  stops: readonly number[] | undefined;
  from: string | undefined;
  to: string | undefined;
  /** Whether the schema has loaded (to tell "no dated events" from "not yet known"). */
  schemaLoaded: boolean;
  hiddenByTime: number;
  /** Sets the range; `replace` while a slider moves, so that history gets one entry per view rather than per step. */
  setRange(range: { from?: string | undefined; to?: string | undefined }, replace: boolean): void;
}

export function timeRangeSection(input: TimeRangeInput): TemplateResult {
  const { span } = input;
  return html`<section aria-labelledby="time-title" class="time">
    <h2 id="time-title">Time range</h2>
    ${span ? sliders(input, span) : html`<p class="muted small">${input.schemaLoaded ? "No dated events yet." : "Shown once the database answers."}</p>`}
  </section>`;
}

function sliders(input: TimeRangeInput, span: { start: string; end: string }): TemplateResult {
  const slider = timeSlider(span, input.stops, input);
  const index = (event: Event) => Number((event.target as HTMLInputElement).value);
  const hidden = input.hiddenByTime;
  return html`<p class="range-text" aria-live="polite">${slider.fromLabel} – ${slider.toLabel}</p>
    <label class="field-label" for="range-from">From</label>
    <input id="range-from" type="range" min="0" max=${slider.last} .value=${String(slider.fromIndex)} aria-valuetext=${slider.fromLabel}
      @input=${(event: Event) => input.setRange({ from: fromAtIndex(slider, index(event)) }, true)} />
    <label class="field-label" for="range-to">To</label>
    <input id="range-to" type="range" min="0" max=${slider.last} .value=${String(slider.toIndex)} aria-valuetext=${slider.toLabel}
      @input=${(event: Event) => input.setRange({ to: toAtIndex(slider, index(event)) }, true)} />
    <p class="muted small">
      ${hidden > 0 ? `${hidden} dated node${hidden === 1 ? "" : "s"} outside the range hidden. ` : ""}Data spans ${formatDate({ start: span.start, end: span.end, precision: "month", text: "" })}; each step is a month in which something dated begins or ends.
    </p>
    ${input.from || input.to ? html`<button type="button" @click=${() => input.setRange({ from: undefined, to: undefined }, false)}>Whole span</button>` : nothing}`;
}
