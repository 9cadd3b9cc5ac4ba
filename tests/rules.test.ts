/**
 * Convention test for rules/: every pack parses, is shipped, has unique ids, and every rule's
 * own examples behave as stated when run through the real engine with all built-in packs
 * compiled together (the configuration readers get).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeText, compilePacks, PackSchema, parsePackJson, type AnalysisResult, type Rule } from '../core';
import { BUILTIN_PACK_FILES, BUILTIN_PACKS, withDefaults } from '../core/builtin-packs';

const rulesDirectory = fileURLToPath(new URL('../rules/', import.meta.url));
const packFiles = readdirSync(rulesDirectory).filter((name) => name.endsWith('.json') && name !== 'pack.schema.json');
const compiled = compilePacks(BUILTIN_PACKS);

/** Whether `rule` fired on the example in the way its kind promises. */
function ruleFired(result: AnalysisResult, packId: string, rule: Rule): boolean {
  const mine = (item: { packId: string; ruleId: string }) => item.packId === packId && item.ruleId === rule.id;
  if (rule.kind === 'attribution-cue') return result.attributions.some(mine);
  if (rule.kind === 'assertion-cue') {
    return result.matches.some(
      (match) =>
        mine(match) &&
        result.flags.some(
          (flag) => flag.kind === 'unsourced-assertion' && flag.sentenceStart === match.sentenceStart && flag.trigger?.start === match.start,
        ),
    );
  }
  return result.flags.some(mine);
}

describe('rule packs in rules/', () => {
  it('has the packs that ship', () => {
    expect(packFiles.length).toBeGreaterThanOrEqual(6);
  });

  it.each(packFiles)('%s is a valid pack', (file) => {
    const parsed = parsePackJson(readFileSync(rulesDirectory + file, 'utf8'));
    if (!parsed.ok) {
      throw new Error(`rules/${file}:\n${parsed.problems.map((problem) => `  ${problem.path}: ${problem.message}`).join('\n')}`);
    }
    expect(`${parsed.pack.id}.json`).toBe(file);
  });

  it.each(packFiles)('%s is shipped with the extension', (file) => {
    expect(Object.keys(BUILTIN_PACK_FILES)).toContain(file);
  });

  it.each(Object.keys(BUILTIN_PACK_FILES))('%s loads at run time exactly as the schema parses it', (file) => {
    expect(withDefaults(BUILTIN_PACK_FILES[file])).toEqual(PackSchema.parse(BUILTIN_PACK_FILES[file]));
  });

  it('uses each pack id once', () => {
    const ids = BUILTIN_PACKS.map((pack) => pack.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('ships at least 600 curated loaded-language rules', () => {
    const loaded = BUILTIN_PACKS.flatMap((pack) => pack.rules).filter((rule) => rule.kind === 'loaded-term');
    expect(loaded.length).toBeGreaterThanOrEqual(600);
  });
});

for (const pack of BUILTIN_PACKS) {
  describe(`examples of ${pack.id}`, () => {
    const cases = pack.rules.flatMap((rule) => [
      ...rule.examples.flag.map((example) => ({ rule, example, expected: true })),
      ...rule.examples.pass.map((example) => ({ rule, example, expected: false })),
    ]);
    it.each(cases.map((c) => [c.rule.id, c.expected ? 'flags' : 'does not flag', c.example, c] as const))(
      '%s %s: %s',
      (_id, _verb, example, { rule, expected }) => {
        const result = analyzeText(example, compiled);
        expect(ruleFired(result, pack.id, rule), JSON.stringify(result.flags.map((flag) => [flag.ruleId, flag.text]))).toBe(expected);
      },
    );
  });
}
