/** A selection in the article, read back as offsets of the draft's text (the text view marks every piece with its offsets), and where its popover goes. */

/** The text offset at a boundary point of the article, or undefined when the point is not inside a piece of it. */
function offsetAt(container: HTMLElement, node: Node, offset: number, side: "start" | "end"): number | undefined {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const piece = element?.closest<HTMLElement>("[data-start]");
  if (piece && container.contains(piece) && node.nodeType === Node.TEXT_NODE) {
    return Number(piece.dataset.start) + offset;
  }
  // Between pieces (a kind tag, a paragraph's edge): the nearest piece inwards.
  const point = document.createRange();
  point.setStart(node, offset);
  const pieces = [...container.querySelectorAll<HTMLElement>("[data-start]")];
  if (side === "start") {
    const after = pieces.find((each) => point.comparePoint(each, 0) >= 0);
    return after ? Number(after.dataset.start) : undefined;
  }
  const before = pieces.reverse().find((each) => point.comparePoint(each, each.childNodes.length) <= 0);
  return before ? Number(before.dataset.end) : undefined;
}

/**
 * The window's selection as `[start, end)` offsets into the text when it lies in `container` and is not empty.
 * @example selectedSpan(article) // { start: 60, end: 110 }
 */
function selectedSpan(container: HTMLElement): { start: number; end: number } | undefined {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return undefined;
  const start = offsetAt(container, range.startContainer, range.startOffset, "start");
  const end = offsetAt(container, range.endContainer, range.endOffset, "end");
  if (start === undefined || end === undefined || end <= start) return undefined;
  return { start, end };
}

/**
 * A span without the spaces at its ends (a dragged selection often takes one).
 * @example trimSpan("a  talks ", { start: 1, end: 9 }) // { start: 3, end: 8 }
 */
export function trimSpan(text: string, span: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = span;
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return { start, end };
}

/**
 * The selection in the article's text (`text` is the draft's), trimmed, with where a popover goes: under the
 * selection, in the coordinates of the article's scrolling section.
 */
export function placeSelection(
  article: HTMLElement,
  text: string,
): { start: number; end: number; x: number; y: number } | undefined {
  const span = selectedSpan(article);
  if (!span) return undefined;
  const { start, end } = trimSpan(text, span);
  if (end <= start) return undefined;
  const rect = window.getSelection()?.getRangeAt(0).getBoundingClientRect();
  const section = article.closest<HTMLElement>(".review-article") ?? article;
  const box = section.getBoundingClientRect();
  return {
    start,
    end,
    x: Math.max(8, Math.min((rect?.left ?? 0) - box.left + section.scrollLeft, box.width - 330)),
    y: (rect?.bottom ?? 0) - box.top + section.scrollTop + 6,
  };
}
