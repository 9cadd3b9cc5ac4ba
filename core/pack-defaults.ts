/** Schema defaults for packs that are already known to be valid (built-in packs). */
import type { Pack, PackInput, Rule } from './schema';

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
