/** The page's fixed elements (index.html), found once and never missing. */

/** An element of index.html that the app cannot work without. */
export function element<T extends HTMLElement = HTMLElement>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`app: the page has no ${selector}.`);
  return found;
}
