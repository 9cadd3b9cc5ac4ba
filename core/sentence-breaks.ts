/**
 * Sentence boundaries by the Unicode default rules (UAX #29, rules SB1–SB11), the rules
 * `Intl.Segmenter` applies at sentence granularity. The analysis uses this instead of the
 * segmenter itself: in a page, the segmenter's first use loads the browser's break data in
 * one task of 40–160 ms, longer than a page's main thread may be held (and each later call
 * costs as much as a few hundred characters of scanning). The tests check that both agree on
 * every paragraph of the shared corpora.
 */
import { codePointAt, codePointTable, widthAt } from './characters';
import { SENTENCE_KIND_RUNS } from './unicode-data';
import { valueAt } from './unicode-runs';

const enum Kind {
  Other,
  CR,
  LF,
  Sep,
  Extend,
  Format,
  Sp,
  Lower,
  Upper,
  OLetter,
  Numeric,
  ATerm,
  STerm,
  Close,
  SContinue,
}

// The Sentence_Break property of each code point, from the table written from its definitions
// (scripts/lib/unicode-reference.ts numbers the kinds as `Kind` does).
const kindOf = codePointTable((codePoint) => valueAt(SENTENCE_KIND_RUNS, codePoint)) as (codePoint: number) => Kind;

/** Reads text[start, end) one character at a time, Extend and Format folded into the character before them (SB5). */
class Reader {
  constructor(
    private readonly text: string,
    readonly end: number,
  ) {}

  kindAt(at: number): Kind {
    return kindOf(codePointAt(this.text, at));
  }

  /** Where the character at `at` ends, with any Extend and Format after it. */
  after(at: number): number {
    let next = at + widthAt(this.text, at);
    while (next < this.end) {
      const kind = this.kindAt(next);
      if (kind !== Kind.Extend && kind !== Kind.Format) break;
      next += widthAt(this.text, next);
    }
    return next;
  }

  /** The kind of the last character before `at` that is not Extend or Format, from `start` on. */
  kindBefore(at: number, start: number): Kind | undefined {
    for (let index = at - 1; index >= start; index--) {
      const unit = this.text.charCodeAt(index);
      // The second half of a surrogate pair: read the pair from its first half.
      if (unit >= 0xdc00 && unit <= 0xdfff && index > start) {
        const high = this.text.charCodeAt(index - 1);
        if (high >= 0xd800 && high <= 0xdbff) index--;
      }
      const kind = this.kindAt(index);
      if (kind !== Kind.Extend && kind !== Kind.Format) return kind;
    }
    return undefined;
  }
}

function isParagraphSeparator(kind: Kind): boolean {
  return kind === Kind.CR || kind === Kind.LF || kind === Kind.Sep;
}

/** Where sentences of text[start, end) end, as offsets into `text`; the last is `end`. */
export function sentenceEnds(text: string, start: number, end: number): number[] {
  const reader = new Reader(text, end);
  const ends: number[] = [];
  let at = start;
  while (at < end) {
    const kind = reader.kindAt(at);
    if (kind === Kind.CR) {
      // SB3, SB4: CR × LF, and a break after every paragraph separator (before any Extend after it).
      at++;
      if (at < end && reader.kindAt(at) === Kind.LF) at++;
      ends.push(at);
      continue;
    }
    if (kind === Kind.LF || kind === Kind.Sep) {
      at++;
      ends.push(at);
      continue;
    }
    if (kind !== Kind.ATerm && kind !== Kind.STerm) {
      at = reader.after(at);
      continue;
    }
    const terminator = at;
    at = reader.after(at);
    if (kind === Kind.ATerm && at < end) {
      const next = reader.kindAt(at);
      // SB6: "3.5"; SB7: "U.S." — a full stop inside a number or an abbreviation.
      if (next === Kind.Numeric) continue;
      if (next === Kind.Upper) {
        const before = reader.kindBefore(terminator, start);
        if (before === Kind.Upper || before === Kind.Lower) continue;
      }
    }
    // SB9, SB10: closing marks, then spaces, belong to the sentence that ends here.
    let cut = at;
    while (cut < end && reader.kindAt(cut) === Kind.Close) cut = reader.after(cut);
    while (cut < end && reader.kindAt(cut) === Kind.Sp) cut = reader.after(cut);
    if (cut < end) {
      const next = reader.kindAt(cut);
      // SB8a: "?!", or a comma or colon after the mark: the sentence goes on.
      if (next === Kind.SContinue || next === Kind.ATerm || next === Kind.STerm) {
        at = cut;
        continue;
      }
      // SB8: after a full stop, a lower-case word before any letter of another kind goes on ("Mr. smith", "etc. and").
      if (kind === Kind.ATerm) {
        let ahead = cut;
        let aheadKind: Kind = next;
        while (
          ahead < end &&
          aheadKind !== Kind.OLetter &&
          aheadKind !== Kind.Upper &&
          aheadKind !== Kind.Lower &&
          aheadKind !== Kind.ATerm &&
          aheadKind !== Kind.STerm &&
          !isParagraphSeparator(aheadKind)
        ) {
          ahead = reader.after(ahead);
          if (ahead < end) aheadKind = reader.kindAt(ahead);
        }
        if (ahead < end && aheadKind === Kind.Lower) {
          at = cut;
          continue;
        }
      }
      // SB11: a paragraph separator right after the spaces ends the sentence with it.
      if (next === Kind.CR) {
        cut++;
        if (cut < end && reader.kindAt(cut) === Kind.LF) cut++;
      } else if (next === Kind.LF || next === Kind.Sep) {
        cut++;
      }
    }
    if (cut < end) ends.push(cut);
    at = cut;
  }
  if (ends.length === 0 || ends[ends.length - 1] !== end) ends.push(end);
  return ends;
}
