/** The few DOM shapes the HTML intake reads, typed structurally: the server is compiled without the DOM library, and linkedom's types refer to it. */

export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
}

export interface DomDocument {
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  querySelector(selector: string): DomElement | null;
  title: string;
}

export const TEXT_NODE = 3;
export const ELEMENT_NODE = 1;
