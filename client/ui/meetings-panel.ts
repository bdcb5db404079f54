/** Who met whom: an actor's counterparts with events, dates, forums and the claims that count them, each with its evidence. */
import { html, nothing, render, svg, type TemplateResult } from "lit-html";
import type { AggregateClaim, MeetingEvent, MeetingsResponse } from "../../common/api-types.js";
import { api } from "../api/client.js";
import { formatDate, monthIndex } from "../format/dates.js";
import { type AppContext, errorMessage } from "./context.js";
import { evidenceList } from "./evidence.js";
import { SearchBox } from "./search-box.js";

type Counterpart = MeetingsResponse["counterparts"][number];

/** Forums met at, from the counterpart's list and its events, without repeats, in a stable order. */
export function forumsOf(counterpart: Counterpart): { id: string; name: string }[] {
  const seen = new Map<string, { id: string; name: string }>();
  for (const forum of [...counterpart.forums, ...counterpart.events.flatMap((event) => event.forums)]) {
    if (!seen.has(forum.id)) seen.set(forum.id, forum);
  }
  return [...seen.values()];
}

/** How many meetings the sources say took place: the largest aggregate count, else the number of events. */
export function meetingCount(counterpart: Counterpart): { count: number; fromClaim: boolean } {
  const counts = counterpart.aggregates
    .map((claim) => claim.value)
    .filter((value): value is number => typeof value === "number");
  if (counts.length > 0) return { count: Math.max(...counts), fromClaim: true };
  return { count: counterpart.events.length, fromClaim: false };
}

export class MeetingsPanel {
  readonly #app: AppContext;
  readonly #body: HTMLElement;
  readonly #actorBox: SearchBox;
  readonly #withBox: SearchBox;
  #response: MeetingsResponse | undefined;
  #loadedKey = "";
  #loading = false;
  #error = "";

  constructor(hosts: { actor: HTMLElement; with: HTMLElement; body: HTMLElement }, app: AppContext) {
    this.#app = app;
    this.#body = hosts.body;
    this.#actorBox = new SearchBox(hosts.actor, {
      label: "Actor",
      placeholder: "e.g. Wang Yi",
      types: ["Actor"],
      role: "combobox",
      visibleLabel: true,
      onPick: (hit) => app.setView({ actor: hit.id, with: undefined, forum: undefined }),
    });
    this.#withBox = new SearchBox(hosts.with, {
      label: "Met with (optional)",
      placeholder: "e.g. Sergey Lavrov",
      types: ["Actor"],
      role: "combobox",
      visibleLabel: true,
      onPick: (hit) => app.setView({ with: hit.id }),
    });
  }

  render(): void {
    const { actor, with: other, forum, from, to } = this.#app.view;
    const key = JSON.stringify([actor, other, forum, from, to]);
    if (actor && key !== this.#loadedKey && this.#app.view.panel === "meetings") {
      this.#loadedKey = key;
      void this.#load(key);
    }
    render(this.#template(), this.#body);
  }

  async #load(key: string): Promise<void> {
    const { actor, with: other, forum, from, to } = this.#app.view;
    if (!actor) return;
    this.#loading = true;
    this.#error = "";
    this.render();
    try {
      const response = await api.meetings({
        actor,
        ...(other ? { with: other } : {}),
        ...(forum ? { forum } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      });
      if (key !== this.#loadedKey) return;
      this.#response = response;
      this.#actorBox.value = response.actor.name;
      const pair = other ? response.counterparts.find((c) => c.actor.id === other) : undefined;
      this.#withBox.value = pair?.actor.name ?? (other ? "" : "");
    } catch (error) {
      if (key !== this.#loadedKey) return;
      this.#response = undefined;
      this.#error = errorMessage(error);
    } finally {
      if (key === this.#loadedKey) this.#loading = false;
    }
    this.render();
  }

  async #showGraph(): Promise<void> {
    const { actor, with: other } = this.#app.view;
    if (!actor) return;
    const response = await this.#app.busy(
      "Loading the meetings graph",
      api.neighbourhood(actor, {
        depth: 2,
        types: ["Actor", "Event", "Forum"],
        rels: ["PARTICIPATED_IN", "AT_FORUM"],
        limit: 200,
      }),
    );
    this.#app.canvas.replace(response.elements);
    this.#app.setView({ focus: actor, selected: other ?? actor });
  }

  #template(): TemplateResult {
    const view = this.#app.view;
    if (!view.actor) return html`<p class="empty">No actor picked yet. Type a name above.</p>`;
    if (this.#loading && !this.#response)
      return html`<p class="loading"><span class="spinner small"></span> Looking up meetings…</p>`;
    if (this.#error) return html`<p class="error" role="alert">${this.#error}</p>`;
    const response = this.#response;
    if (!response) return html``;
    const forums = new Map<string, string>();
    for (const counterpart of response.counterparts)
      for (const forum of forumsOf(counterpart)) forums.set(forum.id, forum.name);
    const counterparts = view.with
      ? response.counterparts.filter((c) => c.actor.id === view.with)
      : response.counterparts;
    return html`
      <div class="meetings-controls">
        <label class="field-label" for="meetings-forum">Forum</label>
        <select id="meetings-forum" @change=${(event: Event) => this.#app.setView({ forum: (event.target as HTMLSelectElement).value || undefined })}>
          <option value="" ?selected=${!view.forum}>All forums</option>
          ${[...forums].map(([id, name]) => html`<option value=${id} ?selected=${view.forum === id}>${name}</option>`)}
          ${view.forum && !forums.has(view.forum) ? html`<option value=${view.forum} selected>${view.forum}</option>` : nothing}
        </select>
        ${
          view.with
            ? html`<button type="button" @click=${() => {
                this.#withBox.value = "";
                this.#app.setView({ with: undefined });
              }}>All counterparts</button>`
            : nothing
        }
        <button type="button" @click=${() => void this.#showGraph()}>Show as graph</button>
        ${this.#loading ? html`<span class="spinner small" aria-label="Loading"></span>` : nothing}
      </div>
      <h3 class="meetings-heading">${response.actor.name} met ${counterparts.length === 1 ? "1 counterpart" : `${counterparts.length} counterparts`}${view.forum ? ` at ${forums.get(view.forum) ?? view.forum}` : ""}</h3>
      ${counterparts.length === 0 ? html`<p class="empty">No meetings found${view.forum || view.from || view.to ? " with these filters. Try “All forums” or widen the time range" : ""}.</p>` : nothing}
      <ol class="counterparts">${counterparts.map((c) => this.#counterpart(c, Boolean(view.with)))}</ol>`;
  }

  #counterpart(counterpart: Counterpart, pair: boolean): TemplateResult {
    const { count, fromClaim } = meetingCount(counterpart);
    const forums = forumsOf(counterpart);
    return html`<li class="counterpart" data-actor=${counterpart.actor.id}>
      <div class="counterpart-head">
        <button type="button" class="link counterpart-name" @click=${() => this.#app.setView({ with: counterpart.actor.id })} title="Show only this pair">${counterpart.actor.name}</button>
        <span class="muted">${counterpart.actor.kind}</span>
        <span class="count-badge" title=${fromClaim ? "as a source counts them" : "events in the graph"}>${count} ${fromClaim ? "meetings (per source)" : count === 1 ? "event" : "events"}</span>
      </div>
      ${
        forums.length > 0
          ? html`<p class="forums">Where: ${forums.map((forum) => html`<button type="button" class="chip" @click=${() => this.#app.setView({ forum: forum.id })}>${forum.name}</button>`)}</p>`
          : nothing
      }
      ${counterpart.aggregates.map((claim) => this.#aggregate(claim))}
      ${pair ? this.#timeline(counterpart.events) : nothing}
      <ul class="events">${counterpart.events.map((event) => this.#event(event))}</ul>
    </li>`;
  }

  #aggregate(claim: AggregateClaim): TemplateResult {
    const first = claim.evidence[0];
    return html`<div class="aggregate">
      <p><strong>${claim.text}</strong>${claim.period ? html` <span class="muted">(${formatDate(claim.period)})</span>` : nothing}</p>
      ${first ? html`<p class="says-who">Says: ${first.source.author ?? "unknown author"}, <cite>${first.source.title}</cite>${first.source.published ? `, ${formatDate(first.source.published)}` : ""}</p>` : nothing}
      <details><summary>The passage${claim.evidence.length === 1 ? "" : "s"} (${claim.evidence.length})</summary>${evidenceList(claim.evidence)}</details>
    </div>`;
  }

  #event(event: MeetingEvent): TemplateResult {
    const first = event.evidence[0];
    return html`<li class="event">
      <button type="button" class="link" @click=${() => this.#app.focus(event.id)}>${event.name}</button>
      <span class="muted">${event.kind} · ${formatDate(event.date)}${event.place ? ` · ${event.place}` : ""}</span>
      ${event.forums.length > 0 ? html`<span class="muted">at ${event.forums.map((forum) => forum.name).join(", ")}</span>` : nothing}
      ${first ? html`<span class="says-who">Says: ${first.source.author ?? "unknown author"}, <cite>${first.source.title}</cite></span>` : nothing}
      <details><summary>Evidence (${event.evidence.length})</summary>${evidenceList(event.evidence)}</details>
    </li>`;
  }

  /** The pair's events on a line by date (events without a date are left off it). */
  #timeline(events: MeetingEvent[]): TemplateResult {
    const dated = events.filter((event) => event.date?.start);
    if (dated.length === 0) return html``;
    const starts = dated.map((event) => monthIndex(event.date?.start ?? ""));
    const ends = dated.map((event) => monthIndex(event.date?.end ?? event.date?.start ?? ""));
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
}
