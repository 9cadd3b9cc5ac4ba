/**
 * Paints flags on the page. Where the browser has the CSS Custom Highlight API the page's
 * DOM is never touched: ranges go into named `Highlight`s styled with `::highlight()`.
 * Elsewhere whole text nodes are wrapped in `<unspun-mark>` (split at range ends, as
 * hypothesis' highlighter does) and removal restores the original nodes exactly.
 */
import type { FlagKind } from '../core/flag';

export type HighlightName = FlagKind | 'quoted' | 'focus';

/** Registered highlight names, in `CSS.highlights` and in the stylesheet. */
export const HIGHLIGHT_NAMES: Record<HighlightName, string> = {
  'loaded-term': 'unspun-loaded-term',
  'scare-quote': 'unspun-scare-quote',
  'vague-attribution': 'unspun-vague-attribution',
  'unsourced-assertion': 'unspun-unsourced-assertion',
  quoted: 'unspun-quoted',
  focus: 'unspun-focus',
};

/**
 * Later names paint over earlier ones: a loaded word stays visible inside a sentence-wide
 * unsourced-assertion highlight, and the open card's phrase is on top of everything.
 */
const PRIORITY: HighlightName[] = ['unsourced-assertion', 'quoted', 'vague-attribution', 'scare-quote', 'loaded-term', 'focus'];

/**
 * Colours are translucent so they tint whatever the page's own background is: the same
 * amber reads as pale yellow on white and as dark gold on black, with the page's text
 * colour (dark or light) on top. Each kind differs in hue *and* in decoration, so the
 * kinds stay apart for readers who do not tell the hues apart.
 */
const STYLES: Record<HighlightName, string> = {
  'loaded-term': 'background-color: rgba(245, 158, 11, 0.38);',
  'scare-quote':
    'background-color: rgba(139, 92, 246, 0.32); text-decoration: underline wavy rgba(124, 58, 237, 0.9); text-decoration-thickness: 1px;',
  'vague-attribution':
    'background-color: rgba(20, 184, 166, 0.24); text-decoration: underline solid rgba(13, 148, 136, 0.95); text-decoration-thickness: 2px;',
  'unsourced-assertion':
    'background-color: rgba(59, 130, 246, 0.09); text-decoration: underline dotted rgba(59, 130, 246, 0.85); text-decoration-thickness: 2px;',
  quoted: 'background-color: rgba(148, 163, 184, 0.22); text-decoration: underline dashed rgba(148, 163, 184, 0.9);',
  focus:
    'background-color: rgba(236, 72, 153, 0.36); text-decoration: underline solid rgba(219, 39, 119, 1); text-decoration-thickness: 2px;',
};

export interface HighlightItem {
  id: string;
  kind: FlagKind;
  quoted: boolean;
  range: Range;
}

export interface Highlighter {
  /** True when the CSS Custom Highlight API is in use (the page DOM is untouched). */
  readonly usesCustomHighlights: boolean;
  /** Paints more items; may be called several times (e.g. in slices, or for new paragraphs). */
  add(items: readonly HighlightItem[]): void;
  /** Marks one painted item as the one whose card is open, or none. */
  setFocus(id: string | null): void;
  /** Where an item is on screen now (empty when it is not painted or not rendered). */
  rectsOf(id: string): DOMRect[];
  /** A range around a painted item, for scrolling to it. */
  rangeOf(id: string): Range | undefined;
  /** Removes every highlight, restoring the page's DOM where it was changed. */
  clear(): void;
  /** `clear()` and remove the stylesheet and registered highlights. */
  destroy(): void;
}

export function highlightNameFor(item: Pick<HighlightItem, 'kind' | 'quoted'>): HighlightName {
  return item.quoted ? 'quoted' : item.kind;
}

/** The `<style>` with the highlight rules, added once per document. */
function injectStylesheet(doc: Document): HTMLStyleElement {
  const existing = doc.querySelector<HTMLStyleElement>('style[data-unspun-ui="highlights"]');
  if (existing) return existing;
  const style = doc.createElement('style');
  style.setAttribute('data-unspun-ui', 'highlights');
  const rules: string[] = [];
  for (const name of PRIORITY) {
    rules.push(`::highlight(${HIGHLIGHT_NAMES[name]}) { ${STYLES[name]} }`);
    rules.push(`unspun-mark[data-unspun-kind="${name}"] { ${STYLES[name]} color: inherit; }`);
  }
  rules.push(`unspun-mark[data-unspun-focus] { ${STYLES.focus} }`);
  // Built from constants above, never from page or pack text.
  style.textContent = rules.join('\n');
  (doc.head ?? doc.documentElement).append(style);
  return style;
}

interface HighlightRegistryLike {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}

interface CustomHighlightApi {
  registry: HighlightRegistryLike;
  Highlight: new () => { add(range: Range): void; clear(): void; priority: number };
}

function customHighlightApi(doc: Document): CustomHighlightApi | undefined {
  const view = doc.defaultView as unknown as {
    Highlight?: CustomHighlightApi['Highlight'];
    CSS?: { highlights?: HighlightRegistryLike };
  } | null;
  const css = view?.CSS;
  if (!view || !css?.highlights || typeof view.Highlight !== 'function') return undefined;
  return { registry: css.highlights, Highlight: view.Highlight };
}

/**
 * Creates the highlighter for `doc`. `forceFallback` exists for tests and for browsers whose
 * Highlight API is present but unusable from a content script.
 */
export function createHighlighter(doc: Document = document, forceFallback = false): Highlighter {
  const api = forceFallback ? undefined : customHighlightApi(doc);
  const style = injectStylesheet(doc);
  return api ? createCustomHighlighter(api, style) : createWrappingHighlighter(doc, style);
}

function createCustomHighlighter(api: CustomHighlightApi, style: HTMLStyleElement): Highlighter {
  const highlights = new Map<HighlightName, InstanceType<CustomHighlightApi['Highlight']>>();
  PRIORITY.forEach((name, priority) => {
    const highlight = new api.Highlight();
    highlight.priority = priority;
    highlights.set(name, highlight);
    api.registry.set(HIGHLIGHT_NAMES[name], highlight);
  });
  const ranges = new Map<string, Range>();
  return {
    usesCustomHighlights: true,
    add(items) {
      for (const item of items) {
        ranges.set(item.id, item.range);
        highlights.get(highlightNameFor(item))!.add(item.range);
      }
    },
    setFocus(id) {
      const focus = highlights.get('focus')!;
      focus.clear();
      const range = id ? ranges.get(id) : undefined;
      if (range) focus.add(range);
    },
    rectsOf(id) {
      const range = ranges.get(id);
      return range ? Array.from(range.getClientRects()) : [];
    },
    rangeOf(id) {
      return ranges.get(id);
    },
    clear() {
      for (const highlight of highlights.values()) highlight.clear();
      ranges.clear();
    },
    destroy() {
      this.clear();
      for (const name of PRIORITY) api.registry.delete(HIGHLIGHT_NAMES[name]);
      style.remove();
    },
  };
}

/** Parents where a wrapper around whitespace would be invalid markup (and could shift layout). */
const NO_WRAP_WHITESPACE_PARENTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'ul', 'ol', 'dl', 'select']);

interface Batch {
  /** Text nodes split to make range ends fall on node edges: undone by re-joining. */
  splits: Array<{ head: Text; tail: Text }>;
  /** Marks in the order they were inserted: undone in reverse. */
  marks: HTMLElement[];
}

function createWrappingHighlighter(doc: Document, style: HTMLStyleElement): Highlighter {
  const batches: Batch[] = [];
  const marksById = new Map<string, HTMLElement[]>();
  let focused: string | null = null;

  const textNodesIn = (range: Range): Text[] => {
    const root = range.commonAncestorContainer;
    if (root.nodeType === 3) return [root as Text];
    const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    const nodes: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (range.intersectsNode(node)) nodes.push(node as Text);
    }
    return nodes;
  };

  return {
    usesCustomHighlights: false,
    add(items) {
      const batch: Batch = { splits: [], marks: [] };
      // Phase 1: read every item as (text node, from, to) pieces before changing anything,
      // so nothing depends on how live ranges follow DOM edits.
      const segmentsPerItem = items.map(({ range }) =>
        textNodesIn(range)
          .map((node) => ({
            node,
            from: node === range.startContainer ? range.startOffset : 0,
            to: node === range.endContainer ? range.endOffset : node.length,
          }))
          .filter(
            ({ node, from, to }) =>
              to > from &&
              (node.data.trim() !== '' || !NO_WRAP_WHITESPACE_PARENTS.has(node.parentElement?.localName ?? '')),
          ),
      );
      // Phase 2: split each text node once at all the cut points any item needs. Splitting
      // from the highest offset down keeps the original node as the first piece.
      const cutsPerNode = new Map<Text, Set<number>>();
      for (const segments of segmentsPerItem) {
        for (const { node, from, to } of segments) {
          const cuts = cutsPerNode.get(node) ?? new Set<number>();
          if (from > 0) cuts.add(from);
          if (to < node.length) cuts.add(to);
          cutsPerNode.set(node, cuts);
        }
      }
      const piecesPerNode = new Map<Text, Array<{ start: number; piece: Text }>>();
      for (const [node, cutSet] of cutsPerNode) {
        const cuts = [...cutSet].sort((a, b) => b - a);
        const pieces: Array<{ start: number; piece: Text }> = [];
        for (const cut of cuts) {
          const tail = node.splitText(cut);
          batch.splits.push({ head: node, tail });
          pieces.unshift({ start: cut, piece: tail });
        }
        pieces.unshift({ start: 0, piece: node });
        piecesPerNode.set(node, pieces);
      }
      // Phase 3: wrap whole pieces. Overlapping items nest their marks, which the styles expect.
      items.forEach((item, index) => {
        const marks: HTMLElement[] = marksById.get(item.id) ?? [];
        for (const { node, from, to } of segmentsPerItem[index]) {
          for (const { start, piece } of piecesPerNode.get(node)!) {
            if (start < from || start >= to) continue;
            const mark = doc.createElement('unspun-mark');
            mark.setAttribute('data-unspun-kind', highlightNameFor(item));
            mark.setAttribute('data-unspun-flag', item.id);
            piece.parentNode!.insertBefore(mark, piece);
            mark.appendChild(piece);
            marks.push(mark);
            batch.marks.push(mark);
          }
        }
        marksById.set(item.id, marks);
      });
      batches.push(batch);
    },
    setFocus(id) {
      if (focused) for (const mark of marksById.get(focused) ?? []) mark.removeAttribute('data-unspun-focus');
      focused = id;
      if (id) for (const mark of marksById.get(id) ?? []) mark.setAttribute('data-unspun-focus', '');
    },
    rectsOf(id) {
      return (marksById.get(id) ?? []).flatMap((mark) => Array.from(mark.getClientRects()));
    },
    rangeOf(id) {
      const marks = marksById.get(id);
      if (!marks || marks.length === 0) return undefined;
      const range = doc.createRange();
      range.setStartBefore(marks[0]);
      range.setEndAfter(marks[marks.length - 1]);
      return range;
    },
    clear() {
      // Undo in exact reverse order: later batches may have nested marks inside earlier ones.
      for (let b = batches.length - 1; b >= 0; b--) {
        const batch = batches[b];
        for (let m = batch.marks.length - 1; m >= 0; m--) {
          const mark = batch.marks[m];
          const parent = mark.parentNode;
          if (!parent) continue;
          while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
          parent.removeChild(mark);
        }
        for (let s = batch.splits.length - 1; s >= 0; s--) {
          const { head, tail } = batch.splits[s];
          // Re-join only if the page left both halves where we put them.
          if (head.nextSibling === tail) {
            head.appendData(tail.data);
            tail.remove();
          }
        }
      }
      batches.length = 0;
      marksById.clear();
      focused = null;
    },
    destroy() {
      this.clear();
      style.remove();
    },
  };
}
