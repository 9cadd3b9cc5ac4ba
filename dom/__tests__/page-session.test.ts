// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://news.example/2026/harbour-vote" }
/**
 * The page session end to end inside happy-dom: it has no CSS Custom Highlight API, so this
 * also exercises the wrapping fallback on a real analysis. The card overlay is replaced by a
 * recorder (the real one needs a browser to load its stylesheet); the e2e tests cover it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardProps } from '../../components/Card';
import type { CardOverlay } from '../../components/card/card-overlay';
import { BUILTIN_PACKS } from '../../core/builtin-packs';
import { analyzeText } from '../../core/analyze';
import { compilePacks, findRule, type CompiledRules } from '../../core/compile';
import type { StructureHints } from '../../core/flag';
import { updateSettings } from '../../utils/settings';
import { PageSession, type PageSessionOptions } from '../page-session';

const ARTICLE = readFileSync(path.resolve(__dirname, '../../tests/fixtures/pages/article.html'), 'utf8');

function loadPage(html: string) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.replaceChildren(document.importNode(parsed.head, true), document.importNode(parsed.body, true));
}

async function until<T>(read: () => T, done: (value: T) => boolean, timeout = 8000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met; last value: ${JSON.stringify(value)?.slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const compilations = new Map<string, CompiledRules>();

/** What the background would answer: the text analysed with the built-in packs the reader left on, after a trip through JSON. */
async function analyze(disabledPacks: readonly string[], text: string, hints: StructureHints) {
  const key = [...disabledPacks].sort().join();
  if (!compilations.has(key)) compilations.set(key, compilePacks(BUILTIN_PACKS.filter((pack) => !disabledPacks.includes(pack.id))));
  const { flags, stats } = analyzeText(text, compilations.get(key)!, hints);
  return JSON.parse(JSON.stringify({ flags, words: stats.words, attributedSentences: stats.attributedSentences }));
}

async function ruleDetails(packId: string, ruleId: string) {
  const found = findRule(BUILTIN_PACKS, packId, ruleId);
  return found ? { packName: found.pack.name, rule: found.rule } : null;
}

const RULES: Pick<PageSessionOptions, 'analyze' | 'prepareAnalysis' | 'loadRuleDetails'> = {
  analyze,
  prepareAnalysis: async () => undefined,
  loadRuleDetails: ruleDetails,
};

const markedText = (within: ParentNode = document) =>
  [...within.querySelectorAll('unspun-mark')].map((mark) => mark.textContent).join('|');

let ctx: ContentScriptContext;
let shown: CardProps[];
let session: PageSession;

beforeEach(async () => {
  fakeBrowser.reset();
  loadPage(ARTICLE);
  ctx = new ContentScriptContext('content');
  shown = [];
  const overlay: CardOverlay = {
    show: (props) => void shown.push(props),
    hide: () => undefined,
    isOpen: false,
    isCardHost: () => false,
  };
  session = new PageSession({ ctx, createCardOverlay: async () => overlay, ...RULES });
  await session.start();
}, 60_000);

afterEach(() => ctx.notifyInvalidated());

describe('page session on a news article', () => {
  it('analyzes the article by itself and paints its flags inside the article only', () => {
    const report = session.report();
    expect(report).toMatchObject({ isArticle: true, analyzed: true, siteEnabled: true });
    expect(report.flags.map((flag) => flag.text)).toContain('slammed');
    expect(markedText(document.getElementById('story')!)).toContain('slammed');
    // Navigation, comments and footer also say "slammed" and "radical"; none of it is painted.
    for (const selector of ['header', '.comments', 'footer']) expect(markedText(document.querySelector(selector)!)).toBe('');
  });

  it('analyzes a paragraph added later on its own, keeping the earlier flags as they were', async () => {
    const before = session.report();
    const entry = document.createElement('p');
    entry.id = 'appended';
    entry.textContent = 'Protesters called the vote a witch hunt, and one speaker compared the council to a regime.';
    document.getElementById('story')!.append(entry);
    const after = await until(
      () => session.report(),
      (report) => report.flags.some((flag) => flag.text === 'witch hunt'),
    );
    // Earlier flags keep their ids (offsets): the first region was not analyzed again.
    expect(after.flags.map((flag) => flag.id)).toEqual(expect.arrayContaining(before.flags.map((flag) => flag.id)));
    const added = after.flags.find((flag) => flag.text === 'witch hunt')!;
    expect(Math.min(...before.flags.map((flag) => flag.start))).toBeLessThan(added.start);
    expect(markedText(entry)).toContain('witch hunt');
  }, 30_000);

  it('does not take its own highlight marks for page changes (no repaint loop)', async () => {
    // A repaint while the observer is watching (here: after a new paragraph) wraps and splits
    // text nodes; those changes must not be analysed as if the page had made them.
    const entry = Object.assign(document.createElement('p'), { textContent: 'Critics say the harbour plan is a witch hunt.' });
    document.getElementById('story')!.append(entry);
    await until(() => markedText(entry), (text) => text.includes('witch hunt'));
    const marks = [...document.querySelectorAll('unspun-mark')];
    // Longer than the mutation debounce: a reaction to our own wrapping would have repainted by now.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const after = [...document.querySelectorAll('unspun-mark')];
    expect(after.length).toBe(marks.length);
    expect(after.every((mark, index) => mark === marks[index])).toBe(true);
  }, 30_000);

  it('moves through flags in page order and opens the card for each, wrapping around', async () => {
    const flags = session.report().flags;
    expect(await session.step('next')).toBe(true);
    expect(shown.at(-1)!.flag.id).toBe(flags[0].id);
    // The rule's explanation comes from the packs (the background's), not from the compiled rules.
    expect(shown.at(-1)!.rule?.explanation).toBe(findRule(BUILTIN_PACKS, flags[0].packId, flags[0].ruleId)!.rule.explanation);
    expect(shown.at(-1)!.packName).toBe(findRule(BUILTIN_PACKS, flags[0].packId, flags[0].ruleId)!.pack.name);
    await session.step('next');
    expect(shown.at(-1)!.flag.id).toBe(flags[1].id);
    await session.step('previous');
    await session.step('previous');
    expect(shown.at(-1)!.flag.id).toBe(flags.at(-1)!.id);
    expect(shown.at(-1)!.index).toBe(flags.length);
    expect(document.querySelector('unspun-mark[data-unspun-focus]')!.getAttribute('data-unspun-flag')).toBe(flags.at(-1)!.id);
  });

  it('re-highlights live when the severity filter changes, and brings the same flags back', async () => {
    const all = session.report().flags;
    const hidden = all[0].severity;
    await updateSettings((settings) => ({ ...settings, severities: (['low', 'medium', 'high'] as const).filter((s) => s !== hidden) }));
    const filtered = await until(
      () => session.report().flags,
      (flags) => flags.every((flag) => flag.severity !== hidden),
    );
    expect(filtered.map((flag) => flag.id)).toEqual(all.filter((flag) => flag.severity !== hidden).map((flag) => flag.id));
    expect(document.querySelector(`unspun-mark[data-unspun-flag="${all[0].id}"]`)).toBeNull();
    await updateSettings((settings) => ({ ...settings, severities: ['low', 'medium', 'high'] }));
    const restored = await until(() => session.report().flags, (flags) => flags.length === all.length);
    expect(restored.map((flag) => flag.id)).toEqual(all.map((flag) => flag.id));
  }, 30_000);

  it('switched off for the site, clears every highlight and gives the page back its exact DOM', async () => {
    const clean = document.createElement('div');
    loadPage(ARTICLE);
    clean.innerHTML = document.body.innerHTML; // the untouched page, from our own fixture file
    ctx.notifyInvalidated();
    ctx = new ContentScriptContext('content');
    session = new PageSession({ ctx, createCardOverlay: async () => ({ show() {}, hide() {}, isOpen: false, isCardHost: () => false }), ...RULES });
    await session.start();
    expect(markedText()).not.toBe('');
    await updateSettings((settings) => ({ ...settings, disabledSites: ['news.example'] }));
    await until(() => session.report(), (report) => !report.siteEnabled && report.flags.length === 0);
    expect(markedText()).toBe('');
    expect(document.body.innerHTML).toBe(clean.innerHTML);
    await updateSettings((settings) => ({ ...settings, disabledSites: [] }));
    await until(() => session.report(), (report) => report.analyzed && report.flags.length > 0);
    expect(markedText()).toContain('slammed');
  }, 30_000);

  it('keeps its analysis when the reader follows an in-page anchor', async () => {
    const before = session.report().flags.map((flag) => flag.id);
    await session.step('next');
    history.pushState({}, '', '#p-claim');
    // The location watcher polls once a second; give it time to notice, and the session time to react.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(session.report().analyzed).toBe(true);
    expect(session.report().flags.map((flag) => flag.id)).toEqual(before);
    expect(document.querySelector('unspun-mark[data-unspun-focus]')).not.toBeNull();
  }, 30_000);

  it('analyzes again after a single-page-app navigation to another story', async () => {
    expect(session.report().flags.map((flag) => flag.text)).toContain('slammed');
    history.pushState({}, '', '/2026/live-blog');
    const paragraph = (text: string) => Object.assign(document.createElement('p'), { textContent: text });
    document.getElementById('story')!.replaceChildren(
      paragraph('Protesters outside city hall called the vote a witch hunt against the old harbour traders.'),
      ...Array.from({ length: 6 }, (_, index) =>
        paragraph(`Entry ${index + 1}: the council listed the next steps for the harbour district, from surveys to tenders.`),
      ),
    );
    const report = await until(
      () => session.report(),
      // A fresh analysis restarts the page text at offset 0; the mutation observer alone would
      // only have appended the new paragraph after the old story's ~1,500 characters.
      (report) =>
        report.url.endsWith('/2026/live-blog') &&
        report.analyzed &&
        report.flags.some((flag) => flag.text === 'witch hunt' && flag.start < 1000),
    );
    expect(report.flags.map((flag) => flag.text)).not.toContain('slammed');
    expect(markedText()).toContain('witch hunt');
  }, 30_000);

  it('stops and removes everything it added when the extension goes away', () => {
    ctx.notifyInvalidated();
    expect(document.querySelectorAll('unspun-mark, style[data-unspun-ui]').length).toBe(0);
  });
});

describe('page session with the background analysing', () => {
  async function startWith(options: Partial<PageSessionOptions>) {
    ctx.notifyInvalidated();
    loadPage(ARTICLE);
    ctx = new ContentScriptContext('content');
    const overlay: CardOverlay = { show: (props) => void shown.push(props), hide() {}, isOpen: false, isCardHost: () => false };
    session = new PageSession({ ctx, createCardOverlay: async () => overlay, ...RULES, ...options });
    await session.start();
    return until(() => session.report(), (report) => report.analyzed && report.flags.length > 0);
  }

  it('sends the article’s text, paragraph by paragraph, with the packs the reader switched off', async () => {
    const asked: Array<{ disabled: string[]; text: string; hints: StructureHints }> = [];
    await updateSettings((settings) => ({ ...settings, disabledPacks: ['en-certainty'] }));
    const report = await startWith({
      analyze: async (disabled, text, hints) => {
        asked.push({ disabled: [...disabled], text, hints });
        return analyze(disabled, text, hints);
      },
    });
    expect(asked).toHaveLength(1);
    expect(asked[0].disabled).toEqual(['en-certainty']);
    // The article only: the comments and the footer never leave the page's DOM layer.
    expect(asked[0].text).toContain('slammed');
    expect(asked[0].text).not.toContain(document.querySelector('.comments')!.textContent!.trim().slice(0, 40));
    expect(asked[0].hints.blocks!.length).toBeGreaterThan(3);
    expect(report.flags.some((flag) => flag.packId === 'en-certainty')).toBe(false);
    expect(report.flags.map((flag) => flag.text)).toContain('slammed');
  }, 30_000);

  it('has the page analysed again when the reader switches a pack back on, and re-highlights', async () => {
    await updateSettings((settings) => ({ ...settings, disabledPacks: ['en-loaded-emotive', 'en-loaded-labels'] }));
    const asked: string[][] = [];
    const before = await startWith({
      analyze: async (disabled, text, hints) => {
        asked.push([...disabled]);
        return analyze(disabled, text, hints);
      },
    });
    expect(before.flags.map((flag) => flag.text)).not.toContain('slammed');
    await updateSettings((settings) => ({ ...settings, disabledPacks: ['en-loaded-labels'] }));
    const after = await until(() => session.report(), (report) => report.flags.some((flag) => flag.text === 'slammed'));
    expect(after.analyzed).toBe(true);
    expect(asked).toEqual([['en-loaded-emotive', 'en-loaded-labels'], ['en-loaded-labels']]);
  }, 30_000);

  it('while the page loads, has the background prepare and adds the highlight stylesheet as soon as the head says “article”', async () => {
    ctx.notifyInvalidated();
    const parsed = new DOMParser().parseFromString(ARTICLE, 'text/html');
    // The parser has read the head and not yet the body.
    document.documentElement.replaceChildren(document.importNode(parsed.head, true));
    let readyState: DocumentReadyState = 'loading';
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => readyState });
    try {
      const prepared: string[][] = [];
      const analysed: string[] = [];
      ctx = new ContentScriptContext('content');
      session = new PageSession({
        ctx,
        createCardOverlay: async () => ({ show() {}, hide() {}, isOpen: false, isCardHost: () => false }),
        ...RULES,
        prepareAnalysis: async (disabled) => void prepared.push([...disabled]),
        analyze: async (disabled, text, hints) => {
          analysed.push(text);
          return analyze(disabled, text, hints);
        },
      });
      const started = session.start();
      document.documentElement.append(document.importNode(parsed.body, true));
      await until(() => prepared.length, (count) => count > 0);
      expect(prepared).toEqual([[]]);
      expect(document.querySelector('style[data-unspun-ui="highlights"]')).not.toBeNull();
      expect(analysed).toEqual([]);
      readyState = 'interactive';
      document.dispatchEvent(new Event('DOMContentLoaded'));
      await started;
      expect(session.report()).toMatchObject({ analyzed: true });
      expect(analysed).toHaveLength(1);
    } finally {
      delete (document as { readyState?: unknown }).readyState;
    }
  }, 30_000);

  it('asks once more when the background does not answer at first (it may be starting)', async () => {
    let calls = 0;
    const report = await startWith({
      analyze: async (disabled, text, hints) => {
        if (++calls === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
        return analyze(disabled, text, hints);
      },
    });
    expect(calls).toBe(2);
    expect(report.flags.map((flag) => flag.text)).toContain('slammed');
  }, 30_000);

  it('still opens the card, without the explanation, when the rule’s text cannot be fetched', async () => {
    await startWith({
      loadRuleDetails: async () => {
        throw new Error('background restarting');
      },
    });
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      expect(await session.step('next')).toBe(true);
    } finally {
      console.warn = warn;
    }
    expect(shown.at(-1)).toMatchObject({ flag: { id: session.report().flags[0].id }, rule: undefined, packName: undefined });
  }, 30_000);
});
