/**
 * Everything heavy the analysis needs: the compiler and the analyzer (the built-in packs come
 * from the background). The page session imports it lazily, so pages that are never analysed
 * (most of the web) never pay for it.
 */
export { createAnalysis, createCompilation, findRule } from '../core';
export { enabledPacks, loadAvailablePacks } from '../utils/packs';
