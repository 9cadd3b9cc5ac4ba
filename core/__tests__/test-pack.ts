import { PackSchema, type Pack, type PackInput } from '../schema';

type RuleInput = PackInput['rules'][number];

/** A small pack for engine tests: fills in the fields each test does not care about. */
export function testPack(rules: Array<Partial<RuleInput> & Pick<RuleInput, 'id' | 'kind' | 'category'>>, id = 'test'): Pack {
  return PackSchema.parse({
    id,
    name: 'Test pack',
    description: 'Rules for engine tests',
    version: '1.0.0',
    language: 'en',
    rules: rules.map((rule) => ({
      severity: 'medium',
      explanation: 'An explanation that is long enough.',
      reference: { title: 'Loaded language', url: 'https://en.wikipedia.org/wiki/Loaded_language' },
      examples: { flag: ['example'], pass: ['example'] },
      ...rule,
    })),
  });
}
