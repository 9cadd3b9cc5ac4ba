/**
 * Sentence boundaries by the Unicode default rules (UAX #29, rules SB1–SB11), the rules
 * `Intl.Segmenter` applies at sentence granularity. The analysis uses this instead of the
 * segmenter itself: in a page, the segmenter's first use loads the browser's break data in
 * one task of 40–160 ms, longer than a page's main thread may be held (and each later call
 * costs as much as a few hundred characters of scanning). The tests check that both agree on
 * every paragraph of the shared corpora.
 */
import { codePointAt, codePointTable } from './characters';

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

// The Sentence_Break property is not exposed to regular expressions; these are its definitions
// in UAX #29, table 4, from properties that are.
const EXTEND = /[\p{Grapheme_Extend}\p{Mc}\p{Emoji_Modifier}\u200D]/u;
const FORMAT = /\p{Cf}/u;
const SPACE = /\p{White_Space}/u;
const LOWER = /\p{Lowercase}/u;
const UPPER = /[\p{Uppercase}\p{Lt}]/u;
const OLETTER = /[\p{Alphabetic}\u05F3]/u;
const NUMERIC = /[\p{Nd}\u066B\u066C]/u;
const FULLWIDTH_DIGIT = /[\uFF10-\uFF19]/u;
const ATERM = /[.\u2024\uFE52\uFF0E]/u;
const STERM = /\p{Sentence_Terminal}/u;
const CLOSE = /[\p{Ps}\p{Pe}\p{Pi}\p{Pf}"'\u05F4\u2E00-\u2E0D\u2E1C\u2E1D\u2E20\u2E21]/u;
const SCONTINUE =
  /[,\-:;\u037E\u0589\u060C\u060D\u07F8\u1802\u1808\u2013\u2014\u3001\uFE10\uFE11\uFE13\uFE31\uFE32\uFE50\uFE51\uFE55\uFE58\uFE63\uFF0C\uFF0D\uFF1A\uFF1B\uFF64]/u;

function classify(codePoint: number): Kind {
  if (codePoint === 0x0d) return Kind.CR;
  if (codePoint === 0x0a) return Kind.LF;
  if (codePoint === 0x85 || codePoint === 0x2028 || codePoint === 0x2029) return Kind.Sep;
  const character = String.fromCodePoint(codePoint);
  if (EXTEND.test(character)) return Kind.Extend;
  if (codePoint !== 0x200c && FORMAT.test(character)) return Kind.Format;
  if (SPACE.test(character)) return Kind.Sp;
  if (LOWER.test(character)) return Kind.Lower;
  if (UPPER.test(character)) return Kind.Upper;
  if (OLETTER.test(character)) return Kind.OLetter;
  if (NUMERIC.test(character) && !FULLWIDTH_DIGIT.test(character)) return Kind.Numeric;
  if (ATERM.test(character)) return Kind.ATerm;
  if (STERM.test(character)) return Kind.STerm;
  if (CLOSE.test(character)) return Kind.Close;
  if (SCONTINUE.test(character)) return Kind.SContinue;
  return Kind.Other;
}

const kindOf: (codePoint: number) => Kind = codePointTable(classify);

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
    let next = at + (codePointAt(this.text, at) > 0xffff ? 2 : 1);
    while (next < this.end) {
      const kind = this.kindAt(next);
      if (kind !== Kind.Extend && kind !== Kind.Format) break;
      next += codePointAt(this.text, next) > 0xffff ? 2 : 1;
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
