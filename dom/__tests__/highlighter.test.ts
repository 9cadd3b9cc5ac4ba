// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createHighlighter, HIGHLIGHT_NAMES } from '../highlighter';
import { buildTextMap, rangeFromOffsets } from '../text-map';

const ARTICLE =
  '<p>The <b>radical</b> plan was <i>clearly</i> a disaster, critics said.</p>' +
  '<ul>\n  <li>One <a href="#">so-called "reform"</a></li>\n  <li>Two</li>\n</ul><p>Some say it works.</p>';

function setup() {
  const root = document.createElement('article');
  // Test fixture: constant markup from this file.
  root.innerHTML = ARTICLE;
  document.body.replaceChildren(root);
  const map = buildTextMap(root);
  const at = (phrase: string) => {
    const start = map.text.indexOf(phrase);
    return rangeFromOffsets(map, start, start + phrase.length)!;
  };
  return { root, at };
}

describe('highlighter without the CSS Custom Highlight API (wrapping fallback)', () => {
  it('restores the exact original DOM after highlighting overlapping phrases', () => {
    const { root, at } = setup();
    const before = root.innerHTML;
    const firstParagraphText = root.querySelector('p')!.firstChild;
    const highlighter = createHighlighter(document, true);
    expect(highlighter.usesCustomHighlights).toBe(false);
    highlighter.add([
      { id: 'sentence', kind: 'unsourced-assertion', quoted: false, range: at('The radical plan was clearly a disaster') },
      { id: 'radical', kind: 'loaded-term', quoted: false, range: at('radical') },
      { id: 'clearly', kind: 'loaded-term', quoted: false, range: at('ly a dis') },
      { id: 'reform', kind: 'scare-quote', quoted: false, range: at('"reform"\n\nTwo') },
    ]);
    highlighter.add([{ id: 'some', kind: 'vague-attribution', quoted: true, range: at('Some say') }]);
    expect(root.innerHTML).not.toBe(before);
    expect(root.querySelectorAll('unspun-mark').length).toBeGreaterThan(4);
    highlighter.clear();
    expect(root.innerHTML).toBe(before);
    expect(root.querySelectorAll('unspun-mark').length).toBe(0);
    // The original text node object is back in place, not merely equal markup.
    expect(root.querySelector('p')!.firstChild).toBe(firstParagraphText);
    expect(root.querySelector('p')!.childNodes.length).toBe(5);
  });

  it('wraps exactly the flagged characters', () => {
    const { root, at } = setup();
    const highlighter = createHighlighter(document, true);
    highlighter.add([{ id: 'dis', kind: 'loaded-term', quoted: false, range: at('a disaster') }]);
    const marks = [...root.querySelectorAll('unspun-mark')];
    expect(marks.map((mark) => mark.textContent).join('')).toBe('a disaster');
    expect(marks[0].getAttribute('data-unspun-kind')).toBe('loaded-term');
    highlighter.clear();
  });

  it('marks quoted material with the lighter quoted style', () => {
    const { root, at } = setup();
    const highlighter = createHighlighter(document, true);
    highlighter.add([{ id: 'q', kind: 'loaded-term', quoted: true, range: at('plan') }]);
    expect(root.querySelector('unspun-mark')!.getAttribute('data-unspun-kind')).toBe('quoted');
    highlighter.setFocus('q');
    expect(root.querySelector('unspun-mark')!.hasAttribute('data-unspun-focus')).toBe(true);
    highlighter.setFocus(null);
    expect(root.querySelector('unspun-mark')!.hasAttribute('data-unspun-focus')).toBe(false);
    highlighter.clear();
  });

  it('gives a range around a painted flag and none for unknown ids', () => {
    const { at } = setup();
    const highlighter = createHighlighter(document, true);
    highlighter.add([{ id: 'r', kind: 'loaded-term', quoted: false, range: at('radical plan') }]);
    expect(highlighter.rangeOf('r')!.toString()).toBe('radical plan');
    expect(highlighter.rangeOf('nope')).toBeUndefined();
    highlighter.clear();
  });

  it('injects its stylesheet once with a rule per highlight name, and removes it on destroy', () => {
    setup();
    const first = createHighlighter(document, true);
    createHighlighter(document, true);
    const styles = document.querySelectorAll('style[data-unspun-ui="highlights"]');
    expect(styles.length).toBe(1);
    for (const name of Object.values(HIGHLIGHT_NAMES)) expect(styles[0].textContent).toContain(`::highlight(${name})`);
    first.destroy();
    expect(document.querySelectorAll('style[data-unspun-ui="highlights"]').length).toBe(0);
  });
});

describe('highlighter with the CSS Custom Highlight API', () => {
  it('registers ranges without touching the page DOM', () => {
    const { root, at } = setup();
    const registry = new Map<string, { ranges: Set<Range>; priority: number }>();
    class FakeHighlight {
      ranges = new Set<Range>();
      priority = 0;
      add(range: Range) {
        this.ranges.add(range);
      }
      clear() {
        this.ranges.clear();
      }
    }
    // happy-dom has no Highlight API; this stands in for the browser's registry.
    const originalCss = Object.getOwnPropertyDescriptor(window, 'CSS');
    Object.assign(window, { Highlight: FakeHighlight });
    Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
    try {
      const before = root.innerHTML;
      const highlighter = createHighlighter(document);
      expect(highlighter.usesCustomHighlights).toBe(true);
      const range = at('radical');
      highlighter.add([{ id: 'r', kind: 'loaded-term', quoted: false, range }]);
      expect(root.innerHTML).toBe(before);
      expect(registry.get('unspun-loaded-term')!.ranges.has(range)).toBe(true);
      highlighter.setFocus('r');
      expect(registry.get('unspun-focus')!.ranges.has(range)).toBe(true);
      expect(registry.get('unspun-focus')!.priority).toBeGreaterThan(registry.get('unspun-loaded-term')!.priority);
      highlighter.destroy();
      expect(registry.size).toBe(0);
    } finally {
      delete (window as unknown as Record<string, unknown>).Highlight;
      if (originalCss) Object.defineProperty(window, 'CSS', originalCss);
      else delete (window as unknown as Record<string, unknown>).CSS;
    }
  });
});
