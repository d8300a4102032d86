/** A tiny element builder: plain DOM, no framework. */

/** Attributes for {@link element}: strings become attributes; `class` may be a list. */
export type Attributes = Record<string, string | number | boolean | readonly string[] | undefined | null>;

/** Content for {@link element}: nodes, strings (as text, never as HTML), or nothing. */
export type Child = Node | string | number | null | undefined | false;

/** Creates an element with attributes and children. Text is always inserted as text. */
export function element<Tag extends keyof HTMLElementTagNameMap>(tag: Tag, attributes: Attributes = {}, ...children: readonly (Child | readonly Child[])[]): HTMLElementTagNameMap[Tag] {
  const node = document.createElement(tag);
  setAttributes(node, attributes);
  append(node, children);
  return node;
}

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with attributes and children. */
export function svgElement<Tag extends keyof SVGElementTagNameMap>(tag: Tag, attributes: Attributes = {}, ...children: readonly (Child | readonly Child[])[]): SVGElementTagNameMap[Tag] {
  const node = document.createElementNS(SVG_NAMESPACE, tag);
  setAttributes(node, attributes);
  append(node, children);
  return node;
}

function setAttributes(node: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (Array.isArray(value)) node.setAttribute(name, value.filter(Boolean).join(' '));
    else node.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(node: Node, children: readonly (Child | readonly Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** A `<title>` child for SVG hover text. */
export function svgTitle(text: string): SVGTitleElement {
  return svgElement('title', {}, text);
}
