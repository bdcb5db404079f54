/**
 * Tags a document a paragraph at a time, giving the event loop back between paragraphs: the
 * tagger is most of an extraction's cost (~1.5 s of ~1.7 s for 90 kB with compromise), and run
 * on the whole text at once it held every other request of the server for that long.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Span } from "../../common/contract/extraction.js";
import type { Tagger, WordTags } from "./taggers.js";

/** Characters tagged between two turns of the event loop (~20 ms of compromise's work). */
const CHUNK_CHARS = 2_000;

/**
 * The tagger's tags for every paragraph of `text`, keyed by offsets into `text`, as `tagger.tag(text)`
 * would give them (compromise reads sentence by sentence: a paragraph's break ends a sentence either way).
 * Paragraphs are grouped up to ~2,000 characters; a longer one is tagged alone.
 * @example const tags = await tagByParagraph(text, paragraphs(text), compromiseTagger, signal)
 */
export async function tagByParagraph(
  text: string,
  paras: readonly Span[],
  tagger: Tagger,
  signal?: AbortSignal,
): Promise<Map<number, WordTags>> {
  const tags = new Map<number, WordTags>();
  let index = 0;
  while (index < paras.length) {
    const first = paras[index] as Span;
    let last = first;
    while (index + 1 < paras.length && (paras[index + 1] as Span).end - first.start <= CHUNK_CHARS) {
      index++;
      last = paras[index] as Span;
    }
    index++;
    for (const [offset, word] of tagger.tag(text.slice(first.start, last.end))) tags.set(first.start + offset, word);
    signal?.throwIfAborted();
    if (index < paras.length) await nextTurn();
  }
  return tags;
}
