/**
 * The background's side of the rules: it holds the packs (built-in, and the reader's imports,
 * validated here with zod) and compiles the ones a page needs. A content script, which runs on
 * every page, receives only the compiled rules (core/snapshot.ts) and asks for a rule's
 * explanation when the reader opens a card. Packs are a megabyte of phrases, examples and
 * explanations; parsing and compiling them on every page cost tens of milliseconds of the
 * page's main thread, and here they cost none of it.
 *
 * The compiled rules travel as JSON text, not as an object: the browser serializes a message's
 * objects value by value and rebuilds them in the page's main thread, while a string crosses
 * as a single value.
 */
import { browser } from '#imports';
import { compilePacks } from '../core/compile';
import type { Pack, Rule } from '../core/schema';
import { snapshotOf } from '../core/snapshot';
import type { MessageSenderLike } from './flag-count-badge';
import { validStoredPacks } from './imported-packs';
import { BackgroundRequestSchema, type BackgroundRequest } from './messages';
import { enabledPacks } from './packs';

/** What the card tells a reader about a rule. */
export interface RuleDetails {
  packName: string;
  rule: Rule;
}

export interface RulesServiceOptions {
  builtin: readonly Pack[];
  /** The reader's imported packs as stored (not yet validated). */
  storedImports: () => Promise<readonly unknown[]>;
  /** Packs to the JSON text sent to pages; compiling and serializing unless a test counts the calls. */
  compile?: (packs: readonly Pack[]) => string;
}

const compileToText = (packs: readonly Pack[]) => JSON.stringify(snapshotOf(compilePacks(packs)));

/** Compilations kept for pack sets asked for recently: one per combination of switched-off packs a reader uses. */
const CACHED_COMPILATIONS = 4;

export interface RulesService {
  /** The enabled packs (all but `disabledPacks`) compiled, as JSON text of a CompiledSnapshot. */
  compiledRulesText(disabledPacks: readonly string[]): Promise<string>;
  ruleDetails(packId: string, ruleId: string): Promise<RuleDetails | null>;
}

export function createRulesService({ builtin, storedImports, compile = compileToText }: RulesServiceOptions): RulesService {
  let imports: { stored: string; packs: Pack[] } | undefined;
  const compilations = new Map<string, string>();

  /** Validated once per change: storage is read on every request, so a new import counts at once. */
  async function importedPacks(): Promise<{ stored: string; packs: Pack[] }> {
    const stored = await storedImports();
    const text = JSON.stringify(stored);
    if (imports?.stored !== text) imports = { stored: text, packs: validStoredPacks(stored) };
    return imports;
  }

  return {
    async compiledRulesText(disabledPacks) {
      const { stored, packs: imported } = await importedPacks();
      const key = JSON.stringify([[...disabledPacks].sort(), stored]);
      let text = compilations.get(key);
      if (text === undefined) {
        text = compile(enabledPacks({ builtin, imported }, { disabledPacks: [...disabledPacks] }));
        if (compilations.size >= CACHED_COMPILATIONS) compilations.delete(compilations.keys().next().value!);
      } else {
        compilations.delete(key);
      }
      // Most recently used last: the first key is the one to forget.
      compilations.set(key, text);
      return text;
    },
    async ruleDetails(packId, ruleId) {
      const { packs: imported } = await importedPacks();
      // An import with a built-in's id replaces it, as in enabledPacks.
      const pack = [...imported].reverse().find((candidate) => candidate.id === packId) ?? builtin.find((candidate) => candidate.id === packId);
      const rule = pack?.rules.find((candidate) => candidate.id === ruleId);
      return pack && rule ? { packName: pack.name, rule } : null;
    },
  };
}

/**
 * The service's answer to a rules request from this extension's own content scripts and
 * pages, or undefined for anything else (another request, another extension) so that other
 * listeners can answer it.
 */
export function answerRulesRequest(
  service: RulesService,
  message: unknown,
  sender: MessageSenderLike,
  extensionId: string = browser.runtime.id,
): Promise<string | RuleDetails | null> | undefined {
  if (sender.id !== extensionId) return undefined;
  const parsed = BackgroundRequestSchema.safeParse(message);
  if (!parsed.success) return undefined;
  const request: BackgroundRequest = parsed.data;
  switch (request.type) {
    case 'get-compiled-rules':
      return service.compiledRulesText(request.disabledPacks);
    case 'get-rule-details':
      return service.ruleDetails(request.packId, request.ruleId);
    default:
      return undefined;
  }
}
