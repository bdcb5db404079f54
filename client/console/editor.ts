/** The Cypher editor (CodeMirror 6 with Neo4j's Cypher language support), loaded on demand in its own chunk. */
import "@neo4j-cypher/codemirror/css/cypher-codemirror.css";
import { setDiagnostics } from "@codemirror/lint";
import { Prec } from "@codemirror/state";
import { type EditorView, keymap } from "@codemirror/view";
import { createCypherEditor, type EditorApi } from "@neo4j-cypher/codemirror";
import type { SchemaResponse } from "../../common/api-types.js";

export interface CypherEditor {
  value(): string;
  setValue(text: string): void;
  focus(): void;
  /** Marks an error at a 1-based line and column (or clears marks with null). */
  markError(position: { line: number; column: number } | null, message?: string): void;
}

/** The schema in the shape the editor's autocompletion reads. */
export function editorSchema(schema: SchemaResponse | undefined, parameters: string[]) {
  return {
    labels: (schema?.labels ?? []).map((label) => label.name),
    relationshipTypes: (schema?.relationshipTypes ?? []).map((rel) => rel.name),
    propertyKeys: schema?.propertyKeys ?? [],
    parameters,
  };
}

export function mountEditor(
  host: HTMLElement,
  options: { value: string; schema: SchemaResponse | undefined; onRun(): void; onChange(text: string): void },
): CypherEditor {
  let text = options.value;
  const run = Prec.highest(
    keymap.of([
      {
        key: "Mod-Enter",
        run: () => {
          options.onRun();
          return true;
        },
      },
    ]),
  );
  // At run time it returns `{ editor }`, not the EditorApi its declarations promise.
  const created = createCypherEditor(host, {
    value: options.value,
    schema: editorSchema(options.schema, []),
    lineNumbers: true,
    lineWrapping: true,
    lint: true,
    autocomplete: true,
    theme: "light",
    placeholder: "MATCH (a:Actor)-[:PARTICIPATED_IN]->(e:Event) RETURN a, e LIMIT 25",
    preExtensions: [run as never],
  }) as unknown as { editor: EditorApi };
  const editor = created.editor;
  // The package's declarations resolve @codemirror/view as CommonJS types; at run time it is the one shared module.
  const view = editor.codemirror as unknown as EditorView;
  view.contentDOM.setAttribute("aria-label", "Cypher query");
  editor.onValueChanged((value) => {
    text = value;
    options.onChange(value);
  });
  return {
    value: () => text,
    setValue: (value) => {
      text = value;
      editor.setValue(value);
    },
    focus: () => editor.focus(),
    markError: (position, message = "") => {
      if (!position) {
        view.dispatch(setDiagnostics(view.state, []));
        return;
      }
      const lineCount = view.state.doc.lines;
      const line = view.state.doc.line(Math.min(Math.max(1, position.line), lineCount));
      const from = Math.min(line.from + Math.max(0, position.column - 1), line.to);
      const to = Math.min(from + 1, view.state.doc.length);
      view.dispatch(setDiagnostics(view.state, [{ from, to: Math.max(to, from), severity: "error", message }]));
    },
  };
}
