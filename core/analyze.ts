/**
 * The analysis: text (plus structure hints) in, flags out. Pure and synchronous, so the CLI,
 * the evaluation, the benchmark and the extension's background share one code path.
 */
import { flagsAt, letterWordStarts, UPPERCASE_LETTER } from './characters';
import { findPhraseMatches, type CompiledRule, type CompiledRules, type PhraseMatch } from './compile';
import type { AnalysisStats, Flag, FlagKind, StructureHints, TextSpan } from './flag';
import { CALLED, CONTINUING_PRONOUNS, NAMING_WORDS, SO } from './analysis-words';
import { findQuotations, type Quotation } from './quotes';
import { blockSentences } from './sentences';
import type { Category, RuleKind, Severity } from './schema';
import { emptyTokens, scanWords, type Tokens } from './tokenize';

/** A rule that matched and survived precedence, whether or not it became a flag. */
export interface RuleMatch {
  packId: string;
  ruleId: string;
  kind: RuleKind;
  category: Category;
  start: number;
  end: number;
  sentenceStart: number;
  sentenceEnd: number;
}

export interface AnalysisResult {
  flags: Flag[];
  stats: AnalysisStats;
  /** Every surviving phrase match, for rule authors and the pack example tests. */
  matches: RuleMatch[];
  /** The matches that made their sentence attributed. */
  attributions: RuleMatch[];
}

const FLAG_KIND_OF_RULE: Partial<Record<RuleKind, FlagKind>> = {
  'loaded-term': 'loaded-term',
  distancing: 'scare-quote',
  'vague-attribution': 'vague-attribution',
};

/** Kinds a reader sees as a phrase highlight; they compete with each other for overlapping words. */
const PHRASE_FLAG_KINDS = new Set<RuleKind>(['loaded-term', 'distancing', 'vague-attribution']);
/**
 * Kinds that decide whether a sentence is a sourced claim. Vague attribution is in both groups:
 * "critics say" must both be shown and swallow the "say" that would otherwise attribute.
 */
const SENTENCE_LOGIC_KINDS = new Set<RuleKind>(['attribution-cue', 'assertion-cue', 'vague-attribution']);

const DEFAULT_SCARE_QUOTE_WORDS = 3;

/**
 * Where one clause of a sentence ends and the next begins: a semicolon, a colon, a dash, or
 * a comma before a coordinating or contrasting conjunction ("…, but …").
 */
const CLAUSE_BREAK = /[;:]\s+|\s[—–]\s|—|,\s+(?:but|and|while|whereas|although|though|yet|so)\s/gi;

/**
 * The clause of `sentence` that holds `trigger`. The flag covers the claim itself, not the
 * neighbouring clause that merely reports an event ("He did appoint women to key posts, but
 * a vast majority of his appointments went to men": only the second clause is a claim).
 */
function clauseAround(text: string, sentence: TextSpan, trigger: TextSpan): TextSpan {
  let start = sentence.start;
  let end = sentence.end;
  CLAUSE_BREAK.lastIndex = sentence.start;
  let match: RegExpExecArray | null;
  while ((match = CLAUSE_BREAK.exec(text)) !== null && match.index < sentence.end) {
    const breakEnd = match.index + match[0].length;
    if (breakEnd <= trigger.start) start = breakEnd;
    else if (match.index >= trigger.end) {
      end = match.index;
      break;
    }
  }
  // A clause of two words is no claim on its own; fall back to the sentence.
  const clause = text.slice(start, end).trim();
  if (clause.split(/\s+/).length < 4) return sentence;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** Blocks for plain text: every line break ends one, so no sentence runs across lines. */
function lineBlocks(text: string): TextSpan[] {
  const blocks: TextSpan[] = [];
  let start = 0;
  for (let index = 0; index <= text.length; index++) {
    if (index === text.length || text[index] === '\n') {
      if (index > start) blocks.push({ start, end: index });
      start = index + 1;
    }
  }
  return blocks;
}

function overlaps(a: TextSpan, b: TextSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

function within(inner: TextSpan, outer: TextSpan): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

function sortedSpans(spans: TextSpan[] | undefined): TextSpan[] {
  return [...(spans ?? [])].sort((a, b) => a.start - b.start);
}

/** Whether any span in a start-sorted list overlaps [start, end); binary search keeps long pages cheap. */
function anyOverlap(sorted: TextSpan[], span: TextSpan): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle].end <= span.start) low = middle + 1;
    else high = middle;
  }
  for (let index = low; index < sorted.length && sorted[index].start < span.end; index++) {
    if (overlaps(sorted[index], span)) return true;
  }
  return false;
}

/** Whether `phrase` occurs at token `at`, within the sentence's tokens [from, to). */
function sequenceAt(ids: number[], at: number, phrase: number[], from: number, to: number): boolean {
  if (at < from || at + phrase.length > to) return false;
  for (let offset = 0; offset < phrase.length; offset++) if (ids[at + offset] !== phrase[offset]) return false;
  return true;
}

function isExcepted(match: PhraseMatch, tokens: Tokens, sentenceFrom: number, sentenceTo: number): boolean {
  for (const exception of match.compiled.exceptions) {
    for (const phrase of exception.phrases) {
      if (exception.when === 'before' && sequenceAt(tokens.ids, match.startToken - phrase.length, phrase, sentenceFrom, sentenceTo)) return true;
      if (exception.when === 'after' && sequenceAt(tokens.ids, match.endToken, phrase, sentenceFrom, sentenceTo)) return true;
      if (exception.when === 'sentence-has') {
        for (let at = sentenceFrom; at + phrase.length <= sentenceTo; at++) {
          if (sequenceAt(tokens.ids, at, phrase, sentenceFrom, sentenceTo)) return true;
        }
      }
    }
  }
  return false;
}

/** Longest match wins (in words, then characters), then the earlier one; overlapping losers are dropped. */
function resolveOverlaps(candidates: PhraseMatch[]): PhraseMatch[] {
  if (candidates.length < 2) return candidates;
  const ordered = [...candidates].sort(
    (a, b) =>
      b.endToken - b.startToken - (a.endToken - a.startToken) || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: PhraseMatch[] = [];
  for (const candidate of ordered) {
    if (!kept.some((other) => overlaps(other, candidate))) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function emptyByKind(): Record<FlagKind, number> {
  return { 'loaded-term': 0, 'scare-quote': 0, 'vague-attribution': 0, 'unsourced-assertion': 0 };
}

interface BlockState {
  block: TextSpan;
  sentences: TextSpan[];
  quotations: Quotation[];
  /** The block's words; each sentence reads its own range of them. */
  tokens: Tokens;
  /** The first token not yet consumed by a sentence. */
  nextToken: number;
  previousAttributed: boolean;
  /** The block before ended with a colon: it introduced this one ("The governor added:"), so this block is quoted speech. */
  introducedByPrevious: boolean;
}

function flagSource(compiled: CompiledRule): { packId: string; ruleId: string; category: Category; severity: Severity } {
  return {
    packId: compiled.packId,
    ruleId: compiled.ruleId,
    category: compiled.category,
    severity: compiled.severity,
  };
}

function toRuleMatch(match: PhraseMatch, sentence: TextSpan): RuleMatch {
  return {
    packId: match.compiled.packId,
    ruleId: match.compiled.ruleId,
    kind: match.compiled.kind,
    category: match.compiled.category,
    start: match.start,
    end: match.end,
    sentenceStart: sentence.start,
    sentenceEnd: sentence.end,
  };
}

/** Whether `span` lies inside a quotation of someone else (scare quotes are the writer's own). */
function quotedBySomeoneElse(span: TextSpan, quotations: Quotation[], scareQuotes: Quotation[]): boolean {
  for (const quotation of quotations) {
    if (within(span, quotation) && !scareQuotes.includes(quotation)) return true;
  }
  return false;
}

const NO_QUOTATIONS: Quotation[] = [];

/** Analyzes a whole text. */
export function analyzeText(text: string, compiled: CompiledRules, hints: StructureHints = {}): AnalysisResult {
  const blocks = hints.blocks ? sortedSpans(hints.blocks) : lineBlocks(text);
  const links = sortedSpans(hints.links);
  const blockquotes = sortedSpans(hints.blockquotes);
  const flags: Flag[] = [];
  const matches: RuleMatch[] = [];
  const attributions: RuleMatch[] = [];
  const byKind = emptyByKind();
  let words = 0;
  let sentenceCount = 0;
  let attributedSentences = 0;
  // One set of token arrays, refilled block after block: a page's worth of fresh arrays is
  // most of the garbage an analysis would otherwise make.
  const blockTokens = emptyTokens();
  const { vocabulary } = compiled;
  const continuingPronouns = new Set(CONTINUING_PRONOUNS.map((word) => vocabulary.idOf(word)));
  const namingWords = new Set(NAMING_WORDS.map((word) => vocabulary.idOf(word)));
  const so = vocabulary.idOf(SO);
  const called = vocabulary.idOf(CALLED);

  const scareQuoteRule = compiled.scareQuoteRule;
  const scareQuoteWords = scareQuoteRule?.maxWords ?? DEFAULT_SCARE_QUOTE_WORDS;

  const addFlag = (
    kind: FlagKind,
    source: { packId: string; ruleId: string; category: Category; severity: Severity },
    span: TextSpan,
    sentence: TextSpan,
    quoted: boolean,
    trigger?: TextSpan,
  ) => {
    byKind[kind]++;
    flags.push({
      id: `${span.start}:${span.end}:${source.packId}/${source.ruleId}`,
      kind,
      packId: source.packId,
      ruleId: source.ruleId,
      category: source.category,
      severity: source.severity,
      start: span.start,
      end: span.end,
      text: text.slice(span.start, span.end),
      quoted,
      sentenceStart: sentence.start,
      sentenceEnd: sentence.end,
      // Only the span: a match carries its compiled rule and pack, which must not travel with every flag.
      ...(trigger ? { trigger: { start: trigger.start, end: trigger.end, text: text.slice(trigger.start, trigger.end) } } : {}),
    });
  };

  /** A short quoted fragment that is no utterance, name or title: the writer keeping a word at arm's length. */
  const isScareQuote = (quotation: Quotation, sentence: TextSpan, tokens: Tokens, from: number): boolean => {
    if (!within(quotation, sentence)) return false;
    const inner = text.slice(quotation.innerStart, quotation.innerEnd).trim();
    if (inner.length === 0 || /[.!?,;:]$/.test(inner)) return false;
    const innerWords = letterWordStarts(inner);
    if (innerWords.length === 0 || innerWords.length > scareQuoteWords) return false;
    if (innerWords.every((start) => (flagsAt(inner, start) & UPPERCASE_LETTER) !== 0)) return false;
    // The sentence's last word before the quotation, if any.
    let previous = -1;
    for (let index = from; index < tokens.starts.length && tokens.starts[index] < quotation.start; index++) previous = index;
    if (previous < 0 || !namingWords.has(tokens.ids[previous])) return true;
    // "so-called “moderate”" distances twice; "called “Moderate Voice”" only names.
    return tokens.ids[previous] === called && previous > from && tokens.ids[previous - 1] === so;
  };

  const analyzeSentence = (state: BlockState, sentence: TextSpan) => {
    sentenceCount++;
    const { tokens } = state;
    // The sentence's words: those of the block that start inside it (sentences are read in order).
    let from = state.nextToken;
    while (from < tokens.starts.length && tokens.starts[from] < sentence.start) from++;
    let to = from;
    while (to < tokens.starts.length && tokens.starts[to] < sentence.end) to++;
    state.nextToken = to;
    words += to - from;

    const phraseCandidates: PhraseMatch[] = [];
    const logicCandidates: PhraseMatch[] = [];
    for (const match of findPhraseMatches(compiled, text, tokens, from, to)) {
      if (match.compiled.exceptions.length > 0 && isExcepted(match, tokens, from, to)) continue;
      const kind = match.compiled.kind;
      if (PHRASE_FLAG_KINDS.has(kind)) phraseCandidates.push(match);
      if (SENTENCE_LOGIC_KINDS.has(kind)) logicCandidates.push(match);
    }
    const phraseFlags = resolveOverlaps(phraseCandidates);
    const sentenceLogic = resolveOverlaps(logicCandidates);

    const quotations =
      state.quotations.length === 0 ? NO_QUOTATIONS : state.quotations.filter((quotation) => overlaps(quotation, sentence));
    const inBlockquote = anyOverlap(blockquotes, sentence);

    // Attribution: a cue in the sentence, a link, a blockquote, or the previous sentence's source carrying over.
    const attributingCues = sentenceLogic.filter((match) => match.compiled.kind === 'attribution-cue');
    const opensInsideQuotation = quotations.some((q) => q.start < sentence.start && q.end > sentence.start);
    const continuesPrevious =
      state.previousAttributed && (opensInsideQuotation || (from < to && continuingPronouns.has(tokens.ids[from])));
    // "Smith: “We will win.”" — a colon handing over to a quotation names its speaker.
    const introducesQuotation = quotations.some((q) => /:\s*$/.test(text.slice(Math.max(sentence.start, q.start - 3), q.start)));
    const attributed =
      attributingCues.length > 0 ||
      state.introducedByPrevious ||
      introducesQuotation ||
      inBlockquote ||
      anyOverlap(links, sentence) ||
      continuesPrevious;
    state.previousAttributed = attributed;
    if (attributed) attributedSentences++;
    for (const cue of attributingCues) attributions.push(toRuleMatch(cue, sentence));

    const scareQuotes =
      scareQuoteRule && !attributed && quotations.length > 0
        ? quotations.filter((quotation) => isScareQuote(quotation, sentence, tokens, from))
        : NO_QUOTATIONS;

    for (const match of phraseFlags) matches.push(toRuleMatch(match, sentence));
    for (const match of sentenceLogic) if (!phraseFlags.includes(match)) matches.push(toRuleMatch(match, sentence));

    for (const match of phraseFlags) {
      const kind = FLAG_KIND_OF_RULE[match.compiled.kind];
      if (!kind) continue;
      const quoted = inBlockquote || quotedBySomeoneElse(match, quotations, scareQuotes);
      addFlag(kind, flagSource(match.compiled), match, sentence, quoted);
    }
    if (scareQuoteRule) {
      for (const quotation of scareQuotes) addFlag('scare-quote', flagSource(scareQuoteRule), quotation, sentence, false);
    }

    // A question asks rather than asserts; a quoted claim belongs to its speaker.
    const isQuestion = text[sentence.end - 1] === '?' || text.slice(sentence.end - 2, sentence.end) === '?”';
    if (!attributed && !isQuestion) {
      const trigger = sentenceLogic.find(
        (match) => match.compiled.kind === 'assertion-cue' && !quotedBySomeoneElse(match, quotations, scareQuotes),
      );
      if (trigger) {
        addFlag('unsourced-assertion', flagSource(trigger.compiled), clauseAround(text, sentence, trigger), sentence, false, trigger);
      }
    }
  };

  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index];
    const previousBlock = blocks[index - 1];
    const state: BlockState = {
      block,
      sentences: blockSentences(text, block),
      quotations: findQuotations(text, block.start, block.end),
      tokens: scanWords(text, block.start, block.end, vocabulary, blockTokens),
      nextToken: 0,
      previousAttributed: false,
      introducedByPrevious: previousBlock !== undefined && /:\s*$/.test(text.slice(Math.max(previousBlock.start, previousBlock.end - 4), previousBlock.end)),
    };
    for (const sentence of state.sentences) analyzeSentence(state, sentence);
  }

  return {
    flags,
    matches,
    attributions,
    stats: {
      characters: text.length,
      words,
      sentences: sentenceCount,
      flags: flags.length,
      byKind: { ...byKind },
      attributedSentences,
    },
  };
}
