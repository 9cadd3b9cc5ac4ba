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
import { withDefaults } from './pack-defaults';
import type { Pack } from './schema';

export { withDefaults };

/** File name in rules/ → pack data, as imported. */
export const BUILTIN_PACK_FILES: Readonly<Record<string, unknown>> = {
  'en-loaded-labels.json': loadedLabels,
  'en-loaded-emotive.json': loadedEmotive,
  'en-distancing.json': distancing,
  'en-vague-attribution.json': vagueAttribution,
  'en-certainty.json': certainty,
  'en-attribution.json': attribution,
};

export const BUILTIN_PACKS: readonly Pack[] = Object.values(BUILTIN_PACK_FILES).map(withDefaults);
