/**
 * Sentences of the analyzed blocks. Boundaries follow the Unicode sentence rules (UAX #29, the
 * rules of `Intl.Segmenter`; see ./sentence-breaks), with breaks after titles such as "Mr."
 * and "Sen." undone. Most blocks of news hold a single sentence, which a character check finds
 * without running the rules at all.
 */
import { CLOSING, codePointAt, flagsAt, SENTENCE_BREAK, TERMINATOR } from './characters';
import type { TextSpan } from './flag';
import { sentenceEnds } from './sentence-breaks';

/**
 * Titles and initials that end in a full stop without ending the sentence. The Unicode rules
 * break after "Mr." and "Sen.", which would cut "…, said Sen. Warren." in two and lose the
 * speaker; such a break is undone.
 */
const ABBREVIATION_BEFORE_BREAK =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Messrs|Dr|Prof|Sen|Sens|Rep|Reps|Gov|Govs|Gen|Lt|Col|Maj|Capt|Cmdr|Sgt|Adm|Rev|Fr|St|Jr|Sr|Hon|Pres|Supt|Insp|Det|No|Nos|Vol|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|U\.S|U\.K|U\.N|[A-Z])\.$/;

/**
 * Whether text[start, end) is the end of a one-sentence block, from its first terminator:
 * terminators, each run followed by closing marks and then spaces (UAX #29 rules SB8a–SB11),
 * that is `/^(?:[\p{Sentence_Terminal}\u2024\uFE52\uFF0E]+[\p{Ps}\p{Pe}\p{Pf}\p{Pi}"']*[ \t\u00a0]*)+$/u`.
 * A closing mark after a space starts a new "sentence" under the rules, so that case is left to them.
 */
export function isSentenceTail(text: string, start: number, end: number): boolean {
  // What the last character was: nothing yet, a terminator, a closing mark, a space.
  let last: 'none' | 'terminator' | 'closing' | 'space' = 'none';
  for (let at = start; at < end; ) {
    const codePoint = codePointAt(text, at);
    const flags = flagsAt(text, at);
    if ((flags & TERMINATOR) !== 0) last = 'terminator';
    else if ((flags & CLOSING) !== 0 && (last === 'terminator' || last === 'closing')) last = 'closing';
    else if ((codePoint === 0x20 || codePoint === 0x09 || codePoint === 0xa0) && last !== 'none') last = 'space';
    else return false;
    at += codePoint > 0xffff ? 2 : 1;
  }
  return last !== 'none';
}

/** Whether text[start, end) may hold more than one sentence: a terminator or paragraph separator before its end. */
function mayHoldSeveralSentences(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    // A surrogate pair is looked up as one code point at its first half; its second half is no break.
    if ((flagsAt(text, at) & SENTENCE_BREAK) !== 0) return !isSentenceTail(text, at, end);
  }
  return false;
}

function isSpace(character: string): boolean {
  return character === ' ' || /\s/.test(character);
}

/** The sentences of one block, trimmed; no sentence ever crosses a block boundary. */
export function blockSentences(text: string, block: TextSpan): TextSpan[] {
  const ends = mayHoldSeveralSentences(text, block.start, block.end) ? sentenceEnds(text, block.start, block.end) : [block.end];
  const spans: TextSpan[] = [];
  let mergeWithPrevious = false;
  let from = block.start;
  for (const to of ends) {
    let start = from;
    let end = to;
    from = to;
    while (start < end && isSpace(text[start])) start++;
    while (end > start && isSpace(text[end - 1])) end--;
    if (end <= start) continue;
    if (mergeWithPrevious && spans.length > 0) spans[spans.length - 1].end = end;
    else spans.push({ start, end });
    mergeWithPrevious = ABBREVIATION_BEFORE_BREAK.test(text.slice(Math.max(start, end - 8), end));
  }
  return spans;
}
