/**
 * Everything heavy the analysis needs: the compiler and the analyzer (the built-in packs come
 * from the background). The page session imports it lazily, so pages that are never analysed
 * (most of the web) never evaluate it. Imported from the core's modules rather than its index,
 * which also re-exports the pack schema: that would build zod's schemas in every analysed page.
 */
export { createAnalysis } from '../core/analyze';
export { createCompilation, findRule } from '../core/compile';
export { enabledPacks, loadAvailablePacks } from '../utils/packs';
