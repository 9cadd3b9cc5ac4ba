/**
 * Words the analysis reads itself, beside the rules' phrases. The compiler gives them
 * vocabulary ids too, since text words are known to the analysis only by id.
 */

/**
 * A sentence that opens with one of these continues the previous speaker's account
 * ("The minister said the plan was ready. She added …" is covered by "added"; "He expects
 * it to pass" is not, yet it is still the minister's view).
 */
export const CONTINUING_PRONOUNS = ['he', 'she', 'they', 'we', 'i'];

/** Words before a quoted fragment that make it a mention or a name, not distancing. */
export const NAMING_WORDS = [
  'called', 'dubbed', 'titled', 'entitled', 'named', 'nicknamed', 'term', 'word', 'words', 'phrase', 'slogan',
  'hashtag', 'headline', 'as', 'label', 'labeled', 'labelled', 'branded', 'motto', 'song', 'album', 'book', 'film',
  'show', 'series', 'campaign', 'operation',
];

/** "so-called “moderate”" distances twice, though "called" alone names. */
export const SO = 'so';
export const CALLED = 'called';

export const ANALYSIS_WORDS: readonly string[] = [...CONTINUING_PRONOUNS, ...NAMING_WORDS, SO, CALLED];
