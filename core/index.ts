/** The analysis core: pure TypeScript, no DOM, no browser API. */
export { compilePacks, findRule, type CompiledRules, type CompiledRule } from './compile';
export { analyzeText, type AnalysisResult, type RuleMatch } from './analyze';
export * from './schema';
export * from './flag';
export * from './labels';
