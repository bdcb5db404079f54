/** What the loader will make of a generated dataset: nodes by label and relationships by type, counted as records are written. */
import type { Evidence } from "../dataset/schema.js";
import { evidence, type Quote } from "./text.js";

export class Counts {
  readonly nodes: Record<string, number> = {};
  readonly relationships: Record<string, number> = {};

  node(label: string, n = 1): void {
    this.nodes[label] = (this.nodes[label] ?? 0) + n;
  }

  rel(type: string, n = 1): void {
    this.relationships[type] = (this.relationships[type] ?? 0) + n;
  }

  /**
   * The evidence list of a record that quotes `quotes` of a finished text, counting each quoted
   * span once as a Passage (with its IN_SOURCE) and once per record as EVIDENCED_BY.
   */
  evidence(text: string, source: string, quotes: readonly Quote[]): Evidence[] {
    const distinct = [...new Set(quotes)];
    for (const quote of distinct) {
      if (quote.quoted) continue;
      quote.quoted = true;
      this.node("Passage");
      this.rel("IN_SOURCE");
    }
    this.rel("EVIDENCED_BY", distinct.length);
    return distinct.map((quote) => evidence(text, quote, source));
  }

  get totalNodes(): number {
    return Object.values(this.nodes).reduce((a, b) => a + b, 0);
  }

  get totalRelationships(): number {
    return Object.values(this.relationships).reduce((a, b) => a + b, 0);
  }
}
