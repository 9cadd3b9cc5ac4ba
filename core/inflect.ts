/**
 * Regular English inflections, so a pack lists "slam" once instead of every form. Irregular
 * forms ("tore", "crises") are listed by pack authors as phrases of their own; over-generating
 * a non-word ("targetted") is harmless because it never occurs in text.
 */

const VOWEL_GROUPS = /[aeiouy]+/g;

function endsConsonantVowelConsonant(word: string): boolean {
  return /[^aeiou][aeiou][bcdfgklmnprstvz]$/.test(word) && !/[wxy]$/.test(word);
}

/** Plural of a noun, or third person singular of a verb. */
export function sForm(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/** Stems for -ed/-ing: "slam" doubles its last consonant; a longer word might or might not ("target"), so both. */
function doubledStems(word: string): string[] {
  if (!endsConsonantVowelConsonant(word)) return [word];
  const syllables = word.match(VOWEL_GROUPS)?.length ?? 0;
  const doubled = word + word.at(-1);
  return syllables <= 1 ? [doubled] : [word, doubled];
}

export function pastForms(word: string): string[] {
  if (word.endsWith('e')) return [`${word}d`];
  if (/[^aeiou]y$/.test(word)) return [`${word.slice(0, -1)}ied`];
  return doubledStems(word).map((stem) => `${stem}ed`);
}

export function ingForms(word: string): string[] {
  if (word.endsWith('ie')) return [`${word.slice(0, -2)}ying`];
  if (/[^aeioy]e$/.test(word)) return [`${word.slice(0, -1)}ing`];
  return doubledStems(word).map((stem) => `${stem}ing`);
}

/** All forms of a noun's head word: the word and its plural. */
export function nounForms(word: string): string[] {
  return [word, sForm(word)];
}

/** All forms of a verb: base, -s, -ed, -ing. */
export function verbForms(word: string): string[] {
  return [...new Set([word, sForm(word), ...pastForms(word), ...ingForms(word)])];
}
