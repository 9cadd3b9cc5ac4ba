/**
 * One page's life with Unspun: find the article, map its text in slices, have the background
 * analyse it, paint the flags, open the card on click, follow later paragraphs and settings
 * changes, answer the popup and the keyboard commands, and stop everything when the extension goes away.
 *
 * Flags from every analysed region carry offsets into one running "page text": each region
 * gets a base offset, so flag ids (`start:end:pack/rule`) stay unique across regions.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Flag, StructureHints } from '../core/flag';
import type { CardOverlay } from '../components/card/card-overlay';
import type { AnalysisReply, RuleDetails } from '../utils/analysis-service';
import type { BackgroundRequest, ContentRequest, FlagSummary, PageReport } from '../utils/messages';
import { parseContentRequest } from '../utils/parse-content-request';
import { prepareAnalysis, requestAnalysis, requestRuleDetails } from '../utils/request-analysis';
import type { Settings } from '../utils/settings';
import {
  importedPacksItem,
  isSiteEnabled,
  readStoredSettings,
  settingsFrom,
  settingsItem,
  updateStoredSettings,
} from '../utils/settings-store';
/*
 * Only types come from modules built on zod (messages, the settings and pack schemas) and from
 * the analysis core: the content script runs on every page, and the background analyses.
 */

import { declaresArticle, findArticleRoot, type ArticleRoot } from './find-article-root';
import { createHighlighter, type Highlighter, type HighlightItem } from './highlighter';
import { CancelledError, runInSlices, whenHeadParsed, whenParsed, yieldToPage } from './schedule';
import {
  createTextMapBuilder,
  isBlockElement,
  isOwnUiElement,
  offsetFromPosition,
  rangeFromOffsets,
  type TextMap,
} from './text-map';

/** Quiet time after the last page mutation before new text is analysed. */
const MUTATION_DEBOUNCE_MS = 400;
/** A page that never stops changing (a ticking clock) still gets its new text analysed this often. */
const MUTATION_MAX_WAIT_MS = 2000;
/** Time for a single-page app to render its new view after the URL changes. */
const NAVIGATION_SETTLE_MS = 600;
/** Flags painted per slice; adding ranges is cheap but a wall of thousands is not. */
const PAINT_CHUNK = 250;
/** Before asking again a background that did not answer (it may have been starting or restarting). */
const ANALYSIS_RETRY_MS = 500;

interface Segment {
  map: TextMap;
  /** Offset of this segment's text in the page text. */
  base: number;
  flags: Flag[];
  words: number;
  /** Sentences the analysis found attributed to a source; the popup weighs them against unsourced claims. */
  attributedSentences: number;
}

interface PaintedFlag {
  flag: Flag;
  segment: Segment;
}

export interface PageSessionOptions {
  ctx: ContentScriptContext;
  createCardOverlay: (ctx: ContentScriptContext) => Promise<CardOverlay>;
  /** Who analyses the page's text with the packs the reader left on: the background, unless a test does. */
  analyze?: (disabledPacks: readonly string[], text: string, hints: StructureHints) => Promise<AnalysisReply>;
  /** Lets the analyser prepare for a page that will soon want analysing: the background compiles its packs. */
  prepareAnalysis?: (disabledPacks: readonly string[]) => Promise<void>;
  /** Where the card's text about a rule comes from: the background, unless a test provides it. */
  loadRuleDetails?: (packId: string, ruleId: string) => Promise<RuleDetails | null>;
  doc?: Document;
}

/** The key of a flag's rule in `ruleDetails`. */
function ruleKeyOf(flag: Flag): string {
  return `${flag.packId}/${flag.ruleId}`;
}

function shiftFlag(flag: Flag, base: number): Flag {
  const start = flag.start + base;
  const end = flag.end + base;
  return {
    ...flag,
    id: `${start}:${end}:${flag.packId}/${flag.ruleId}`,
    start,
    end,
    sentenceStart: flag.sentenceStart + base,
    sentenceEnd: flag.sentenceEnd + base,
    ...(flag.trigger ? { trigger: { ...flag.trigger, start: flag.trigger.start + base, end: flag.trigger.end + base } } : {}),
  };
}

export class PageSession {
  private readonly ctx: ContentScriptContext;
  private readonly doc: Document;
  private readonly makeCardOverlay: PageSessionOptions['createCardOverlay'];
  private settings!: Settings;
  private readonly analyzeText: NonNullable<PageSessionOptions['analyze']>;
  private readonly prepareAnalysis: NonNullable<PageSessionOptions['prepareAnalysis']>;
  private readonly loadRuleDetails: (packId: string, ruleId: string) => Promise<RuleDetails | null>;
  /** Which rules (see `rulesKey`) the current flags were found with; undefined before the first analysis. */
  private analyzedWith: string | undefined;
  /** Bumped when the reader's imported packs change: the same switched-off packs then mean other rules. */
  private importsVersion = 0;
  /** What the card says about each rule shown so far, asked of the background once per rule. */
  private ruleDetails = new Map<string, RuleDetails | null>();
  private article!: ArticleRoot;
  /** Created when the page's head declares an article, or with the first paint: pages never analysed get not even a stylesheet from us. */
  private painter: Highlighter | undefined;
  private card: CardOverlay | undefined;
  private cardLoading: Promise<CardOverlay> | undefined;

  /** Whether `article.root` came from a search, or is the body placeholder of a non-article page. */
  private rootSearched = false;
  /** The reader asked for analysis (popup) on a page that is not an article. */
  private requested = false;
  private analyzed = false;
  private segments: Segment[] = [];
  private nextBase = 0;
  private painted: PaintedFlag[] = [];
  private openFlagId: string | null = null;
  private lastFlagId: string | null = null;
  private focusBeforeCard: Element | null = null;
  private repositionPending = false;

  /** Bumped to cancel work in flight (new full analysis, site switched off, navigation). */
  private generation = 0;
  /** Work that changes the analysis state runs one task at a time, in order. */
  private queue: Promise<void> = Promise.resolve();

  private observer: MutationObserver | undefined;
  private observedRoot: Element | undefined;
  private pendingRegions = new Set<Node>();
  private pendingRemovals = false;
  private debounceTimer: number | undefined;
  private firstPendingAt = 0;

  constructor(options: PageSessionOptions) {
    this.ctx = options.ctx;
    this.doc = options.doc ?? document;
    this.makeCardOverlay = options.createCardOverlay;
    this.analyzeText = options.analyze ?? requestAnalysis;
    this.prepareAnalysis = options.prepareAnalysis ?? prepareAnalysis;
    this.loadRuleDetails = options.loadRuleDetails ?? requestRuleDetails;
  }

  /**
   * Wires everything up and, on an article page, analyses it. The content script starts with
   * the document (`document_start`): as soon as the page's `<head>` says it is an article, the
   * background is asked to get its rules ready (waking it and compiling them if it must), so
   * that once the page is parsed only its text is left to map, send and paint.
   */
  async start(): Promise<void> {
    const { ctx } = this;
    this.settings = await readStoredSettings();
    await whenHeadParsed(this.doc);
    if (this.doc.readyState === 'loading' && this.siteEnabled && declaresArticle(this.doc)) {
      // A failure here is met again, and reported, by the analysis itself.
      this.prepareAnalysis(this.settings.disabledPacks).catch(() => undefined);
      // The highlight stylesheet goes in while the body is still (nearly) empty: added to a
      // finished page, it makes the browser recompute every element's style, one 50 ms task on
      // a large page.
      this.painter ??= createHighlighter(this.doc);
    }
    await whenParsed(this.doc);
    // Our work after DOMContentLoaded is a task of its own, not part of the page's handlers' task.
    await yieldToPage();
    ctx.onInvalidated(() => this.dispose());

    browser.runtime.onMessage.addListener(this.onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(this.onMessage));
    ctx.onInvalidated(settingsItem.watch((value) => this.onSettingsChanged(value)));
    ctx.onInvalidated(importedPacksItem.watch(() => this.onImportedPacksChanged()));
    ctx.addEventListener(this.doc, 'click', this.onClick, { capture: true, passive: true });
    ctx.addEventListener(window, 'wxt:locationchange', (event) => {
      // Following an in-page anchor (a footnote, a table of contents) is not a new page.
      const withoutHash = (url: URL) => url.href.slice(0, url.href.length - url.hash.length);
      if (withoutHash(event.newUrl) !== withoutHash(event.oldUrl)) this.onNavigation();
    });
    ctx.addEventListener(window, 'scroll', this.onViewportChange, { capture: true, passive: true });
    ctx.addEventListener(window, 'resize', this.onViewportChange, { passive: true });

    this.detectArticle();
    if (this.article.isArticle && this.siteEnabled) await this.analyzeAll();
    else this.sendCount();
  }

  /**
   * Looks for the article body only on pages that declare an article: on every other page
   * the search (and its Readability fallback, which parses a full clone) waits until the
   * reader asks for an analysis.
   */
  private detectArticle(): void {
    if (declaresArticle(this.doc)) {
      this.article = findArticleRoot(this.doc);
      this.rootSearched = true;
    } else {
      this.article = { root: this.doc.body ?? this.doc.documentElement, isArticle: false, method: 'body' };
      this.rootSearched = false;
    }
  }

  private get highlighter(): Highlighter {
    this.painter ??= createHighlighter(this.doc);
    return this.painter;
  }

  private get siteEnabled(): boolean {
    return isSiteEnabled(this.settings, location.hostname);
  }

  /** Which rules the settings ask for: the packs switched off, and which imports there are. */
  private rulesKey(): string {
    return JSON.stringify([[...this.settings.disabledPacks].sort(), this.importsVersion]);
  }

  /** The background's analysis of `text`, asked for again once if the background was not ready. */
  private async analyzeRemotely(text: string, hints: StructureHints): Promise<AnalysisReply> {
    const disabled = this.settings.disabledPacks;
    this.analyzedWith = this.rulesKey();
    try {
      return await this.analyzeText(disabled, text, hints);
    } catch {
      await new Promise<void>((resolve) => this.ctx.setTimeout(() => resolve(), ANALYSIS_RETRY_MS));
      return this.analyzeText(disabled, text, hints);
    }
  }

  private enqueue(task: (generation: number) => Promise<void>): Promise<void> {
    const generation = this.generation;
    const run = this.queue.then(() => (this.ctx.isInvalid ? undefined : task(generation)));
    this.queue = run.catch((error) => {
      if (!(error instanceof CancelledError)) console.error('Unspun:', error);
    });
    return this.queue;
  }

  private cancelled(generation: number): () => boolean {
    return () => generation !== this.generation || this.ctx.isInvalid;
  }

  /** Analyses the article root (or the reader-requested root) from scratch. */
  analyzeAll(): Promise<void> {
    this.generation++;
    this.stopObserving();
    return this.enqueue(async (generation) => {
      this.resetAnalysis();
      if (!this.siteEnabled) {
        this.sendCount();
        return;
      }
      if (!this.rootSearched || !this.article.root.isConnected) {
        this.article = findArticleRoot(this.doc);
        this.rootSearched = true;
      }
      const root = this.article.root;
      const segment = await this.analyzeRegions([root], generation);
      this.segments.push(segment);
      await this.repaint(generation);
      this.analyzed = true;
      this.observe(root);
      this.sendCount();
    });
  }

  private resetAnalysis(): void {
    this.closeCard(false);
    this.withoutObserving(() => this.painter?.clear());
    this.segments = [];
    this.painted = [];
    this.nextBase = 0;
    this.analyzed = false;
    this.lastFlagId = null;
  }

  /** Maps some regions of the page (in slices) and has their text analysed. */
  private async analyzeRegions(regions: Node[], generation: number): Promise<Segment> {
    const cancelled = this.cancelled(generation);
    // Finding the article (or the mutation records) took this task's share already.
    await yieldToPage();
    if (cancelled()) throw new CancelledError();
    const builder = createTextMapBuilder(regions);
    await runInSlices(builder.step, cancelled);
    const map = builder.result();
    const result = await this.analyzeRemotely(map.text, map.hints);
    if (cancelled()) throw new CancelledError();
    const base = this.nextBase;
    // Two characters of gap, as between blocks, so no two segments share an offset.
    this.nextBase += map.text.length + 2;
    return {
      map,
      base,
      flags: result.flags.map((flag) => shiftFlag(flag, base)),
      words: result.words,
      attributedSentences: result.attributedSentences,
    };
  }

  /** Paints every visible flag afresh, in page order. */
  private async repaint(generation: number): Promise<void> {
    const cancelled = this.cancelled(generation);
    if (!this.painter) {
      // Adding the highlight stylesheet to a finished page makes the browser recompute its
      // styles (18 ms measured on a large page): a task of its own, not part of the first
      // paint's. Pages that declare an article have it from the start (see `start`).
      this.painter = createHighlighter(this.doc);
      await yieldToPage();
      if (cancelled()) throw new CancelledError();
    }
    this.withoutObserving(() => this.painter?.clear());
    const severities = new Set(this.settings.severities);
    const entries: Array<{ item: HighlightItem; painted: PaintedFlag }> = [];
    for (const segment of this.segments) {
      for (const flag of segment.flags) {
        if (!severities.has(flag.severity)) continue;
        const range = rangeFromOffsets(segment.map, flag.start - segment.base, flag.end - segment.base);
        if (!range) continue;
        entries.push({ item: { id: flag.id, kind: flag.kind, quoted: flag.quoted, range }, painted: { flag, segment } });
      }
    }
    // Page order (what "next" means), with the wider flag first where two start together.
    entries.sort(
      (a, b) =>
        a.item.range.compareBoundaryPoints(Range.START_TO_START, b.item.range) ||
        b.item.range.compareBoundaryPoints(Range.END_TO_END, a.item.range),
    );
    this.painted = entries.map((entry) => entry.painted);
    if (this.highlighter.usesCustomHighlights) {
      for (let index = 0; index < entries.length; index += PAINT_CHUNK) {
        if (cancelled()) throw new CancelledError();
        this.highlighter.add(entries.slice(index, index + PAINT_CHUNK).map((entry) => entry.item));
        if (index + PAINT_CHUNK < entries.length) await yieldToPage();
      }
    } else {
      // Wrapping moves text nodes, which breaks ranges computed for later chunks: one batch.
      this.withoutObserving(() => this.highlighter.add(entries.map((entry) => entry.item)));
    }
    if (this.openFlagId && this.painted.some(({ flag }) => flag.id === this.openFlagId)) {
      this.highlighter.setFocus(this.openFlagId);
      this.renderCard(false);
    } else if (this.openFlagId) {
      this.closeCard(false);
    }
  }

  // ── Dynamic pages ────────────────────────────────────────────────────────────────

  private observe(root: Element): void {
    this.stopObserving();
    this.observedRoot = root;
    this.observer = new MutationObserver((records) => this.collectMutations(records));
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  private stopObserving(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observedRoot = undefined;
    this.pendingRegions.clear();
    this.pendingRemovals = false;
    if (this.debounceTimer !== undefined) clearTimeout(this.debounceTimer);
    this.debounceTimer = undefined;
  }

  /**
   * Runs a DOM change of our own (fallback marks) without the observer mistaking it for the
   * page's: records already queued are the page's and are kept, records our change produced
   * are dropped.
   */
  private withoutObserving(change: () => void): void {
    if (this.observer) this.collectMutations(this.observer.takeRecords());
    change();
    this.observer?.takeRecords();
  }

  private isOwnNode(node: Node): boolean {
    const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!element) return false;
    if (element.localName === 'unspun-mark') return node.nodeType === 1;
    return isOwnUiElement(element) || element.closest('unspun-card, [data-unspun-ui]') !== null;
  }

  /** The paragraph-like element around a node, without leaving the observed root. */
  private blockAround(node: Node): Node | undefined {
    const root = this.observedRoot;
    if (!root) return undefined;
    let element: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
    while (element && element !== root && !isBlockElement(element)) element = element.parentElement;
    if (!element || !root.contains(element)) return undefined;
    return element;
  }

  private collectMutations(records: MutationRecord[]): void {
    let relevant = false;
    for (const record of records) {
      if (this.isOwnNode(record.target)) continue;
      if (record.type === 'characterData') {
        const block = this.blockAround(record.target);
        if (block) this.pendingRegions.add(block);
        relevant = true;
        continue;
      }
      const added = [...record.addedNodes].filter((node) => !this.isOwnNode(node));
      const removed = [...record.removedNodes].filter((node) => !this.isOwnNode(node));
      if (removed.length > 0) {
        this.pendingRemovals = true;
        relevant = true;
      }
      for (const node of added) {
        relevant = true;
        // A new paragraph (or a container of them) is its own region; new inline text
        // changes the paragraph it landed in.
        const region = node.nodeType === 1 && isBlockElement(node as Element) ? node : this.blockAround(record.target);
        if (region) this.pendingRegions.add(region);
      }
    }
    if (relevant) this.scheduleFlush();
  }

  private scheduleFlush(): void {
    const now = performance.now();
    if (this.debounceTimer === undefined) this.firstPendingAt = now;
    else clearTimeout(this.debounceTimer);
    const waited = now - this.firstPendingAt;
    const delay = Math.max(0, Math.min(MUTATION_DEBOUNCE_MS, MUTATION_MAX_WAIT_MS - waited));
    this.debounceTimer = this.ctx.setTimeout(() => {
      this.debounceTimer = undefined;
      void this.enqueue((generation) => this.flushMutations(generation));
    }, delay);
  }

  /** Analyses only the regions that changed, drops flags whose text is gone, repaints if anything changed. */
  private async flushMutations(generation: number): Promise<void> {
    const root = this.observedRoot;
    if (!root) return;
    if (!root.isConnected) {
      // The page replaced the whole article container: start over.
      this.rootSearched = false;
      void this.analyzeAll();
      return;
    }
    const candidates = [...this.pendingRegions].filter((node) => node.isConnected && root.contains(node));
    const removals = this.pendingRemovals;
    this.pendingRegions.clear();
    this.pendingRemovals = false;
    // Keep only outermost regions: a paragraph inside a new container is already covered.
    const regions = candidates.filter((node) => !candidates.some((other) => other !== node && other.contains(node)));
    regions.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));

    let dropped = 0;
    if (regions.length > 0 || removals) {
      for (const segment of this.segments) {
        const before = segment.flags.length;
        segment.flags = segment.flags.filter((flag) => {
          const range = rangeFromOffsets(segment.map, flag.start - segment.base, flag.end - segment.base);
          if (!range) return false;
          const node = range.startContainer;
          return !regions.some((region) => region.contains(node));
        });
        dropped += before - segment.flags.length;
      }
    }
    let added = 0;
    if (regions.length > 0) {
      const segment = await this.analyzeRegions(regions, generation);
      this.segments.push(segment);
      added = segment.flags.length;
    }
    // A segment with no flags left whose text is gone or was analysed again in this round is
    // superseded: forgetting it keeps a ticking clock from piling up segments and words.
    this.segments = this.segments.filter(
      (segment) =>
        segment.flags.length > 0 ||
        segment.map.nodes.some((node) => node.isConnected && !regions.some((region) => region.contains(node))),
    );
    if (dropped > 0 || added > 0) {
      await this.repaint(generation);
      this.sendCount();
    }
  }

  private onNavigation(): void {
    this.generation++;
    this.stopObserving();
    this.requested = false;
    void this.enqueue(async () => this.resetAnalysis());
    this.ctx.setTimeout(() => {
      this.detectArticle();
      if (this.article.isArticle && this.siteEnabled) void this.analyzeAll();
      else this.sendCount();
    }, NAVIGATION_SETTLE_MS);
  }

  // ── Settings ─────────────────────────────────────────────────────────────────────

  private onSettingsChanged(value: unknown): void {
    const previous = this.settings;
    this.settings = settingsFrom(value ?? {});
    const wasEnabled = isSiteEnabled(previous, location.hostname);
    // Before the first analysis nothing can be stale.
    const packsChanged = this.analyzedWith !== undefined && this.rulesKey() !== this.analyzedWith;
    const shouldRun = this.article.isArticle || this.requested;
    if (!this.siteEnabled) {
      if (wasEnabled) {
        this.generation++;
        this.stopObserving();
        void this.enqueue(async () => {
          this.resetAnalysis();
          this.sendCount();
        });
      }
      return;
    }
    if (!wasEnabled || packsChanged) {
      if (shouldRun || this.analyzed) void this.analyzeAll();
      return;
    }
    if (previous.severities.join() !== this.settings.severities.join() && this.analyzed) {
      void this.enqueue(async (generation) => {
        await this.repaint(generation);
        this.sendCount();
      });
    }
  }

  private onImportedPacksChanged(): void {
    this.importsVersion++;
    this.ruleDetails.clear();
    if (this.analyzed) void this.analyzeAll();
  }

  // ── Card, clicks and keyboard steps ──────────────────────────────────────────────

  /** The narrowest painted flag under a viewport point, if any. */
  private flagAtPoint(x: number, y: number): PaintedFlag | undefined {
    let candidates = this.painted;
    const caret = this.caretAt(x, y);
    if (caret) {
      const near = this.painted.filter(({ flag, segment }) => {
        if (caret.segment !== segment) return false;
        return caret.offset >= flag.start && caret.offset <= flag.end;
      });
      if (near.length > 0) candidates = near;
    }
    // The caret is only a hint (it snaps to the nearest character even in a margin): the
    // point must be inside one of the phrase's own line boxes.
    const hits = candidates.filter(({ flag }) =>
      this.highlighter
        .rectsOf(flag.id)
        .some((rect) => x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1),
    );
    hits.sort((a, b) => a.flag.end - a.flag.start - (b.flag.end - b.flag.start));
    return hits[0];
  }

  private caretAt(x: number, y: number): { segment: Segment; offset: number } | undefined {
    const doc = this.doc as Document & {
      caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
      caretRangeFromPoint?: (x: number, y: number) => Range | null;
    };
    let node: Node | undefined;
    let offset = 0;
    if (typeof doc.caretPositionFromPoint === 'function') {
      const position = doc.caretPositionFromPoint(x, y);
      if (position) ({ offsetNode: node, offset } = position);
    } else if (typeof doc.caretRangeFromPoint === 'function') {
      const range = doc.caretRangeFromPoint(x, y);
      if (range) ({ startContainer: node, startOffset: offset } = range);
    }
    if (!node) return undefined;
    for (const segment of this.segments) {
      const local = offsetFromPosition(segment.map, node, offset);
      if (local !== undefined) return { segment, offset: local + segment.base };
    }
    return undefined;
  }

  private onClick = (event: MouseEvent): void => {
    if (event.button !== 0 || this.painted.length === 0) return;
    if (this.card?.isCardHost(event.target)) return;
    // A click that ends a text selection is the reader selecting, not asking.
    const selection = this.doc.getSelection();
    if (selection && !selection.isCollapsed) return;
    const hit = this.flagAtPoint(event.clientX, event.clientY);
    if (hit) void this.openFlag(hit.flag.id, false);
  };

  private onViewportChange = (): void => {
    if (!this.openFlagId || this.repositionPending) return;
    this.repositionPending = true;
    this.ctx.requestAnimationFrame(() => {
      this.repositionPending = false;
      this.renderCard(false);
    });
  };

  private async ensureCard(): Promise<CardOverlay> {
    if (this.card) return this.card;
    this.cardLoading ??= this.makeCardOverlay(this.ctx);
    this.card = await this.cardLoading;
    return this.card;
  }

  /** Opens the card for a flag: focus ring on the phrase, optionally scrolled into view. */
  async openFlag(flagId: string, scroll: boolean): Promise<boolean> {
    const painted = this.painted.find(({ flag }) => flag.id === flagId);
    if (!painted) return false;
    if (!this.openFlagId) {
      const active = this.doc.activeElement;
      this.focusBeforeCard = active && active !== this.doc.body ? active : null;
    }
    this.openFlagId = flagId;
    this.lastFlagId = flagId;
    this.highlighter.setFocus(flagId);
    if (scroll) {
      const range = this.highlighter.rangeOf(flagId);
      const element = range?.startContainer.nodeType === 1 ? (range.startContainer as Element) : range?.startContainer.parentElement;
      element?.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
    await Promise.all([this.ensureCard(), this.ensureRuleDetails(painted.flag)]);
    // The reader may have closed it or moved on while the card UI and the rule's text loaded.
    if (this.openFlagId === flagId) this.renderCard(true);
    return true;
  }

  private async ensureRuleDetails(flag: Flag): Promise<void> {
    const key = ruleKeyOf(flag);
    if (this.ruleDetails.has(key)) return;
    try {
      this.ruleDetails.set(key, await this.loadRuleDetails(flag.packId, flag.ruleId));
    } catch (error) {
      // The card still shows what was flagged and its category; the next opening asks again.
      console.warn('Unspun: could not load the rule’s explanation', error);
    }
  }

  private renderCard(_reopen: boolean): void {
    const card = this.card;
    const painted = this.painted.find(({ flag }) => flag.id === this.openFlagId);
    if (!card || !painted) return;
    const rects = this.highlighter.rectsOf(painted.flag.id);
    const first = rects[0];
    const anchor = first
      ? { left: first.left, top: first.top, right: first.right, bottom: first.bottom }
      : { left: 16, top: 16, right: 16, bottom: 16 };
    const details = this.ruleDetails.get(ruleKeyOf(painted.flag));
    card.show({
      flag: painted.flag,
      rule: details?.rule,
      packName: details?.packName,
      index: this.painted.indexOf(painted) + 1,
      total: this.painted.length,
      anchor,
      hostname: location.hostname,
      onClose: () => this.closeCard(true),
      onStep: (direction) => void this.step(direction),
      onDisablePack: (packId) =>
        void updateStoredSettings((settings) => ({
          ...settings,
          disabledPacks: [...new Set([...settings.disabledPacks, packId])],
        })),
      onDisableSite: (hostname) =>
        void updateStoredSettings((settings) => ({
          ...settings,
          disabledSites: [...new Set([...settings.disabledSites, hostname])],
        })),
    });
  }

  private closeCard(restoreFocus: boolean): void {
    if (!this.openFlagId && !this.card?.isOpen) return;
    this.openFlagId = null;
    this.painter?.setFocus(null);
    this.card?.hide();
    const previous = this.focusBeforeCard;
    this.focusBeforeCard = null;
    if (restoreFocus && previous instanceof HTMLElement && previous.isConnected) previous.focus({ preventScroll: true });
  }

  /** Moves to the next or previous flag in page order, wrapping around. */
  async step(direction: 'next' | 'previous'): Promise<boolean> {
    if (this.painted.length === 0) return false;
    const currentId = this.openFlagId ?? this.lastFlagId;
    const current = currentId ? this.painted.findIndex(({ flag }) => flag.id === currentId) : -1;
    let index: number;
    if (current < 0) index = direction === 'next' ? 0 : this.painted.length - 1;
    else index = (current + (direction === 'next' ? 1 : -1) + this.painted.length) % this.painted.length;
    return this.openFlag(this.painted[index].flag.id, true);
  }

  // ── Messages ─────────────────────────────────────────────────────────────────────

  report(): PageReport {
    const flags: FlagSummary[] = this.painted.map(({ flag, segment }) => ({
      ...flag,
      sentence: segment.map.text.slice(flag.sentenceStart - segment.base, flag.sentenceEnd - segment.base).replace(/\s+/g, ' ').trim(),
    }));
    return {
      url: location.href,
      title: this.doc.title,
      isArticle: this.article?.isArticle ?? false,
      analyzed: this.analyzed,
      siteEnabled: this.settings ? this.siteEnabled : true,
      words: this.segments.reduce((sum, segment) => sum + segment.words, 0),
      attributedSentences: this.segments.reduce((sum, segment) => sum + segment.attributedSentences, 0),
      flags,
    };
  }

  private sendCount(): void {
    const message: BackgroundRequest = { type: 'flag-count', count: this.analyzed ? this.painted.length : 0 };
    // The background may be asleep or reloading; a missed badge update is not an error.
    browser.runtime.sendMessage(message).catch(() => undefined);
  }

  private onMessage = (message: unknown, sender: { id?: string }): Promise<unknown> | undefined => {
    // Only this extension's own pages and background may ask anything of the page.
    if (sender.id !== browser.runtime.id) return undefined;
    const request = parseContentRequest(message);
    return request ? this.answer(request) : undefined;
  };

  private answer(request: ContentRequest): Promise<unknown> {
    switch (request.type) {
      case 'get-report':
        return Promise.resolve(this.report());
      case 'analyze-page':
        this.requested = true;
        return this.analyzeAll().then(() => this.report());
      case 'focus-flag':
        return this.queue.then(() => this.openFlag(request.flagId, true)).then((ok) => ({ ok }));
      case 'step-flag':
        return this.queue.then(() => this.step(request.direction)).then((ok) => ({ ok }));
    }
  }

  private dispose(): void {
    this.generation++;
    this.stopObserving();
    this.closeCard(false);
    this.painter?.destroy();
    this.painter = undefined;
  }
}
