/**
 * The packs that ship with Unspun. Listed explicitly (not globbed) so the CLI under tsx, the
 * tests under vitest and the extension under Vite load the very same files; a convention test
 * checks that every pack in rules/ is listed here.
 */
import attribution from '../rules/en-attribution.json';
import certainty from '../rules/en-certainty.json';
import distancing from '../rules/en-distancing.json';
import loadedEmotive from '../rules/en-loaded-emotive.json';
import loadedLabels from '../rules/en-loaded-labels.json';
import vagueAttribution from '../rules/en-vague-attribution.json';
import type { Pack, PackInput, Rule } from './schema';

/** File name in rules/ → pack data, as imported. */
export const BUILTIN_PACK_FILES: Readonly<Record<string, unknown>> = {
  'en-loaded-labels.json': loadedLabels,
  'en-loaded-emotive.json': loadedEmotive,
  'en-distancing.json': distancing,
  'en-vague-attribution.json': vagueAttribution,
  'en-certainty.json': certainty,
  'en-attribution.json': attribution,
};

/**
 * Fills in the schema's defaults without validating. The built-in packs are validated by the
 * convention test on every change, and a test proves this gives exactly what
 * `PackSchema.parse` gives; running zod over thousands of phrases on every page load cost up
 * to a second on a slow machine, in the reader's page.
 */
export function withDefaults(data: unknown): Pack {
  const pack = data as PackInput;
  return {
    ...pack,
    rules: pack.rules.map(
      (rule): Rule => ({
        ...rule,
        phrases: (rule.phrases ?? []).map((phrase) => phrase.trim()),
        inflect: rule.inflect ?? 'none',
        caseSensitive: rule.caseSensitive ?? false,
        alternatives: rule.alternatives ?? [],
        exceptions: (rule.exceptions ?? []).map((exception) => ({
          ...exception,
          phrases: exception.phrases.map((phrase) => phrase.trim()),
        })),
      }),
    ),
  };
}

export const BUILTIN_PACKS: readonly Pack[] = Object.values(BUILTIN_PACK_FILES).map(withDefaults);
