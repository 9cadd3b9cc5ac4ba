/**
 * Everything heavy the analysis needs: the analyzer, and the loader of the rules the
 * background compiled (the page never sees the packs themselves). The page session imports it lazily, so pages that are never analysed (most of
 * the web) never evaluate it. Imported from the core's modules rather than its index, which
 * also re-exports the pack schema and would bring zod into the content script.
 */
export { createAnalysis } from '../core/analyze';
export { loadSnapshot } from '../core/snapshot';
