/** A selection in the article, read back as offsets of the draft's text (the text view marks every piece with its offsets). */

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
export function selectedSpan(container: HTMLElement): { start: number; end: number } | undefined {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return undefined;
  const start = offsetAt(container, range.startContainer, range.startOffset, "start");
  const end = offsetAt(container, range.endContainer, range.endOffset, "end");
  if (start === undefined || end === undefined || end <= start) return undefined;
  return { start, end };
}
