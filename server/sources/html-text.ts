/** An article's DOM as plain text: block elements become paragraphs, `<br>` a line break, whitespace collapsed as a browser shows it. */
import { type DomNode, ELEMENT_NODE, TEXT_NODE } from "./dom.js";
import { normaliseText } from "./normalise.js";

/** Elements that start a new paragraph. */
const BLOCKS = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "DD",
  "DIV",
  "DL",
  "DT",
  "FIELDSET",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "FORM",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "TABLE",
  "TR",
  "UL",
]);
/** Elements whose text is not the article's. */
const SKIPPED = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "OBJECT", "BUTTON", "SELECT"]);

/**
 * The normalised text of `root`; paragraphs are separated by a blank line.
 * @example htmlText(parseHTML("<p>One <b>two</b></p><p>Three</p>").document) === "One two\n\nThree"
 */
export function htmlText(root: DomNode): string {
  const parts: string[] = [];
  const walk = (node: DomNode, pre: boolean) => {
    if (node.nodeType === TEXT_NODE) {
      // HTML collapses spaces, tabs and line feeds (not non-breaking spaces) except inside <pre>.
      parts.push(pre ? (node.textContent ?? "") : (node.textContent ?? "").replace(/[ \t\n\r\f]+/g, " "));
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    if (name === "BR") {
      parts.push("\n");
      return;
    }
    const block = BLOCKS.has(name);
    if (block) parts.push("\n\n");
    const children = Array.from(node.childNodes);
    for (const child of children) walk(child, pre || name === "PRE");
    if (name === "TD" || name === "TH") parts.push(" ");
    if (block) parts.push("\n\n");
  };
  walk(root, false);
  return normaliseText(parts.join(""));
}
