/**
 * `npm run unicode`: writes core/unicode-data.ts, the character tables the core reads instead
 * of compiling Unicode-property regular expressions in every page. Run it after changing
 * scripts/lib/unicode-reference.ts or moving to a Node with newer Unicode data;
 * tests/unicode-tables.test.ts fails until the tables agree with the reference again.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeRuns } from '../core/unicode-runs';
import { referenceCharacterFlags, referenceSentenceKind, runsOf } from './lib/unicode-reference';

const target = fileURLToPath(new URL('../core/unicode-data.ts', import.meta.url));
const chunk = (text: string) => text.match(/.{1,100}/g)!.map((line) => `  '${line}'`).join(' +\n');
writeFileSync(
  target,
  `// Written by \`npm run unicode\` (scripts/write-unicode-tables.ts) from the Unicode properties of
// Node ${process.versions.node} (Unicode ${process.versions.unicode}); do not edit. See core/unicode-runs.ts for the format.

/** Character flags (core/characters.ts), per code point. */
export const CHARACTER_FLAG_RUNS =
${chunk(encodeRuns(runsOf(referenceCharacterFlags)))};

/** Sentence_Break kinds (core/sentence-breaks.ts), per code point. */
export const SENTENCE_KIND_RUNS =
${chunk(encodeRuns(runsOf(referenceSentenceKind)))};
`,
);
console.log(`wrote ${target}`);
