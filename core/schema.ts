/**
 * The rule-pack format. Every pack in `rules/` and every pack a user imports is validated
 * with these schemas; the JSON Schema in `rules/pack.schema.json` is generated from them
 * (`npm run schema`) and a test keeps the two in sync.
 */
import { z } from 'zod';

/** kebab-case identifiers keep ids stable in URLs, storage keys and CLI flags. */
const Identifier = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single hyphens');

/**
 * A phrase is literal words separated by spaces. Matching ignores case, treats hyphens as
 * spaces ("so-called" = "so called") and curly apostrophes as straight ones. The only
 * non-literal token is `...`, a gap of one to three arbitrary words ("exactly how ... want it").
 * There are no regular expressions, so no pack can make matching slow.
 */
export const PhraseSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(120, 'must be at most 120 characters: a phrase is a few words, not a passage')
  .refine((phrase) => !/^\.\.\.|\.\.\.$/.test(phrase.trim()), 'must not start or end with the gap token "..."')
  .refine((phrase) => /[\p{L}\p{N}]/u.test(phrase), 'must contain at least one letter or digit');

export const SeveritySchema = z.enum(['low', 'medium', 'high']);

/**
 * What a rule does. Kinds that produce a flag a reader sees: `loaded-term`, `distancing`
 * (shown as a scare quote), `scare-quote` (structural: a short quoted fragment with no
 * speaker), `vague-attribution`, and `assertion-cue` (marks a sentence as a claim of fact,
 * motive, causation or certainty; the sentence is flagged only when nothing attributes it).
 * `attribution-cue` produces no flag: it is what makes a sentence sourced.
 */
export const RuleKindSchema = z.enum([
  'loaded-term',
  'distancing',
  'scare-quote',
  'vague-attribution',
  'assertion-cue',
  'attribution-cue',
]);

export const CategorySchema = z.enum([
  // loaded terms
  'contentious-label',
  'name-calling',
  'emotive-intensifier',
  'editorializing',
  'puffery',
  'euphemism',
  'dysphemism',
  'fear-appeal',
  'exaggeration',
  // distancing
  'distancing',
  'scare-quote',
  // assertions
  'certainty-marker',
  'motive-claim',
  'causal-claim',
  'generalization',
  'unsupported-statistic',
  // attribution
  'vague-attribution',
  'reporting-verb',
  'source-phrase',
  'document-source',
]);

/**
 * How a rule's phrases inflect. `noun` adds plural forms to the last word (thug → thugs,
 * atrocity → atrocities); `verb` adds -s, -ed and -ing forms to the first word
 * (slam → slams, slammed, slamming). Irregular forms are listed as phrases of their own.
 */
export const InflectionSchema = z.enum(['none', 'noun', 'verb']);

/**
 * Where a word is neutral. `sentence-has`: one of the phrases occurs anywhere in the
 * sentence ("alleged" in court reporting); `before`: one of the phrases ends right before
 * the match; `after`: one starts right after it.
 */
export const ExceptionSchema = z.object({
  when: z.enum(['sentence-has', 'before', 'after']),
  phrases: z.array(PhraseSchema).min(1),
  note: z.string().min(5, 'say why the word is neutral here'),
});

/**
 * Role of an attribution cue. `reporting-verb` ("said", "told") attributes only with a
 * source beside it; `source-phrase` ("according to", "in a statement") attributes by
 * itself; `document` ("court records show", "data from") cites a document or data.
 */
export const AttributionRoleSchema = z.enum(['reporting-verb', 'source-phrase', 'document']);

export const ReferenceSchema = z.object({
  title: z.string().min(1),
  url: z.string().url().refine((url) => url.startsWith('https://'), 'must be an https:// URL'),
});

export const RuleSchema = z
  .object({
    id: Identifier,
    kind: RuleKindSchema,
    category: CategorySchema,
    phrases: z.array(PhraseSchema).max(500).default([]),
    inflect: InflectionSchema.default('none'),
    /** Match only with this exact letter case, e.g. acronyms or capitalised labels. */
    caseSensitive: z.boolean().default(false),
    role: AttributionRoleSchema.optional(),
    /** For `scare-quote` rules: the longest quoted fragment, in words, still read as distancing. */
    maxWords: z.number().int().min(1).max(8).optional(),
    severity: SeveritySchema,
    explanation: z.string().min(20, 'must explain to a reader why this matters (20 characters or more)').max(1000),
    alternatives: z.array(z.string().min(1).max(80)).max(12).default([]),
    reference: ReferenceSchema,
    exceptions: z.array(ExceptionSchema).max(20).default([]),
    examples: z.object({
      flag: z.array(z.string().min(1).max(1000)).min(1, 'needs at least one example that must be flagged'),
      pass: z.array(z.string().min(1).max(1000)).min(1, 'needs at least one example that must not be flagged'),
    }),
  })
  .superRefine((rule, ctx) => {
    if (rule.kind !== 'scare-quote' && rule.phrases.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['phrases'], message: `a ${rule.kind} rule needs at least one phrase` });
    }
    if (rule.kind === 'attribution-cue' && !rule.role) {
      ctx.addIssue({ code: 'custom', path: ['role'], message: 'an attribution-cue rule needs a role' });
    }
  });

export const PackSchema = z
  .object({
    $schema: z.string().optional(),
    id: Identifier,
    name: z.string().min(1).max(80),
    description: z.string().min(1).max(500),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as 1.0.0'),
    language: z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'must be a language tag such as "en"'),
    rules: z.array(RuleSchema).min(1).max(5000),
  })
  .superRefine((pack, ctx) => {
    const seen = new Set<string>();
    pack.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) {
        ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `duplicate rule id "${rule.id}"` });
      }
      seen.add(rule.id);
    });
  });

export type Pack = z.infer<typeof PackSchema>;
export type PackInput = z.input<typeof PackSchema>;
export type Rule = z.infer<typeof RuleSchema>;
export type RuleKind = z.infer<typeof RuleKindSchema>;
export type Category = z.infer<typeof CategorySchema>;
export type Severity = z.infer<typeof SeveritySchema>;
export type RuleException = z.infer<typeof ExceptionSchema>;

/** One problem in a pack, located by a JSON path such as `rules[3].phrases[0]`. */
export interface PackProblem {
  path: string;
  message: string;
}

export type PackParseResult = { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] };

/** Formats a zod issue path the way pack authors read it: `rules[3].phrases[0]`. */
export function formatJsonPath(path: ReadonlyArray<PropertyKey>): string {
  let formatted = '';
  for (const segment of path) {
    if (typeof segment === 'number') formatted += `[${segment}]`;
    else formatted += formatted ? `.${String(segment)}` : String(segment);
  }
  return formatted || '(pack)';
}

/** Validates unknown data as a pack and returns every problem with its JSON path. */
export function parsePack(data: unknown): PackParseResult {
  const result = PackSchema.safeParse(data);
  if (result.success) return { ok: true, pack: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({ path: formatJsonPath(issue.path), message: issue.message })),
  };
}

/** Parses pack JSON text; malformed JSON is reported as a problem, not thrown. */
export function parsePackJson(text: string): PackParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '(file)', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  return parsePack(data);
}
