/** A generated source text, built sentence by sentence, and quotations of it that the dataset validator accepts. */
import type { Evidence } from "../dataset/schema.js";

/** A sentence of a source text: where it starts and what it says. Shared by every record that quotes it. */
export interface Quote {
  start: number;
  exact: string;
  /** Set once a record quotes it: the loader makes one Passage per quoted span. */
  quoted: boolean;
}

/** Builds a text of paragraphs (blank-line separated, as the loader reads them) in which every sentence is unique. */
export class SourceText {
  readonly #parts: string[] = [];
  readonly #sentences = new Set<string>();
  #length = 0;
  #inParagraph = false;

  #append(text: string): void {
    this.#parts.push(text);
    this.#length += text.length;
  }

  /** A line of its own (a title, a byline, page furniture), followed by a blank line. */
  line(text: string): void {
    this.endParagraph();
    this.#append(`${text}\n\n`);
  }

  endParagraph(): void {
    if (this.#inParagraph) this.#append("\n\n");
    this.#inParagraph = false;
  }

  /** Appends a sentence to the current paragraph; a sentence the text already holds gets a distinguishing clause. */
  sentence(text: string): Quote {
    let unique = text;
    for (let n = 2; this.#sentences.has(unique); n++) unique = `${text.replace(/\.$/, "")}, as report ${n} noted.`;
    this.#sentences.add(unique);
    if (this.#inParagraph) this.#append(" ");
    this.#inParagraph = true;
    const quote = { start: this.#length, exact: unique, quoted: false };
    this.#append(unique);
    return quote;
  }

  toString(): string {
    return `${this.#parts.join("").replace(/\s+$/, "")}\n`;
  }
}

/** How often `needle` occurs in `text`, counting at most two. */
function occurrences(text: string, needle: string): number {
  const first = text.indexOf(needle);
  if (first === -1) return 0;
  return text.indexOf(needle, first + 1) === -1 ? 1 : 2;
}

/**
 * The evidence for a quote of `text`: the sentence itself, with just enough of the text before it
 * (or after it, at the very start) when the sentence also occurs inside a longer one.
 * @example evidence("A b. A b c.", { start: 0, exact: "A b." }, "source:x") // { source, exact: "A b." }
 */
export function evidence(text: string, quote: Quote, source: string): Evidence {
  if (occurrences(text, quote.exact) === 1) return { source, exact: quote.exact };
  for (let width = 8; width <= quote.start; width *= 2) {
    const prefix = text.slice(quote.start - width, quote.start);
    if (occurrences(text, prefix + quote.exact) === 1) return { source, exact: quote.exact, prefix };
  }
  const end = quote.start + quote.exact.length;
  for (let width = 8; end + width <= text.length + width; width *= 2) {
    const suffix = text.slice(end, end + width);
    if (suffix.length > 0 && occurrences(text, quote.exact + suffix) === 1)
      return { source, exact: quote.exact, suffix };
    if (end + width >= text.length) break;
  }
  const prefix = text.slice(0, quote.start);
  if (prefix.length > 0) return { source, exact: quote.exact, prefix };
  throw new Error(`synth: the quotation "${quote.exact}" cannot be told apart in its source`);
}
