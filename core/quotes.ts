/**
 * Quotation spans inside one block of text. Words inside a quotation belong to whoever is
 * quoted, not to the writer; short quoted fragments without a speaker are scare quotes.
 */
import { flagsAt, WORD_CHARACTER } from './characters';
import type { TextSpan } from './flag';

export interface Quotation extends TextSpan {
  /** Offsets of the quoted words, without the quotation marks. */
  innerStart: number;
  innerEnd: number;
}

/** Quotation marks by UTF-16 code unit. `''` and ``` `` ``` (typewriter double quotes, as some wire and archive texts write them) are read as one mark. */
const STRAIGHT_DOUBLE = 0x22;
const STRAIGHT_SINGLE = 0x27;
const BACKTICK = 0x60;
const LEFT_DOUBLE = 0x201c;
const RIGHT_DOUBLE = 0x201d;
const LOW_DOUBLE = 0x201e;
const LEFT_GUILLEMET = 0xab;
const RIGHT_GUILLEMET = 0xbb;
const LEFT_SINGLE = 0x2018;
const RIGHT_SINGLE = 0x2019;

function isWordCharacterAt(text: string, at: number): boolean {
  return (flagsAt(text, at) & WORD_CHARACTER) !== 0;
}

/**
 * Finds top-level quotations in text[from, to). Double quotes (straight, curly, guillemets)
 * pair up in order; single curly quotes count only at word edges, because ’ is far more often
 * an apostrophe ("don’t") than a closing quote. A quotation still open at the end of the block
 * (double quotes only) runs to the end: news style leaves a quote open when it continues in the next paragraph.
 */
export function findQuotations(text: string, from: number, to: number): Quotation[] {
  const quotations: Quotation[] = [];
  let openDouble = -1;
  let openSingle = -1;
  let openLength = 1;
  const close = (openAt: number, at: number, markLength: number) =>
    quotations.push({ start: openAt, end: at + markLength, innerStart: openAt + openLength, innerEnd: at });
  for (let at = from; at < to; at++) {
    const unit = text.charCodeAt(at);
    // Most characters are no quotation mark: one comparison chain and on to the next.
    if (unit < 0x80 ? unit !== STRAIGHT_DOUBLE && unit !== STRAIGHT_SINGLE && unit !== BACKTICK : unit < 0xab) continue;
    const doubled = at + 1 < to && text.charCodeAt(at + 1) === unit;
    if (unit === STRAIGHT_DOUBLE || (unit === STRAIGHT_SINGLE && doubled)) {
      const length = unit === STRAIGHT_DOUBLE ? 1 : 2;
      if (openDouble < 0) {
        openDouble = at;
        openLength = length;
      } else {
        close(openDouble, at, length);
        openDouble = -1;
        openSingle = -1;
      }
      at += length - 1;
    } else if (unit === LEFT_DOUBLE || unit === LOW_DOUBLE || unit === LEFT_GUILLEMET || (unit === BACKTICK && doubled)) {
      const length = unit === BACKTICK ? 2 : 1;
      if (openDouble < 0) {
        openDouble = at;
        openLength = length;
      }
      at += length - 1;
    } else if (unit === RIGHT_DOUBLE || unit === RIGHT_GUILLEMET) {
      // Some sites open quotations with ” too: at the start of a word it can only be opening.
      if (openDouble < 0 && unit === RIGHT_DOUBLE && !isWordCharacterAt(text, at - 1) && isWordCharacterAt(text, at + 1)) {
        openDouble = at;
        openLength = 1;
      } else if (openDouble >= 0) {
        close(openDouble, at, 1);
        openDouble = -1;
        openSingle = -1;
      }
    } else if (unit === LEFT_SINGLE) {
      if (openDouble < 0 && openSingle < 0 && !isWordCharacterAt(text, at - 1)) {
        openSingle = at;
        openLength = 1;
      }
    } else if (unit === RIGHT_SINGLE) {
      // An apostrophe sits between letters ("don’t") or after a plural ("voters’ "); a closing quote does not.
      if (openSingle >= 0 && openDouble < 0 && !isWordCharacterAt(text, at + 1) && at - openSingle > 1) {
        close(openSingle, at, 1);
        openSingle = -1;
      }
    }
  }
  // Only a double quote is carried to the end of the block: an unmatched ‘ is more often an
  // elided digit ("the ‘90s") than a quotation.
  if (openDouble >= 0 && to - openDouble > 1) {
    quotations.push({ start: openDouble, end: to, innerStart: openDouble + openLength, innerEnd: to });
  }
  return quotations.sort((a, b) => a.start - b.start);
}
