/** Who met whom: an actor's counterparts with events, dates, forums and the claims that count them, each with its evidence. */
import { html, nothing, render, type TemplateResult } from "lit-html";
import type { MeetingsResponse } from "../../common/api-types.js";
import { api } from "../api/client.js";
import type { AppContext } from "./context.js";
import { LatestLoad } from "./latest-load.js";
import { counterpartTemplate, forumsOf, type MeetingActions } from "./meeting-templates.js";
import { SearchBox } from "./search-box.js";

export class MeetingsPanel {
  readonly #app: AppContext;
  readonly #body: HTMLElement;
  readonly #actorBox: SearchBox;
  readonly #withBox: SearchBox;
  readonly #meetings = new LatestLoad<MeetingsResponse>();

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

  readonly #actions: MeetingActions = {
    pickCounterpart: (id) => this.#app.setView({ with: id }),
    pickForum: (id) => this.#app.setView({ forum: id }),
    focus: (id) => this.#app.focus(id),
  };

  render(): void {
    const { actor, with: other, forum, from, to } = this.#app.view;
    const key = JSON.stringify([actor, other, forum, from, to]);
    if (actor && key !== this.#meetings.key && this.#app.view.panel === "meetings") {
      void this.#load(key);
    }
    render(this.#template(), this.#body);
  }

  async #load(key: string): Promise<void> {
    const { actor, with: other, forum, from, to } = this.#app.view;
    if (!actor) return;
    const pending = this.#meetings.load(key, () =>
      api.meetings({
        actor,
        ...(other ? { with: other } : {}),
        ...(forum ? { forum } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      }),
    );
    this.render();
    const response = await pending;
    if (response) {
      this.#actorBox.value = response.actor.name;
      const pair = other ? response.counterparts.find((c) => c.actor.id === other) : undefined;
      this.#withBox.value = pair?.actor.name ?? "";
    }
    this.render();
  }

  async #showGraph(): Promise<void> {
    const { actor } = this.#app.view;
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
    // Nothing selected: a selection would fade the forums, which are the point of this graph.
    this.#app.setView({ focus: actor, selected: undefined }, { keepCanvas: true });
  }

  #template(): TemplateResult {
    const view = this.#app.view;
    if (!view.actor) return html`<p class="empty">No actor picked yet. Type a name above.</p>`;
    if (this.#meetings.loading && !this.#meetings.value)
      return html`<p class="loading"><span class="spinner small"></span> Looking up meetings…</p>`;
    if (this.#meetings.error) return html`<p class="error" role="alert">${this.#meetings.error}</p>`;
    const response = this.#meetings.value;
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
        ${this.#meetings.loading ? html`<span class="spinner small" aria-label="Loading"></span>` : nothing}
      </div>
      <h3 class="meetings-heading">${response.actor.name} met ${response.total === 1 ? "1 counterpart" : `${response.total} counterparts`}${response.total > counterparts.length ? ` (the ${counterparts.length} most met shown)` : ""}${view.forum ? ` at ${forums.get(view.forum) ?? view.forum}` : ""}</h3>
      ${counterparts.length === 0 ? html`<p class="empty">No meetings found${view.forum || view.from || view.to ? " with these filters. Try “All forums” or widen the time range" : ""}.</p>` : nothing}
      <ol class="counterparts">${counterparts.map((c) => html`<li class="counterpart" data-actor=${c.actor.id}>${counterpartTemplate(c, this.#actions, { timeline: Boolean(view.with) })}</li>`)}</ol>`;
  }
}
