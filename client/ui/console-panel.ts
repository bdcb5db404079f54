/** The Cypher console: editor (lazy), parameters as JSON, results as a table (CSV export) and on the canvas, history. */
import { html, nothing, render, type TemplateResult } from "lit-html";
import type { CypherResponse } from "../../common/api-types.js";
import { ApiRequestError, api } from "../api/client.js";
import type { CypherEditor } from "../console/editor.js";
import { cellText, download, toCsv } from "../export/csv.js";
import { activity } from "../state/idle.js";
import { type AppContext, errorMessage } from "./context.js";

const HISTORY_KEY = "liaison.console.history.v1";
const SHOWN_ROWS = 200;
const DEFAULT_QUERY =
  "MATCH (a:Actor)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Actor)\nWHERE a.name = $name\nRETURN a, e, b LIMIT 25";

/** Where a Neo4j error points, read from the error details the API sends (`position` with line/column, or an offset). */
function errorPosition(details: unknown, query: string): { line: number; column: number } | null {
  if (typeof details !== "object" || details === null) return null;
  const position = (details as { position?: unknown }).position ?? details;
  if (typeof position !== "object" || position === null) return null;
  const { line, column, offset } = position as { line?: unknown; column?: unknown; offset?: unknown };
  if (typeof line === "number" && typeof column === "number") return { line, column };
  if (typeof offset === "number") {
    const before = query.slice(0, offset).split("\n");
    return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
  }
  return null;
}

/**
 * What a run did to the canvas, counting only nodes that were not there before.
 * @example placedText({ added: 2, shown: 3 }) === "2 nodes added to the canvas, 3 already shown"
 */
export function placedText(placed: { added: number; shown: number }): string {
  const nodes = (count: number) => `${count} node${count === 1 ? "" : "s"}`;
  if (placed.shown === 0) return `${nodes(placed.added)} added to the canvas`;
  if (placed.added === 0) return `${nodes(placed.shown)} already on the canvas`;
  return `${nodes(placed.added)} added to the canvas, ${placed.shown} already shown`;
}

export class ConsolePanel {
  readonly #app: AppContext;
  readonly #editorHost: HTMLElement;
  readonly #body: HTMLElement;
  #editor: CypherEditor | undefined;
  #loadingEditor = false;
  #query = DEFAULT_QUERY;
  #params = '{ "name": "Wang Yi" }';
  #result: CypherResponse | undefined;
  /** How many of the result's nodes the run put on the canvas, and how many were there already. */
  #placed = { added: 0, shown: 0 };
  #error: { code: string; message: string; position: { line: number; column: number } | null } | undefined;
  #running = false;
  #history: string[] = [];

  constructor(hosts: { editor: HTMLElement; body: HTMLElement }, app: AppContext) {
    this.#app = app;
    this.#editorHost = hosts.editor;
    this.#body = hosts.body;
    try {
      this.#history = JSON.parse(window.localStorage.getItem(HISTORY_KEY) ?? "[]") as string[];
    } catch {
      this.#history = [];
    }
  }

  render(): void {
    if (this.#app.view.panel === "console" && !this.#editor && !this.#loadingEditor) void this.#loadEditor();
    render(this.#template(), this.#body);
  }

  async #loadEditor(): Promise<void> {
    this.#loadingEditor = true;
    this.#editorHost.textContent = "Loading the editor…";
    try {
      const { mountEditor } = await activity.track(import("../console/editor.js"));
      this.#editorHost.textContent = "";
      this.#editor = mountEditor(this.#editorHost, {
        value: this.#query,
        schema: this.#app.schema,
        onRun: () => void this.run(),
        onChange: (text) => (this.#query = text),
      });
    } catch (error) {
      this.#editorHost.textContent = `The editor did not load (${(error as Error).message}).`;
    } finally {
      this.#loadingEditor = false;
    }
  }

  async run(): Promise<void> {
    const query = (this.#editor?.value() ?? this.#query).trim();
    if (!query || this.#running) return;
    let params: Record<string, unknown> = {};
    try {
      const parsed: unknown = this.#params.trim() ? JSON.parse(this.#params) : {};
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
      params = parsed as Record<string, unknown>;
    } catch {
      this.#error = {
        code: "BAD_PARAMS",
        message: 'Parameters must be a JSON object, e.g. { "name": "Wang Yi" }.',
        position: null,
      };
      return this.render();
    }
    this.#running = true;
    this.#error = undefined;
    this.#editor?.markError(null);
    this.render();
    try {
      this.#app.setResult(new Set());
      this.#result = await api.cypher({ query, params });
      this.#remember(query);
      const { nodes, edges } = this.#result.elements;
      const added = nodes.length > 0 ? new Set(this.#app.canvas.add(this.#result.elements)) : new Set<string>();
      const addedNodes = nodes.filter((node) => added.has(node.data.id)).length;
      this.#placed = { added: addedNodes, shown: nodes.length - addedNodes };
      this.#app.setResult(
        new Set([...nodes, ...edges].map((element) => element.data.id).filter((id) => this.#app.canvas.has(id))),
      );
    } catch (error) {
      this.#result = undefined;
      const apiError = error instanceof ApiRequestError ? error : undefined;
      const position = apiError ? errorPosition(apiError.details, query) : null;
      this.#error = { code: apiError?.code ?? "ERROR", message: errorMessage(error), position };
      if (position) this.#editor?.markError(position, this.#error.message);
    } finally {
      this.#running = false;
    }
    this.render();
  }

  #remember(query: string): void {
    this.#history = [query, ...this.#history.filter((other) => other !== query)].slice(0, 20);
    try {
      window.localStorage.setItem(HISTORY_KEY, JSON.stringify(this.#history));
    } catch {
      // Storage full or disabled: history stays for this page only.
    }
  }

  #template(): TemplateResult {
    const result = this.#result;
    const error = this.#error;
    return html`<div class="console-controls">
        <label class="field-label" for="console-params">Parameters (JSON)</label>
        <textarea id="console-params" rows="2" spellcheck="false" .value=${this.#params} @input=${(event: Event) => (this.#params = (event.target as HTMLTextAreaElement).value)}></textarea>
        <div class="row">
          <button type="button" class="primary" ?disabled=${this.#running} @click=${() => void this.run()}>Run <kbd>Ctrl</kbd>+<kbd>Enter</kbd></button>
          ${this.#running ? html`<span class="spinner small" aria-label="Running"></span>` : nothing}
          ${result ? html`<button type="button" @click=${() => download("liaison-result.csv", toCsv(result.columns, result.rows), "text/csv")}>Export CSV</button>` : nothing}
        </div>
        <p class="muted">Read-only: the console runs reads only; writes are refused.</p>
      </div>
      ${
        error
          ? html`<div class="error console-error" role="alert" data-code=${error.code}>
            <strong>${error.code === "READ_ONLY" ? "Refused: the console is read-only." : "The query failed."}</strong>
            <p>${error.message}</p>
            ${error.position ? html`<p>At line ${error.position.line}, column ${error.position.column}.</p>` : nothing}
          </div>`
          : nothing
      }
      ${result ? this.#table(result) : nothing}
      ${
        this.#history.length > 0
          ? html`<details class="history"><summary>Recent queries (${this.#history.length})</summary>
            <ul class="plain">${this.#history.map(
              (query) =>
                html`<li><button type="button" class="link mono" @click=${() => {
                  this.#query = query;
                  this.#editor?.setValue(query);
                  this.#editor?.focus();
                }}>${query.length > 90 ? `${query.slice(0, 89)}…` : query}</button></li>`,
            )}</ul>
          </details>`
          : nothing
      }`;
  }

  #table(result: CypherResponse): TemplateResult {
    const truncated = result.truncated;
    const names = new Map(result.elements.nodes.map((node) => [node.data.id, node.data.label]));
    const labels = new Map([
      ...result.elements.nodes.map((node): [string, string] => [
        node.data.id,
        `${node.data.label} (${node.data.type})`,
      ]),
      // Relationships read as "Wang Yi —PARTICIPATED_IN→ G20 summit", not as their ids.
      ...result.elements.edges.map((edge): [string, string] => [
        edge.data.id,
        `${names.get(edge.data.source) ?? edge.data.source} —${edge.data.type}→ ${names.get(edge.data.target) ?? edge.data.target}`,
      ]),
    ]);
    return html`<div class="result">
      <p class="muted result-summary">
        ${result.rows.length} row${result.rows.length === 1 ? "" : "s"} in ${result.ms} ms${result.elements.nodes.length > 0 ? ` · ${placedText(this.#placed)}` : ""}
        ${truncated ? html` · <strong>stopped at the ${truncated.reason} limit (${truncated.limit})</strong>` : nothing}
      </p>
      ${result.rows.length === 0 ? html`<p class="empty">No rows.</p>` : nothing}
      <div class="table-wrap" tabindex="0" role="region" aria-label="Query results">
        <table>
          <thead><tr>${result.columns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
          <tbody>
            ${result.rows.slice(0, SHOWN_ROWS).map((row) => html`<tr>${row.map((cell) => html`<td>${cellText(cell, labels)}</td>`)}</tr>`)}
          </tbody>
        </table>
      </div>
      ${result.rows.length > SHOWN_ROWS ? html`<p class="muted">Showing ${SHOWN_ROWS} of ${result.rows.length} rows; the CSV holds them all.</p>` : nothing}
    </div>`;
  }
}
