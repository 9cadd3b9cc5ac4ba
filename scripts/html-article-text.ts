/**
 * HTML file → article text + structure hints, through the same DOM layer the content script
 * uses (article-root detection and text mapping), on a linkedom document instead of a page.
 */
import { parseHTML } from 'linkedom';
import type { StructureHints } from '../core';
import { findArticleRoot } from '../dom/find-article-root';
import { buildTextMap } from '../dom/text-map';

/** Without a layout engine only inline styles and the `hidden` attribute can hide an element. */
function isHiddenByInlineStyle(element: Element): boolean {
  const style = element.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

export function extractArticleText(html: string): { text: string; hints: StructureHints; isArticle: boolean } {
  const { document } = parseHTML(html);
  const { root, isArticle } = findArticleRoot(document as unknown as Document);
  const map = buildTextMap(root, { isHiddenByStyle: isHiddenByInlineStyle });
  return { text: map.text, hints: map.hints, isArticle };
}
