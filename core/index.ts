/** The analysis core: pure TypeScript, no DOM, no browser API. */
export { compilePacks, createCompilation, findRule, type CompiledRules, type CompiledRule, type ResumableCompilation } from './compile';
export { analyzeText, createAnalysis, type AnalysisResult, type ResumableAnalysis, type RuleMatch } from './analyze';
export * from './schema';
export * from './flag';
export * from './labels';
