/**
 * Quotation spans inside one block of text. Words inside a quotation belong to whoever is
 * quoted, not to the writer; short quoted fragments without a speaker are scare quotes.
 */
import type { TextSpan } from './flag';

export interface Quotation extends TextSpan {
  /** Offsets of the quoted words, without the quotation marks. */
  innerStart: number;
  innerEnd: number;
}

/** `''` and ``` `` ``` are typewriter double quotes, as some wire and archive texts write them. */
const QUOTE_MARKS = /''|``|["“”„«»‘’]/g;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && WORD_CHARACTER.test(character);
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
  QUOTE_MARKS.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = QUOTE_MARKS.exec(text)) !== null && match.index < to) {
    const at = match.index;
    const mark = match[0];
    const before = text[at - 1];
    const after = text[at + mark.length];
    const close = (openAt: number) =>
      quotations.push({ start: openAt, end: at + mark.length, innerStart: openAt + openLength, innerEnd: at });
    if (mark === '"' || mark === "''") {
      if (openDouble < 0) {
        openDouble = at;
        openLength = mark.length;
      }
      else {
        close(openDouble);
        openDouble = -1;
        openSingle = -1;
      }
    } else if (mark === '“' || mark === '„' || mark === '«' || mark === '``') {
      if (openDouble < 0) {
        openDouble = at;
        openLength = mark.length;
      }
    } else if (mark === '”' || mark === '»') {
      // Some sites open quotations with ” too: at the start of a word it can only be opening.
      if (openDouble < 0 && mark === '”' && !isWordCharacter(before) && isWordCharacter(after)) {
        openDouble = at;
        openLength = 1;
      } else if (openDouble >= 0) {
        close(openDouble);
        openDouble = -1;
        openSingle = -1;
      }
    } else if (mark === '‘') {
      if (openDouble < 0 && openSingle < 0 && !isWordCharacter(before)) {
        openSingle = at;
        openLength = 1;
      }
    } else if (mark === '’') {
      // An apostrophe sits between letters ("don’t") or after a plural ("voters’ "); a closing quote does not.
      if (openSingle >= 0 && openDouble < 0 && !isWordCharacter(after) && at - openSingle > 1) {
        close(openSingle);
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
