/**
 * The texts every engine contestant reads: the PTC dev articles, the article bodies of the
 * real-page corpus, and a generated ~10 MB text for scale. All of it comes from
 * /work/shared (never copied into the repo), so a missing shared folder is a hard error.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';

export interface BenchText {
  name: string;
  text: string;
}

export interface Workload {
  /** Short id used in the table and the JSON. */
  id: string;
  description: string;
  texts: BenchText[];
  /** UTF-8 size of all texts, the unit behind every MB/s figure (1 MB = 10^6 bytes). */
  bytes: number;
}

export class SharedDataMissingError extends Error {}

/** Elements after which the extracted text gets a paragraph break, as a reader would see it. */
const BLOCK_ELEMENTS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'BLOCKQUOTE', 'FIGCAPTION', 'FIGURE', 'TABLE', 'TR', 'TD', 'TH', 'PRE', 'DD', 'DT', 'BR', 'HR',
]);
const SKIPPED_ELEMENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Plain text of an HTML fragment: whitespace inside a paragraph collapsed (the source is
 * indented markup), paragraphs separated by a blank line so sentences do not run together.
 */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        parts.push(child.nodeValue ?? '');
      } else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toUpperCase();
        if (SKIPPED_ELEMENTS.has(tag)) continue;
        walk(child);
        if (BLOCK_ELEMENTS.has(tag)) parts.push('\n\n');
      }
    }
  };
  walk(document.body);
  return parts
    .join('')
    .split(/\n\n+/)
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter((block) => block.length > 0)
    .join('\n\n');
}

export function utf8Bytes(texts: readonly BenchText[]): number {
  let bytes = 0;
  for (const { text } of texts) bytes += Buffer.byteLength(text, 'utf8');
  return bytes;
}

function workload(id: string, description: string, texts: BenchText[]): Workload {
  return { id, description, texts, bytes: utf8Bytes(texts) };
}

/** Throws SharedDataMissingError with the missing path: the benchmark means nothing without these texts. */
export function loadSharedWorkloads(sharedDir: string): { ptc: Workload; corpus: Workload } {
  const articlesDir = join(sharedDir, 'eval', 'ptc-dev', 'articles');
  const pagesDir = join(sharedDir, 'corpus', 'pages');
  for (const dir of [articlesDir, pagesDir]) {
    if (!existsSync(dir)) throw new SharedDataMissingError(`${dir} is missing`);
  }
  const articles = readdirSync(articlesDir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => ({ name: file, text: readFileSync(join(articlesDir, file), 'utf8') }));
  const pages = readdirSync(pagesDir)
    .sort()
    .filter((page) => existsSync(join(pagesDir, page, 'expected.html')))
    .map((page) => ({ name: page, text: htmlToText(readFileSync(join(pagesDir, page, 'expected.html'), 'utf8')) }));
  if (articles.length === 0) throw new SharedDataMissingError(`${articlesDir} holds no .txt articles`);
  if (pages.length === 0) throw new SharedDataMissingError(`${pagesDir} holds no */expected.html`);
  return {
    ptc: workload('ptc-dev', `${articles.length} PTC dev articles`, articles),
    corpus: workload('corpus', `${pages.length} corpus article bodies (expected.html)`, pages),
  };
}

/** Small fast PRNG (mulberry32): the generated text must be the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  for (const block of text.split(/\n+/)) {
    for (const sentence of block.split(/(?<=[.!?]["'”’)]?)\s+(?=["'“‘(]?\p{Lu})/u)) {
      const trimmed = sentence.trim();
      if (trimmed.length > 0) sentences.push(trimmed);
    }
  }
  return sentences;
}

/**
 * A text of at least `targetBytes` UTF-8 bytes built from the sentences of `sources`,
 * shuffled with a fixed seed and grouped into paragraphs of 2–7 sentences, so it reads like
 * a (very long) article rather than one endless line.
 */
export function generateText(sources: readonly BenchText[], targetBytes: number, seed = 7): string {
  const pool = sources.flatMap(({ text }) => sentencesOf(text));
  const random = seededRandom(seed);
  const paragraphs: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const count = 2 + Math.floor(random() * 6);
    const paragraph: string[] = [];
    for (let index = 0; index < count; index++) paragraph.push(pool[Math.floor(random() * pool.length)]!);
    const joined = paragraph.join(' ');
    paragraphs.push(joined);
    bytes += Buffer.byteLength(joined, 'utf8') + 2;
  }
  return paragraphs.join('\n\n');
}
