/**
 * Sentences of the analyzed blocks. Sentence boundaries are Intl.Segmenter's (Unicode UAX #29),
 * with two costs kept down: most blocks of news hold a single sentence, which a character check
 * finds without the segmenter; and the blocks that do need it are segmented many at a time,
 * because each call to the segmenter costs as much as segmenting a few hundred characters.
 */
import { ASCII_FLAGS, characterFlags, codePointAt, SENTENCE_BREAK } from './characters';
import type { TextSpan } from './flag';

/**
 * Titles and initials that end in a full stop without ending the sentence. V8's segmenter
 * breaks after "Mr." and "Sen.", which would cut "…, said Sen. Warren." in two and lose the
 * speaker; such a break is undone.
 */
const ABBREVIATION_BEFORE_BREAK =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Messrs|Dr|Prof|Sen|Sens|Rep|Reps|Gov|Govs|Gen|Lt|Col|Maj|Capt|Cmdr|Sgt|Adm|Rev|Fr|St|Jr|Sr|Hon|Pres|Supt|Insp|Det|No|Nos|Vol|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|U\.S|U\.K|U\.N|[A-Z])\.$/;

let sentenceSegmenter: Intl.Segmenter | undefined;

/**
 * Characters segmented per `Intl.Segmenter` call: walking one segmentation of a long text is
 * quadratic in V8 (3,000 lines: 0.25 s per line vs 18 s in one go); a few kilobytes per call is fastest.
 */
const SEGMENT_CHUNK = 4096;
/** How far ahead the reader looks for more blocks to segment in the same call. */
const LOOKAHEAD_BLOCKS = 64;

/** Where to cut a long block for segmentation: after sentence-ending punctuation and space. */
const SAFE_CUT = /[.!?]["”’')\]]*\s+/g;

/**
 * The end of a one-sentence block, from its first terminator: terminators, each run followed by
 * closing marks and then spaces (UAX #29 rules SB8a–SB11). A closing mark after a space starts a
 * new "sentence" for the segmenter, so that case is left to it.
 */
const SENTENCE_TAIL =
  /^(?:[\p{Sentence_Terminal}\u2024\uFE52\uFF0E]+[\p{Ps}\p{Pe}\p{Pf}\p{Pi}"']*[ \t\u00a0]*)+$/u;

/**
 * Whether text[start, end) may hold more than one sentence. Most paragraphs of news hold one,
 * and asking the segmenter costs far more than this check: about a tenth of all analysis time.
 */
function mayHoldSeveralSentences(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const unit = text.charCodeAt(at);
    // A surrogate pair is looked up as one code point at its first half; its second half is no break.
    const flags = unit < 0x80 ? ASCII_FLAGS[unit] : characterFlags(codePointAt(text, at));
    if ((flags & SENTENCE_BREAK) !== 0) return !SENTENCE_TAIL.test(text.slice(at, end));
  }
  return false;
}

/** Segment ends (exclusive offsets into `text`) of text[start, end), a few kilobytes per call. */
function segmentEnds(text: string, start: number, end: number): number[] {
  sentenceSegmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const ends: number[] = [];
  for (let piece = start; piece < end; ) {
    let cut = end;
    if (end - piece > SEGMENT_CHUNK) {
      SAFE_CUT.lastIndex = piece + SEGMENT_CHUNK;
      const found = SAFE_CUT.exec(text);
      cut = found && found.index < end ? Math.min(end, found.index + found[0].length) : end;
    }
    for (const segment of sentenceSegmenter.segment(text.slice(piece, cut))) {
      ends.push(piece + segment.index + segment.segment.length);
    }
    piece = cut;
  }
  return ends;
}

/**
 * Segment ends of several blocks from one segmenter call: the blocks are joined with line
 * breaks, where the Unicode rules always break (SB4) and never look across, so each block is
 * cut exactly as if it were segmented alone. Returns each block's ends as offsets into `text`.
 */
function segmentBlocks(text: string, batch: TextSpan[]): number[][] {
  const joined = batch.map((block) => text.slice(block.start, block.end)).join('\n');
  const joinedEnds = segmentEnds(joined, 0, joined.length);
  const ends: number[][] = batch.map(() => []);
  let index = 0;
  let base = 0;
  for (const joinedEnd of joinedEnds) {
    // The line break after a block ends that block's last segment.
    while (index < batch.length - 1 && joinedEnd > base + (batch[index].end - batch[index].start) + 1) {
      base += batch[index].end - batch[index].start + 1;
      index++;
    }
    const block = batch[index];
    ends[index].push(Math.min(block.start + (joinedEnd - base), block.end));
  }
  return ends;
}

function isSpace(character: string): boolean {
  return character === ' ' || /\s/.test(character);
}

/** Sentence spans of `block` from its segment ends, trimmed, with breaks after titles undone. */
function spansFromEnds(text: string, block: TextSpan, ends: readonly number[]): TextSpan[] {
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

/**
 * Reads the sentences of `blocks`, one block at a time and in order; no sentence ever crosses
 * a block boundary. A block that needs the segmenter is segmented together with the next ones
 * that do, up to a few kilobytes.
 */
export function createSentenceReader(text: string, blocks: readonly TextSpan[]): (blockIndex: number) => TextSpan[] {
  const needsSegmenter: Array<boolean | undefined> = [];
  const needs = (index: number): boolean =>
    (needsSegmenter[index] ??= mayHoldSeveralSentences(text, blocks[index].start, blocks[index].end));
  const segmented = new Map<number, number[]>();

  return (blockIndex) => {
    const block = blocks[blockIndex];
    if (!needs(blockIndex)) return spansFromEnds(text, block, [block.end]);
    let ends = segmented.get(blockIndex);
    if (ends === undefined) {
      const batch = [blockIndex];
      let characters = block.end - block.start;
      for (let next = blockIndex + 1; next < blocks.length && next <= blockIndex + LOOKAHEAD_BLOCKS && characters < SEGMENT_CHUNK; next++) {
        if (!needs(next)) continue;
        const length = blocks[next].end - blocks[next].start;
        if (characters + length > SEGMENT_CHUNK) break;
        batch.push(next);
        characters += length + 1;
      }
      const batchEnds = segmentBlocks(text, batch.map((index) => blocks[index]));
      batch.forEach((index, position) => segmented.set(index, batchEnds[position]));
      ends = batchEnds[0];
    }
    segmented.delete(blockIndex);
    return spansFromEnds(text, block, ends);
  };
}
