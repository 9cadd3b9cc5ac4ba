/**
 * Everything heavy the analysis needs: the built-in packs (parsed when this module is
 * evaluated), the compiler and the analyzer. The page session imports it lazily, so pages
 * that are never analysed (most of the web) never pay for it.
 */
export { compilePacks, createAnalysis, createCompilation, findRule } from '../core';
export { enabledPacks, loadAvailablePacks } from '../utils/packs';
