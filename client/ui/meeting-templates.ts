/** How one pair's meetings read, shared by the Who-met-whom panel and the details of a who-met-whom line. */
import { html, nothing, svg, type TemplateResult } from "lit-html";
import type { AggregateClaim, MeetingEvent, MeetingsResponse } from "../../common/api-types.js";
import { formatDate, monthIndex } from "../format/dates.js";
import { evidenceList } from "./evidence.js";

export type Counterpart = MeetingsResponse["counterparts"][number];

/** What a click in a meeting summary may ask for. */
export interface MeetingActions {
  /** Narrow to this counterpart (the name was clicked). */
  pickCounterpart(id: string): void;
  /** Narrow to this forum (a forum chip was clicked). */
  pickForum(id: string): void;
  /** Show this event's neighbourhood. */
  focus(id: string): void;
}

/** Forums met at, from the counterpart's list and its events, without repeats, in a stable order. */
export function forumsOf(counterpart: Counterpart): { id: string; name: string }[] {
  const seen = new Map<string, { id: string; name: string }>();
  for (const forum of [...counterpart.forums, ...counterpart.events.flatMap((event) => event.forums)]) {
    if (!seen.has(forum.id)) seen.set(forum.id, forum);
  }
  return [...seen.values()];
}

/** How many meetings the sources say took place: the largest aggregate count, else the number of events. */
function meetingCount(counterpart: Counterpart): { count: number; fromClaim: boolean } {
  const counts = counterpart.aggregates
    .map((claim) => claim.value)
    .filter((value): value is number => typeof value === "number");
  if (counts.length > 0) return { count: Math.max(...counts), fromClaim: true };
  // `events` is a page of the shared events; `eventCount` counts them all.
  return { count: counterpart.eventCount ?? counterpart.events.length, fromClaim: false };
}

/** One counterpart: name, count, where, the claims that count the meetings (who says so), the events. */
export function counterpartTemplate(
  counterpart: Counterpart,
  actions: MeetingActions,
  options: { timeline?: boolean; name?: boolean } = {},
): TemplateResult {
  const { count, fromClaim } = meetingCount(counterpart);
  const forums = forumsOf(counterpart);
  // Where the pair is already named (a who-met-whom line's details), the counterpart's name would repeat it.
  return html`<div class="counterpart-head">
      ${
        options.name === false
          ? nothing
          : html`<button type="button" class="link counterpart-name" @click=${() => actions.pickCounterpart(counterpart.actor.id)} title="Show only this pair">${counterpart.actor.name}</button>
            <span class="muted">${counterpart.actor.kind}</span>`
      }
      <span class="count-badge" title=${fromClaim ? "as a source counts them" : "events in the graph"}>${count} ${fromClaim ? "meetings (per source)" : count === 1 ? "event" : "events"}</span>
    </div>
    ${
      forums.length > 0
        ? html`<p class="forums">Where: ${forums.map((forum) => html`<button type="button" class="chip" @click=${() => actions.pickForum(forum.id)}>${forum.name}</button>`)}${
            counterpart.forumCount > forums.length
              ? html` <span class="muted">and ${counterpart.forumCount - forums.length} more</span>`
              : nothing
          }</p>`
        : nothing
    }
    ${counterpart.aggregates.map(aggregateTemplate)}
    ${
      counterpart.aggregateCount > counterpart.aggregates.length
        ? html`<p class="muted more-claims">and ${counterpart.aggregateCount - counterpart.aggregates.length} more claims about them (show only this pair to list them)</p>`
        : nothing
    }
    ${options.timeline ? timelineTemplate(counterpart.events) : nothing}
    <ul class="events">${counterpart.events.map((event) => eventTemplate(event, actions))}</ul>`;
}

function aggregateTemplate(claim: AggregateClaim): TemplateResult {
  const first = claim.evidence[0];
  return html`<div class="aggregate">
    <p><strong>${claim.text}</strong>${claim.period ? html` <span class="muted">(${formatDate(claim.period)})</span>` : nothing}</p>
    ${first ? html`<p class="says-who">Says: ${first.source.author ?? "unknown author"}, <cite>${first.source.title}</cite>${first.source.published ? `, published ${formatDate(first.source.published)}` : ""}</p>` : nothing}
    <details><summary>The passage${claim.evidence.length === 1 ? "" : "s"} (${claim.evidence.length})</summary>${evidenceList(claim.evidence)}</details>
  </div>`;
}

function eventTemplate(event: MeetingEvent, actions: MeetingActions): TemplateResult {
  const first = event.evidence[0];
  return html`<li class="event">
    <button type="button" class="link" @click=${() => actions.focus(event.id)}>${event.name}</button>
    <span class="muted">${event.kind} · ${formatDate(event.date)}${event.place ? ` · ${event.place}` : ""}</span>
    ${event.forums.length > 0 ? html`<span class="muted">at ${event.forums.map((forum) => forum.name).join(", ")}</span>` : nothing}
    ${first ? html`<span class="says-who">Says: ${first.source.author ?? "unknown author"}, <cite>${first.source.title}</cite></span>` : nothing}
    <details><summary>Evidence (${event.evidence.length})</summary>${evidenceList(event.evidence)}</details>
  </li>`;
}

/** The pair's events on a line by date (events without a start are left off it; an open end runs one month). */
function timelineTemplate(events: MeetingEvent[]): TemplateResult {
  const dated = events.filter((event) => event.date?.start);
  if (dated.length === 0) return html``;
  const starts = dated.map((event) => monthIndex(event.date?.start ?? ""));
  const ends = dated.map((event, index) => (event.date?.end ? monthIndex(event.date.end) : (starts[index] ?? 0) + 1));
  const min = Math.min(...starts);
  const max = Math.max(...ends, min + 1);
  const x = (month: number) => 10 + (280 * (month - min)) / (max - min);
  return html`<figure class="timeline">
    <svg viewBox="0 0 300 ${20 + dated.length * 14}" role="img" aria-label="Timeline of their meetings">
      <line x1="10" x2="290" y1="10" y2="10" stroke="#94a3b8" />
      ${dated.map((event, index) => {
        const y = 22 + index * 14;
        const x1 = x(starts[index] ?? min);
        const x2 = Math.max(x1 + 4, x(ends[index] ?? min));
        return svg`<g><title>${event.name} (${formatDate(event.date)})</title><rect x=${x1} y=${y - 5} width=${x2 - x1} height="8" rx="3" fill="#c2410c" /></g>`;
      })}
    </svg>
    <figcaption class="muted">${formatDate(dated[0]?.date)} … ${formatDate(dated[dated.length - 1]?.date)}</figcaption>
  </figure>`;
}
