import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUILTIN_PACKS } from '../../core/builtin-packs';
import { compilePacks } from '../../core/compile';
import { testPack } from '../../core/__tests__/test-pack';
import type { Pack } from '../../core/schema';
import { answerAnalysisRequest, createAnalysisService } from '../analysis-service';
import { prepareAnalysis, requestAnalysis, requestRuleDetails } from '../request-analysis';

/** A reader's import that replaces the built-in loaded-labels pack with one rule of its own. */
const IMPORTED = { ...testPack([{ id: 'harbour', kind: 'loaded-term', category: 'contentious-label', phrases: ['harbour grab'] }], 'en-loaded-labels'), name: 'My labels' };

function service(stored: unknown[] = []) {
  const compiled: string[][] = [];
  const analysis = createAnalysisService({
    builtin: BUILTIN_PACKS,
    storedImports: async () => stored,
    compile: (packs: readonly Pack[]) => {
      compiled.push(packs.map((pack) => pack.id));
      return compilePacks(packs);
    },
  });
  return { analysis, compiled, stored };
}

const TEXT = 'Critics say the thugs clearly slammed the harbour grab.';
const texts = (reply: { flags: Array<{ text: string }> }) => reply.flags.map((flag) => flag.text);

describe('the background analysing pages', () => {
  it('analyses with every built-in pack but the switched-off ones, compiling each pack set once', async () => {
    const { analysis, compiled } = service();
    const all = await analysis.analyze([], TEXT, {});
    expect(texts(all)).toEqual(expect.arrayContaining(['Critics say', 'thugs', 'slammed']));
    expect(all.words).toBe(9);
    const withoutEmotive = await analysis.analyze(['en-loaded-emotive'], TEXT, {});
    expect(texts(withoutEmotive)).not.toContain('slammed');
    // Asked again, in another order: the compilation is reused.
    await analysis.analyze([], TEXT, {});
    await analysis.compiledRules(['en-loaded-emotive']);
    expect(compiled).toHaveLength(2);
    expect(compiled[1]).not.toContain('en-loaded-emotive');
  });

  it('compiles again when the reader imports a pack, which replaces a built-in one of the same id', async () => {
    const { analysis, compiled, stored } = service();
    expect(texts(await analysis.analyze([], TEXT, {}))).not.toContain('harbour grab');
    stored.push(IMPORTED, { id: 'broken' });
    // The invalid entry is skipped; the valid import takes the built-in's place.
    expect(texts(await analysis.analyze([], TEXT, {}))).toContain('harbour grab');
    expect(compiled).toHaveLength(2);
    expect(await analysis.ruleDetails('en-loaded-labels', 'harbour')).toEqual({ packName: 'My labels', rule: IMPORTED.rules[0] });
  });

  it('tells the card about a rule, and answers null for one no pack has', async () => {
    const { analysis } = service();
    const pack = BUILTIN_PACKS[0];
    expect(await analysis.ruleDetails(pack.id, pack.rules[0].id)).toEqual({ packName: pack.name, rule: pack.rules[0] });
    expect(await analysis.ruleDetails(pack.id, 'no-such-rule')).toBeNull();
    expect(await analysis.ruleDetails('no-such-pack', pack.rules[0].id)).toBeNull();
  });
});

describe('the background answering requests', () => {
  it('answers this extension’s content scripts, and leaves everything else to other listeners', async () => {
    const { analysis, compiled } = service();
    const request = { type: 'analyze-text', disabledPacks: [], text: TEXT, hints: { blocks: [{ start: 0, end: TEXT.length }] } };
    expect(answerAnalysisRequest(analysis, request, { id: 'other' }, 'self')).toBeUndefined();
    expect(answerAnalysisRequest(analysis, { type: 'flag-count', count: 2 }, { id: 'self' }, 'self')).toBeUndefined();
    expect(answerAnalysisRequest(analysis, { ...request, hints: { blocks: [{ start: -1, end: 2 }] } }, { id: 'self' }, 'self')).toBeUndefined();
    expect(compiled).toHaveLength(0);
    await expect(answerAnalysisRequest(analysis, { type: 'prepare-analysis', disabledPacks: [] }, { id: 'self' }, 'self')).resolves.toBe(true);
    expect(compiled).toHaveLength(1);
    const reply = await answerAnalysisRequest(analysis, request, { id: 'self' }, 'self');
    expect(texts(reply as { flags: Array<{ text: string }> })).toContain('thugs');
    const pack = BUILTIN_PACKS[1];
    await expect(answerAnalysisRequest(analysis, { type: 'get-rule-details', packId: pack.id, ruleId: pack.rules[0].id }, { id: 'self' }, 'self')).resolves.toEqual({
      packName: pack.name,
      rule: pack.rules[0],
    });
  });
});

describe('the content script asking the background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('sends the text, its structure and the switched-off packs, and passes the flags on', async () => {
    const reply = { flags: [], words: 3, attributedSentences: 0 };
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(reply as never);
    await expect(requestAnalysis(['en-certainty'], 'One two three.', { blocks: [{ start: 0, end: 14 }] })).resolves.toEqual(reply);
    expect(send).toHaveBeenCalledWith({ type: 'analyze-text', disabledPacks: ['en-certainty'], text: 'One two three.', hints: { blocks: [{ start: 0, end: 14 }] } });
    await prepareAnalysis([]);
    expect(send).toHaveBeenLastCalledWith({ type: 'prepare-analysis', disabledPacks: [] });
  });

  it('fails with a clear message when the background sends something else', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue('text' as never);
    await expect(requestAnalysis([], 'a', {})).rejects.toThrow('the background did not send the analysis');
    await expect(requestRuleDetails('a', 'b')).rejects.toThrow('the background did not send the rule');
  });

  it('passes on a rule’s details, and null for an unknown rule', async () => {
    const details = { packName: 'P', rule: { id: 'r' } };
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(details as never);
    await expect(requestRuleDetails('p', 'r')).resolves.toEqual(details);
    expect(send).toHaveBeenCalledWith({ type: 'get-rule-details', packId: 'p', ruleId: 'r' });
    send.mockResolvedValue(null as never);
    await expect(requestRuleDetails('p', 'x')).resolves.toBeNull();
  });
});
