/**
 * Finds the article on a page: whether the page says it is one (JSON-LD or Open Graph), and
 * which element holds its body text. Unspun analyses articles by itself; other pages only
 * when the reader asks, and then the best root found here (or the whole body) is used.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';

export type ArticleRootMethod = 'semantic' | 'readability' | 'paragraphs' | 'body';

export interface ArticleRoot {
  root: Element;
  /** The page declares itself an article (JSON-LD Article/NewsArticle…, or og:type=article). */
  isArticle: boolean;
  /** How the root was found, for diagnostics and tests. */
  method: ArticleRootMethod;
}

/** schema.org types that mean "a piece of writing", including NewsArticle's subtypes. */
const ARTICLE_TYPES = /^(?:[A-Za-z]*NewsArticle|Article|BlogPosting|Report|OpinionNewsArticle)$/;

/** Paragraphs shorter than this are captions, bylines and buttons more often than prose. */
const MIN_PARAGRAPH_CHARACTERS = 40;

/** A semantic candidate with less paragraph text than this is a teaser, not the story. */
const MIN_ROOT_CHARACTERS = 500;

/**
 * Share of the paragraph text a child must hold for the root to move down into it. High
 * enough that a body split over two sibling containers keeps their common parent.
 */
const CONCENTRATION = 0.9;

/** Share of a page's prose that makes a short semantic container the story anyway. */
const MAJORITY = 0.6;

const ARTICLE_BODY_SELECTOR = '[itemprop="articleBody"], [property="articleBody"]';
const CANDIDATE_SELECTOR = `article, main, [role="main"], ${ARTICLE_BODY_SELECTOR}`;

function typesOf(node: unknown, found: string[], depth = 0): void {
  if (depth > 6 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) typesOf(item, found, depth + 1);
    return;
  }
  const record = node as Record<string, unknown>;
  const type = record['@type'];
  if (typeof type === 'string') found.push(type);
  else if (Array.isArray(type)) for (const item of type) if (typeof item === 'string') found.push(item);
  if (record['@graph']) typesOf(record['@graph'], found, depth + 1);
  if (record.mainEntity) typesOf(record.mainEntity, found, depth + 1);
}

/** Whether the page's own metadata says it is an article. */
export function declaresArticle(doc: Document): boolean {
  const ogType = doc.querySelector('meta[property="og:type"], meta[name="og:type"]')?.getAttribute('content');
  if (ogType && ogType.trim().toLowerCase() === 'article') return true;
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const types: string[] = [];
    try {
      typesOf(JSON.parse(script.textContent ?? ''), types);
    } catch {
      // Broken JSON-LD is common on real pages; it simply says nothing.
      continue;
    }
    if (types.some((type) => ARTICLE_TYPES.test(type.replace(/^https?:\/\/schema\.org\//, '')))) return true;
  }
  return false;
}

function normalizedText(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Paragraph elements with prose-length text, and that text's length. */
function proseParagraphs(container: Element): Array<{ element: Element; length: number }> {
  const paragraphs: Array<{ element: Element; length: number }> = [];
  for (const element of container.querySelectorAll('p')) {
    const length = normalizedText(element).length;
    if (length >= MIN_PARAGRAPH_CHARACTERS) paragraphs.push({ element, length });
  }
  return paragraphs;
}

/**
 * Moves from `top` down to the deepest element that still holds most of the given
 * paragraphs' text: strips page furniture (share bars, related links, comments) around the
 * story without needing site-specific selectors.
 */
function concentrate(top: Element, paragraphs: ReadonlyArray<{ element: Element; length: number }>): Element {
  const weights = new Map<Element, number>();
  let total = 0;
  for (const { element, length } of paragraphs) {
    if (!top.contains(element)) continue;
    total += length;
    for (let node: Element | null = element; node && node !== top; node = node.parentElement) {
      weights.set(node, (weights.get(node) ?? 0) + length);
    }
  }
  if (total === 0) return top;
  let current = top;
  for (;;) {
    let next: Element | undefined;
    for (const child of current.children) {
      if ((weights.get(child) ?? 0) >= CONCENTRATION * total) {
        next = child;
        break;
      }
    }
    // Never descend into a single paragraph: the root is the body, not its longest line.
    if (!next || next.localName === 'p') return current;
    current = next;
  }
}

/**
 * The semantic candidate with the most paragraph text. An explicit schema.org articleBody
 * wins over <article>/<main> when it holds a story's worth of text: those containers often
 * carry galleries and teasers with paragraphs of their own.
 */
function semanticRoot(doc: Document): Element | undefined {
  // A short story (a brief, a fresh live blog) is still the story when its container holds
  // most of the prose on the page.
  const pageProse = doc.body ? proseParagraphs(doc.body).reduce((sum, paragraph) => sum + paragraph.length, 0) : 0;
  const minimum = Math.min(MIN_ROOT_CHARACTERS, Math.max(MIN_PARAGRAPH_CHARACTERS, MAJORITY * pageProse));
  const declared = bestCandidate(doc.querySelectorAll(ARTICLE_BODY_SELECTOR), minimum);
  if (declared) return declared;
  return bestCandidate(doc.querySelectorAll(CANDIDATE_SELECTOR), minimum);
}

function bestCandidate(candidates: Iterable<Element>, minimum: number): Element | undefined {
  let best: Element | undefined;
  let bestScore = 0;
  const scores = new Map<Element, number>();
  for (const candidate of candidates) {
    const score = proseParagraphs(candidate).reduce((sum, paragraph) => sum + paragraph.length, 0);
    scores.set(candidate, score);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  if (!best || bestScore < minimum) return undefined;
  // Prefer the most specific candidate that still holds nearly all the text: an
  // articleBody inside an <article> inside <main>.
  let chosen = best;
  for (const [candidate, score] of scores) {
    if (candidate !== chosen && chosen.contains(candidate) && score >= CONCENTRATION * bestScore) chosen = candidate;
  }
  return concentrate(chosen, proseParagraphs(chosen));
}

/**
 * Readability's own extraction, mapped back onto the live page: it works on a clone, so its
 * paragraphs are matched to live ones by their text.
 */
function readabilityRoot(doc: Document): Element | undefined {
  if (!isProbablyReaderable(doc)) return undefined;
  let content: Node | null | undefined;
  try {
    content = new Readability(doc.cloneNode(true) as Document, { serializer: (node) => node }).parse()?.content;
  } catch {
    return undefined;
  }
  if (!content || content.nodeType !== 1) return undefined;
  const extractedKeys = new Set<string>();
  for (const paragraph of proseParagraphs(content as Element)) {
    extractedKeys.add(normalizedText(paragraph.element).slice(0, 80));
  }
  if (extractedKeys.size === 0 || !doc.body) return undefined;
  // Readability turns text-only <div>s and <br>-separated text into <p>s in its copy, so on
  // the live page look at every leaf text container, not only real paragraphs.
  const matched: Array<{ element: Element; length: number }> = [];
  for (const element of doc.body.querySelectorAll('p, div, td, pre')) {
    if (element.localName !== 'p' && element.querySelector('p, div')) continue;
    const text = normalizedText(element);
    if (text.length >= MIN_PARAGRAPH_CHARACTERS && extractedKeys.has(text.slice(0, 80))) {
      matched.push({ element, length: text.length });
    }
  }
  if (matched.length === 0) return undefined;
  return concentrate(doc.body, matched);
}

/**
 * Finds the article body: semantic candidates scored by paragraph text first, then the
 * element holding most of the page's paragraphs, then Readability (only when the page looks
 * readerable: it parses a full clone in one go, far too long a task to run first on a big
 * page), and finally the body.
 */
export function findArticleRoot(doc: Document = document): ArticleRoot {
  const isArticle = declaresArticle(doc);
  const semantic = semanticRoot(doc);
  if (semantic) return { root: semantic, isArticle, method: 'semantic' };
  const body = doc.body ?? doc.documentElement;
  const paragraphs = proseParagraphs(body);
  const total = paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0);
  if (total >= MIN_ROOT_CHARACTERS) {
    const root = concentrate(body, paragraphs);
    // A root that is still the whole body found no story container; Readability may.
    if (root !== body) return { root, isArticle, method: 'paragraphs' };
  }
  const readable = readabilityRoot(doc);
  if (readable) return { root: readable, isArticle, method: 'readability' };
  return { root: body, isArticle, method: total >= MIN_ROOT_CHARACTERS ? 'paragraphs' : 'body' };
}
