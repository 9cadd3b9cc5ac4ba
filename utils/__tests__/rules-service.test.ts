import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyzeText } from '../../core/analyze';
import { BUILTIN_PACKS } from '../../core/builtin-packs';
import { testPack } from '../../core/__tests__/test-pack';
import { loadSnapshot } from '../../core/snapshot';
import { requestCompiledRules, requestRuleDetails } from '../request-rules';
import { answerRulesRequest, createRulesService } from '../rules-service';

/** A reader's import that replaces the built-in loaded-labels pack with one rule of its own. */
const IMPORTED = { ...testPack([{ id: 'harbour', kind: 'loaded-term', category: 'contentious-label', phrases: ['harbour grab'] }], 'en-loaded-labels'), name: 'My labels' };

function service(stored: unknown[] = []) {
  const compiled: string[][] = [];
  const rules = createRulesService({
    builtin: BUILTIN_PACKS,
    storedImports: async () => stored,
    compile: (packs) => {
      compiled.push(packs.map((pack) => pack.id));
      return JSON.stringify(packs.map((pack) => pack.id));
    },
  });
  return { rules, compiled, stored };
}

describe('the background compiling the rules for pages', () => {
  it('compiles every built-in pack but the switched-off ones, once per pack set', async () => {
    const { rules, compiled } = service();
    const all = BUILTIN_PACKS.map((pack) => pack.id);
    expect(JSON.parse(await rules.compiledRulesText([]))).toEqual(all);
    expect(JSON.parse(await rules.compiledRulesText(['en-certainty', 'en-distancing']))).toEqual(all.filter((id) => id !== 'en-certainty' && id !== 'en-distancing'));
    // Asked again, in another order: the compilation is reused.
    await rules.compiledRulesText(['en-distancing', 'en-certainty']);
    await rules.compiledRulesText([]);
    expect(compiled).toHaveLength(2);
  });

  it('compiles again when the reader imports a pack, which replaces a built-in one of the same id', async () => {
    const { rules, compiled, stored } = service();
    await rules.compiledRulesText([]);
    stored.push(IMPORTED, { id: 'broken' });
    await rules.compiledRulesText([]);
    expect(compiled).toHaveLength(2);
    // The invalid entry is skipped; the valid import takes the built-in's place.
    expect(compiled[1]).toEqual(BUILTIN_PACKS.map((pack) => pack.id));
    expect(await rules.ruleDetails('en-loaded-labels', 'harbour')).toEqual({ packName: 'My labels', rule: IMPORTED.rules[0] });
  });

  it('sends rules that analyse as the packs do, without the packs', async () => {
    const rules = createRulesService({ builtin: BUILTIN_PACKS, storedImports: async () => [] });
    const text = await rules.compiledRulesText([]);
    const flags = analyzeText('Critics say the thugs clearly slammed the plan.', loadSnapshot(JSON.parse(text))).flags;
    expect(flags.map((flag) => flag.text)).toEqual(expect.arrayContaining(['Critics say', 'thugs', 'slammed']));
    // …and none of what the card shows: the page asks for that when a card opens.
    for (const rule of BUILTIN_PACKS.flatMap((pack) => pack.rules).slice(0, 50)) expect(text).not.toContain(JSON.stringify(rule.explanation));
  });

  it('tells the card about a rule, and answers null for one no pack has', async () => {
    const { rules } = service();
    const pack = BUILTIN_PACKS[0];
    expect(await rules.ruleDetails(pack.id, pack.rules[0].id)).toEqual({ packName: pack.name, rule: pack.rules[0] });
    expect(await rules.ruleDetails(pack.id, 'no-such-rule')).toBeNull();
    expect(await rules.ruleDetails('no-such-pack', pack.rules[0].id)).toBeNull();
  });
});

describe('the background answering rules requests', () => {
  it('answers this extension’s content scripts, and leaves everything else to other listeners', async () => {
    const { rules, compiled } = service();
    expect(answerRulesRequest(rules, { type: 'get-compiled-rules', disabledPacks: [] }, { id: 'other' }, 'self')).toBeUndefined();
    expect(answerRulesRequest(rules, { type: 'flag-count', count: 2 }, { id: 'self' }, 'self')).toBeUndefined();
    expect(answerRulesRequest(rules, { type: 'get-compiled-rules' }, { id: 'self' }, 'self')).toBeUndefined();
    expect(compiled).toHaveLength(0);
    await expect(answerRulesRequest(rules, { type: 'get-compiled-rules', disabledPacks: [] }, { id: 'self' }, 'self')).resolves.toBeTypeOf('string');
    const pack = BUILTIN_PACKS[1];
    await expect(answerRulesRequest(rules, { type: 'get-rule-details', packId: pack.id, ruleId: pack.rules[0].id }, { id: 'self' }, 'self')).resolves.toEqual({
      packName: pack.name,
      rule: pack.rules[0],
    });
  });
});

describe('the content script asking for the rules', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('sends the switched-off packs and parses the compiled rules', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue('{"format":2}' as never);
    await expect(requestCompiledRules(['en-certainty'])).resolves.toEqual({ format: 2 });
    expect(send).toHaveBeenCalledWith({ type: 'get-compiled-rules', disabledPacks: ['en-certainty'] });
  });

  it('fails with a clear message when the background sends something else', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ not: 'text' } as never);
    await expect(requestCompiledRules([])).rejects.toThrow('the background did not send the compiled rules');
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue('a string' as never);
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
