/**
 * Everything heavy the analysis needs: the compiler and the analyzer (the packs come from the
 * background). The page session imports it lazily, so pages that are never analysed (most of
 * the web) never evaluate it. Imported from the core's modules rather than its index, which
 * also re-exports the pack schema and would bring zod into the content script.
 */
export { createAnalysis } from '../core/analyze';
export { createCompilation, findRule } from '../core/compile';
export { loadSnapshot } from '../core/snapshot';
export { enabledPacks } from '../utils/packs';
