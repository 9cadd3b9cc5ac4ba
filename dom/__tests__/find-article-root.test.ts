// @vitest-environment jsdom
/**
 * Article detection on the real pages of the shared corpus, compared with the body Mozilla
 * Readability extracts from each (`expected.html`). Coverage is the share of the expected
 * words inside the detected root; extra is the share of the root's words that are not in
 * the expected body (navigation, captions, related links…).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDirectoryPath } from '../../scripts/shared-directory';
import { declaresArticle, findArticleRoot } from '../find-article-root';
import { buildTextMap } from '../text-map';

const CORPUS = path.join(sharedDirectoryPath(), 'corpus/pages');
const corpusPresent = existsSync(CORPUS);
if (!corpusPresent && process.env.CI === 'true') {
  throw new Error(`The shared corpus is missing at ${CORPUS}; CI must have it.`);
}
if (!corpusPresent) console.warn(`Skipping article detection on the corpus: ${CORPUS} is absent.`);

const NEWS = [
  'bbc-1', 'citylab-1', 'cnn', 'guardian-1', 'nytimes-1', 'nytimes-2', 'wapo-1', 'telegraph', 'seattletimes-1',
  'yahoo-1', 'msn', 'medicalnewstoday', 'lemonde-1', 'folha', 'heise',
];

function words(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

function overlap(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  for (const [word, count] of a) shared += Math.min(count, b.get(word) ?? 0);
  return shared;
}

function total(counts: Map<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

interface Row {
  page: string;
  method: string;
  isArticle: boolean;
  coverage: number;
  extra: number;
}

const rows: Row[] = [];
const pages = corpusPresent ? readdirSync(CORPUS).sort() : [];

describe.skipIf(!corpusPresent)('article detection on the shared corpus', () => {
  it.each(pages)('finds the article body of %s', (page) => {
    const doc = parse(readFileSync(path.join(CORPUS, page, 'source.html'), 'utf8'));
    const expectedDoc = parse(readFileSync(path.join(CORPUS, page, 'expected.html'), 'utf8'));
    const { root, isArticle, method } = findArticleRoot(doc);
    // jsdom recomputes the whole cascade per getComputedStyle call; attribute checks suffice here.
    const rootText = buildTextMap(root, { isHiddenByStyle: () => false }).text;
    const expected = words(expectedDoc.body.textContent ?? '');
    const found = words(rootText);
    const shared = overlap(expected, found);
    const row: Row = {
      page,
      method,
      isArticle,
      coverage: shared / Math.max(1, total(expected)),
      extra: 1 - shared / Math.max(1, total(found)),
    };
    rows.push(row);
    if (NEWS.includes(page)) {
      expect(row.coverage, `${page}: share of the expected body inside the detected root`).toBeGreaterThanOrEqual(0.9);
      expect(row.extra, `${page}: share of the root that is not article text`).toBeLessThanOrEqual(0.25);
    }
  }, 30_000);

  it('prints the coverage table', () => {
    const lines = rows.map(
      (row) =>
        `${row.page.padEnd(18)} ${row.method.padEnd(12)} ${String(row.isArticle).padEnd(6)} ${(row.coverage * 100).toFixed(1).padStart(6)}% ${(row.extra * 100).toFixed(1).padStart(6)}%`,
    );
    console.log(['page               method       article coverage  extra', ...lines].join('\n'));
    const news = rows.filter((row) => NEWS.includes(row.page));
    const meanCoverage = news.reduce((sum, row) => sum + row.coverage, 0) / Math.max(1, news.length);
    expect(meanCoverage).toBeGreaterThanOrEqual(0.95);
  });

  it('recognises declared news articles from their metadata', () => {
    for (const page of ['bbc-1', 'guardian-1', 'telegraph', 'folha', 'nytimes-1']) {
      const doc = parse(readFileSync(path.join(CORPUS, page, 'source.html'), 'utf8'));
      expect(declaresArticle(doc), page).toBe(true);
    }
    for (const page of ['wikipedia', 'mozilla-1', 'lwn-1']) {
      const doc = parse(readFileSync(path.join(CORPUS, page, 'source.html'), 'utf8'));
      expect(declaresArticle(doc), page).toBe(false);
    }
  }, 60_000);
});

describe('article metadata', () => {
  it('treats JSON-LD NewsArticle inside @graph as an article', () => {
    const doc = parse(
      '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle"}]}</script><p>x</p>',
    );
    expect(declaresArticle(doc)).toBe(true);
  });

  it('ignores broken JSON-LD and a website og:type', () => {
    const doc = parse('<meta property="og:type" content="website"><script type="application/ld+json">{oops</script>');
    expect(declaresArticle(doc)).toBe(false);
  });

  it('picks the story inside <main> rather than the whole main column', () => {
    const paragraph = 'This is a paragraph of the story with enough words to count as prose on a page. ';
    const doc = parse(`<body><main><nav><p>${paragraph}</p></nav><article id="story">${`<p>${paragraph.repeat(3)}</p>`.repeat(8)}</article></main></body>`);
    expect(findArticleRoot(doc).root.id).toBe('story');
  });

  it('falls back to Readability for a story written as <br>-separated text in plain <div>s', () => {
    const sentence = 'The harbour board met again on Tuesday to discuss the dredging schedule for the spring. ';
    const story = Array.from({ length: 12 }, () => sentence.repeat(3)).join('<br><br>');
    const doc = parse(
      `<body><div class="nav"><a href="/">Home</a> <a href="/news">News</a></div>` +
        `<div class="wrap"><div id="story" class="entry-content">${story}</div><div class="sidebar"><a href="/x">More stories</a></div></div>` +
        `<div class="footer">Copyright</div></body>`,
    );
    const { root, method } = findArticleRoot(doc);
    expect(method).toBe('readability');
    expect(root.id).toBe('story');
  });
});
