/**
 * Text ↔ DOM mapping. The analysis core sees one string; the page is a tree of text nodes.
 * A `TextMap` records where each text node's characters sit in that string, so a flag's
 * offsets become a DOM Range (binary search over node starts, as hypothesis'
 * `TextRange.fromOffsets` does) and a caret position becomes an offset again.
 *
 * Paragraph-like elements become blocks separated by a blank line; the blocks are passed to
 * the core so a sentence never runs from one paragraph into the next.
 */
import type { StructureHints, TextSpan } from '../core/flag';
import { stepFromGenerator } from './schedule';

export interface TextMap {
  /** The analysed text: node text with tabs/newlines turned into spaces, blocks separated by "\n\n". */
  text: string;
  /** Text nodes in document order… */
  nodes: Text[];
  /** …where each one starts in `text`… */
  starts: number[];
  /** …and how long it was when mapped (the page may change it later). */
  lengths: number[];
  hints: Required<StructureHints>;
}

export interface TextMapOptions {
  /**
   * Whether an element is hidden by style. Defaults to a computed-style `display: none`
   * check, done once per element on the way down (a hidden subtree is skipped whole).
   */
  isHiddenByStyle?: (element: Element) => boolean;
}

/** Elements whose text is not prose a reader sees: code, form fields, media, metadata. */
const SKIPPED_ELEMENTS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button',
  'svg', 'math', 'canvas', 'iframe', 'object', 'embed', 'video', 'audio', 'head', 'title', 'link', 'meta',
]);

/** Paragraph-like elements: each starts and ends a block, so sentences never cross them. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul',
]);

/** Host elements of Unspun's own UI (the card's shadow host, injected styles). */
export function isOwnUiElement(element: Element): boolean {
  return (
    element.localName === 'unspun-card' ||
    element.hasAttribute('data-unspun-ui') ||
    element.hasAttribute('data-wxt-shadow-root')
  );
}

export function isBlockElement(element: Element): boolean {
  return BLOCK_ELEMENTS.has(element.localName);
}

function defaultIsHiddenByStyle(element: Element): boolean {
  const view = element.ownerDocument?.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return false;
  return view.getComputedStyle(element).display === 'none';
}

/**
 * Whether a subtree is left out of the text: not prose, hidden, editable by the reader, or
 * ours. Attribute checks come first because they are free; the style check only runs when
 * they pass.
 */
export function isSkippedElement(element: Element, isHiddenByStyle = defaultIsHiddenByStyle): boolean {
  if (SKIPPED_ELEMENTS.has(element.localName)) return true;
  if (isOwnUiElement(element)) return true;
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const editable = element.getAttribute('contenteditable');
  // A bare `contenteditable` attribute means "true"; only an explicit "false" keeps it read-only.
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const inlineStyle = (element as HTMLElement).style;
  if (inlineStyle && inlineStyle.display === 'none') return true;
  return isHiddenByStyle(element);
}

const LINE_BREAKS = /[\t\n\r\f\v]/g;

interface OpenSpan {
  element: Element;
  list: TextSpan[];
  /** -1 until the first character inside the element arrives, so separators are not included. */
  start: number;
}

/** How many nodes the walker visits between checks of the slice deadline. */
const NODES_PER_CHECK = 64;

function* walk(roots: readonly Node[], map: TextMap, options: TextMapOptions): Generator<void, void, unknown> {
  const isHiddenByStyle = options.isHiddenByStyle ?? defaultIsHiddenByStyle;
  let blockStart = -1;
  let pendingSeparator = false;
  const openSpans: OpenSpan[] = [];

  const breakBlock = () => {
    if (blockStart >= 0 && map.text.length > blockStart) {
      map.hints.blocks.push({ start: blockStart, end: map.text.length });
      pendingSeparator = true;
    }
    blockStart = -1;
  };

  const addText = (node: Text) => {
    const data = node.data;
    if (data.length === 0) return;
    // Whitespace between blocks (source indentation) is not part of any sentence.
    if (blockStart < 0 && data.trim() === '') return;
    if (pendingSeparator) {
      map.text += '\n\n';
      pendingSeparator = false;
    }
    if (blockStart < 0) blockStart = map.text.length;
    for (const span of openSpans) if (span.start < 0) span.start = map.text.length;
    map.nodes.push(node);
    map.starts.push(map.text.length);
    map.lengths.push(data.length);
    // One character for one character, so node offsets and text offsets stay in step.
    map.text += data.replace(LINE_BREAKS, ' ');
  };

  const enter = (element: Element) => {
    if (isBlockElement(element)) breakBlock();
    const name = element.localName;
    if (name === 'br') {
      if (blockStart >= 0) map.text += '\n';
      return;
    }
    if (name === 'a' && element.hasAttribute('href')) openSpans.push({ element, list: map.hints.links, start: -1 });
    if (name === 'blockquote' || name === 'q') openSpans.push({ element, list: map.hints.blockquotes, start: -1 });
  };

  const exit = (element: Element) => {
    while (openSpans.length > 0 && openSpans[openSpans.length - 1].element === element) {
      const span = openSpans.pop()!;
      if (span.start >= 0 && map.text.length > span.start) span.list.push({ start: span.start, end: map.text.length });
    }
    if (isBlockElement(element)) breakBlock();
  };

  let visited = 0;
  for (const root of roots) {
    breakBlock();
    if (root.nodeType === 3) {
      addText(root as Text);
      continue;
    }
    if (root.nodeType !== 1 && root.nodeType !== 11) continue;
    if (root.nodeType === 1) {
      if (isSkippedElement(root as Element, isHiddenByStyle)) continue;
      enter(root as Element);
    }
    let node: Node | null = root.firstChild;
    while (node) {
      let descend = false;
      if (node.nodeType === 3) {
        addText(node as Text);
      } else if (node.nodeType === 1) {
        const element = node as Element;
        if (!isSkippedElement(element, isHiddenByStyle)) {
          enter(element);
          if (element.firstChild) descend = true;
          else exit(element);
        }
      }
      if (++visited % NODES_PER_CHECK === 0) yield;
      if (descend) {
        node = node.firstChild;
        continue;
      }
      while (node && node !== root && !node.nextSibling) {
        node = node.parentNode;
        if (node && node !== root) exit(node as Element);
      }
      node = node && node !== root ? node.nextSibling : null;
    }
    if (root.nodeType === 1) exit(root as Element);
  }
  breakBlock();
}

function emptyMap(): TextMap {
  return { text: '', nodes: [], starts: [], lengths: [], hints: { blocks: [], links: [], blockquotes: [] } };
}

/**
 * A resumable text-map build over one or more roots (each root starts a new block), for
 * running in slices on large pages.
 */
export function createTextMapBuilder(
  roots: Node | readonly Node[],
  options: TextMapOptions = {},
): { step: (shouldYield: () => boolean) => boolean; result: () => TextMap } {
  const map = emptyMap();
  const step = stepFromGenerator(walk(Array.isArray(roots) ? roots : [roots as Node], map, options));
  return { step, result: () => map };
}

/** Builds the text map of `roots` in one go (tests, small regions). */
export function buildTextMap(roots: Node | readonly Node[], options: TextMapOptions = {}): TextMap {
  const builder = createTextMapBuilder(roots, options);
  while (!builder.step(() => false));
  return builder.result();
}

/** Index of the last node starting at or before `offset`, or -1. */
function lastNodeStartingAtOrBefore(map: TextMap, offset: number): number {
  let low = 0;
  let high = map.starts.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (map.starts[middle] <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * The DOM Range covering text offsets [start, end), or null when the span maps to no text or
 * its nodes have left the page. A start inside a block separator moves to the next node.
 */
export function rangeFromOffsets(map: TextMap, start: number, end: number): Range | null {
  if (end <= start || map.nodes.length === 0) return null;
  let startIndex = lastNodeStartingAtOrBefore(map, start);
  let startOffset: number;
  if (startIndex < 0 || start >= map.starts[startIndex] + map.lengths[startIndex]) {
    startIndex += 1;
    startOffset = 0;
  } else {
    startOffset = start - map.starts[startIndex];
  }
  const endIndex = lastNodeStartingAtOrBefore(map, end - 1);
  if (startIndex >= map.nodes.length || endIndex < startIndex) return null;
  const endOffset = Math.min(end - map.starts[endIndex], map.lengths[endIndex]);
  const startNode = map.nodes[startIndex];
  const endNode = map.nodes[endIndex];
  if (!startNode.isConnected || !endNode.isConnected) return null;
  const range = startNode.ownerDocument.createRange();
  // The page may have shortened a node since it was mapped; clamp rather than throw.
  range.setStart(startNode, Math.min(startOffset, startNode.length));
  range.setEnd(endNode, Math.min(endOffset, endNode.length));
  return range;
}

const nodeIndexes = new WeakMap<TextMap, Map<Text, number>>();

/** The text offset of a DOM position (a caret), or undefined when it lies outside the mapped text. */
export function offsetFromPosition(map: TextMap, node: Node, offset: number): number | undefined {
  let index = nodeIndexes.get(map);
  if (!index) {
    index = new Map(map.nodes.map((textNode, position) => [textNode, position]));
    nodeIndexes.set(map, index);
  }
  if (node.nodeType !== 3) {
    // A caret between elements: take the text node that starts right there, if any.
    const child = node.childNodes[offset];
    if (child && child.nodeType === 3) return offsetFromPosition(map, child, 0);
    return undefined;
  }
  const position = index.get(node as Text);
  if (position === undefined) return undefined;
  return map.starts[position] + Math.min(offset, map.lengths[position]);
}
