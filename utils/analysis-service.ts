/**
 * The background analyses the pages' text. It holds the packs (built-in, and the reader's
 * imports, validated here with zod), compiles the set a page asks for once, and runs the
 * analysis core on the text a content script sends; the page gets back its flags.
 *
 * Why here and not in the page: in a page the analysis runs once, cold, in V8's interpreter,
 * and with the compiled rules it had to receive (a megabyte message is rebuilt on the page's
 * main thread in one 40–80 ms task) it cost 60–120 ms of the page's main thread. The
 * background's engine stays compiled and warm between pages and works on its own thread; the
 * page keeps only what needs its DOM: finding the article, mapping its text, painting flags.
 * Nothing leaves the browser: the background is part of the extension.
 */
import { browser } from '#imports';
import { analyzeText } from '../core/analyze';
import { compilePacks, findRule, type CompiledRules } from '../core/compile';
import type { Flag, StructureHints } from '../core/flag';
import type { Pack, Rule } from '../core/schema';
import type { MessageSenderLike } from './flag-count-badge';
import { validStoredPacks } from './imported-packs';
import { BackgroundRequestSchema, type BackgroundRequest } from './messages';
import { enabledPacks } from './packs';

/** What the card tells a reader about a rule. */
export interface RuleDetails {
  packName: string;
  rule: Rule;
}

/** What a page needs of an analysis: its flags, and the counts the popup shows. */
export interface AnalysisReply {
  flags: Flag[];
  words: number;
  attributedSentences: number;
}

export interface AnalysisServiceOptions {
  builtin: readonly Pack[];
  /** The reader's imported packs as stored (not yet validated). */
  storedImports: () => Promise<readonly unknown[]>;
  /** Compiles packs; a test may count the calls. */
  compile?: (packs: readonly Pack[]) => CompiledRules;
}

/** Compilations kept for pack sets asked for recently: one per combination of switched-off packs a reader uses. */
const CACHED_COMPILATIONS = 4;

export interface AnalysisService {
  /** The enabled packs (all but `disabledPacks`) compiled, from the cache when they were before. */
  compiledRules(disabledPacks: readonly string[]): Promise<CompiledRules>;
  analyze(disabledPacks: readonly string[], text: string, hints: StructureHints): Promise<AnalysisReply>;
  ruleDetails(packId: string, ruleId: string): Promise<RuleDetails | null>;
}

export function createAnalysisService({ builtin, storedImports, compile = compilePacks }: AnalysisServiceOptions): AnalysisService {
  let imports: { stored: string; packs: Pack[] } | undefined;
  const compilations = new Map<string, CompiledRules>();

  /** Validated once per change: storage is read on every request, so a new import counts at once. */
  async function importedPacks(): Promise<{ stored: string; packs: Pack[] }> {
    const stored = await storedImports();
    const text = JSON.stringify(stored);
    if (imports?.stored !== text) imports = { stored: text, packs: validStoredPacks(stored) };
    return imports;
  }

  async function compiledRules(disabledPacks: readonly string[]): Promise<CompiledRules> {
    const { stored, packs: imported } = await importedPacks();
    const key = JSON.stringify([[...disabledPacks].sort(), stored]);
    let compiled = compilations.get(key);
    if (compiled === undefined) {
      compiled = compile(enabledPacks({ builtin, imported }, { disabledPacks: [...disabledPacks] }));
      if (compilations.size >= CACHED_COMPILATIONS) compilations.delete(compilations.keys().next().value!);
    } else {
      compilations.delete(key);
    }
    // Most recently used last: the first key is the one to forget.
    compilations.set(key, compiled);
    return compiled;
  }

  return {
    compiledRules,
    async analyze(disabledPacks, text, hints) {
      const { flags, stats } = analyzeText(text, await compiledRules(disabledPacks), hints);
      return { flags, words: stats.words, attributedSentences: stats.attributedSentences };
    },
    async ruleDetails(packId, ruleId) {
      const { packs: imported } = await importedPacks();
      // Switched-off packs included: a card may still be open on one of their flags.
      const found = findRule(enabledPacks({ builtin, imported }, { disabledPacks: [] }), packId, ruleId);
      return found ? { packName: found.pack.name, rule: found.rule } : null;
    },
  };
}

/**
 * The service's answer to a request from this extension's own content scripts and pages, or
 * undefined for anything else (another request, another extension) so that other listeners
 * can answer it.
 */
export function answerAnalysisRequest(
  service: AnalysisService,
  message: unknown,
  sender: MessageSenderLike,
  extensionId: string = browser.runtime.id,
): Promise<AnalysisReply | RuleDetails | boolean | null> | undefined {
  if (sender.id !== extensionId) return undefined;
  const parsed = BackgroundRequestSchema.safeParse(message);
  if (!parsed.success) return undefined;
  const request: BackgroundRequest = parsed.data;
  switch (request.type) {
    case 'prepare-analysis':
      return service.compiledRules(request.disabledPacks).then(() => true);
    case 'analyze-text':
      return service.analyze(request.disabledPacks, request.text, request.hints);
    case 'get-rule-details':
      return service.ruleDetails(request.packId, request.ruleId);
    default:
      return undefined;
  }
}
