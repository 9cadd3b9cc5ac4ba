// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildTextMap, createTextMapBuilder, offsetFromPosition, rangeFromOffsets } from '../text-map';

function fixture(html: string): HTMLElement {
  const root = document.createElement('div');
  // Test fixtures only: constant markup written in this file.
  root.innerHTML = html;
  document.body.replaceChildren(root);
  return root;
}

describe('text map', () => {
  it('separates paragraphs into blocks so no sentence can run across them', () => {
    const root = fixture('<p>First paragraph</p><p>Second <b>one</b></p>');
    const map = buildTextMap(root);
    expect(map.text).toBe('First paragraph\n\nSecond one');
    expect(map.hints.blocks.map((span) => map.text.slice(span.start, span.end))).toEqual(['First paragraph', 'Second one']);
  });

  it('keeps inline elements inside one sentence', () => {
    const root = fixture('<p>The <a href="/x">mayor</a> <em>slammed</em> critics.</p>');
    expect(buildTextMap(root).text).toBe('The mayor slammed critics.');
  });

  it('leaves out scripts, styles, form fields, editable, hidden and aria-hidden parts and its own UI', () => {
    const root = fixture(
      '<p>Kept<script>var x = 1;</script><style>p{}</style><noscript>no js</noscript></p>' +
        '<textarea>typed</textarea><input value="field"><div contenteditable="true">draft</div>' +
        '<p hidden>hidden</p><p aria-hidden="true">aria</p><p style="display: none">none</p>' +
        '<unspun-card>card text</unspun-card><template><p>template</p></template><p>Also kept</p>',
    );
    expect(buildTextMap(root).text).toBe('Kept\n\nAlso kept');
  });

  it('turns newlines inside a paragraph into spaces without changing any offset', () => {
    const root = fixture('<p>One\nline\tonly</p>');
    const map = buildTextMap(root);
    expect(map.text).toBe('One line only');
    expect(map.text.length).toBe(root.textContent!.length);
  });

  it('reports links and quotations as hints', () => {
    const root = fixture('<p>As <a href="https://example.org">the report</a> said.</p><blockquote><p>Quoted words</p></blockquote><p>A <q>short one</q>.</p>');
    const map = buildTextMap(root);
    expect(map.hints.links.map((span) => map.text.slice(span.start, span.end))).toEqual(['the report']);
    expect(map.hints.blockquotes.map((span) => map.text.slice(span.start, span.end))).toEqual(['Quoted words', 'short one']);
  });

  it('does not count an anchor without href as a link', () => {
    const root = fixture('<p><a name="top">Top</a> of page</p>');
    expect(buildTextMap(root).hints.links).toEqual([]);
  });

  it('turns offsets into a Range over the same characters, across element boundaries', () => {
    const root = fixture('<p>The <b>radical</b> plan</p><p>was <i>clearly</i> a <a href="#">disaster</a>.</p>');
    const map = buildTextMap(root);
    for (const phrase of ['radical', 'The radical plan', 'clearly a disaster', 'plan', 'al plan', 'ly a disast']) {
      const start = map.text.indexOf(phrase);
      const range = rangeFromOffsets(map, start, start + phrase.length)!;
      expect(range.toString()).toBe(phrase);
    }
  });

  it('maps a caret position back to the offset it came from', () => {
    const root = fixture('<p>Alpha <b>beta</b></p><p>gamma</p>');
    const map = buildTextMap(root);
    const start = map.text.indexOf('gamma') + 2;
    const range = rangeFromOffsets(map, start, start + 1)!;
    expect(offsetFromPosition(map, range.startContainer, range.startOffset)).toBe(start);
    expect(offsetFromPosition(map, document.body, 0)).toBeUndefined();
  });

  it('starts a range that begins in a block separator at the next paragraph', () => {
    const root = fixture('<p>One</p><p>Two</p>');
    const map = buildTextMap(root);
    expect(rangeFromOffsets(map, 3, 8)!.toString()).toBe('Two');
  });

  it('gives no range for text whose nodes left the page', () => {
    const root = fixture('<p>Gone soon</p>');
    const map = buildTextMap(root);
    root.remove();
    expect(rangeFromOffsets(map, 0, 4)).toBeNull();
  });

  it('builds the same map in small slices as in one go', () => {
    const root = fixture(Array.from({ length: 300 }, (_, i) => `<p>Paragraph <b>${i}</b> text.</p>`).join(''));
    const whole = buildTextMap(root);
    const builder = createTextMapBuilder(root);
    let slices = 0;
    while (!builder.step(() => true)) slices++;
    expect(slices).toBeGreaterThan(5);
    expect(builder.result().text).toBe(whole.text);
    expect(builder.result().hints).toEqual(whole.hints);
  });

  it('maps several roots as separate blocks', () => {
    fixture('<p id="a">New paragraph</p><p id="b">Another one</p>');
    const map = buildTextMap([document.getElementById('a')!, document.getElementById('b')!]);
    expect(map.text).toBe('New paragraph\n\nAnother one');
  });
});
