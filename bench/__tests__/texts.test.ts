import { describe, expect, it } from 'vitest';
import { generateText, htmlToText } from '../texts';

describe('htmlToText', () => {
  it('keeps paragraphs apart, collapses indentation and drops scripts', () => {
    const html = `<div>
        <p>  First   paragraph,
           indented.</p><p>Second <a href="#">link</a> here.</p><script>var x = 1;</script></div>`;
    expect(htmlToText(html)).toBe('First paragraph, indented.\n\nSecond link here.');
  });
});

describe('generateText', () => {
  it('builds the same text from the same sources every time, at least as large as asked', () => {
    const sources = [{ name: 'a', text: 'One sentence here. Another one follows! A third? Yes.' }];
    const first = generateText(sources, 5_000);
    expect(first).toBe(generateText(sources, 5_000));
    expect(Buffer.byteLength(first)).toBeGreaterThanOrEqual(5_000);
    expect(first).toContain('\n\n');
  });
});
