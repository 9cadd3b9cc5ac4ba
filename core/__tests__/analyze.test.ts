import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze';
import { compilePacks } from '../compile';
import { testPack } from './test-pack';

const packs = [
  testPack([
    { id: 'thug', kind: 'loaded-term', category: 'name-calling', phrases: ['thug'], inflect: 'noun' },
    { id: 'slam', kind: 'loaded-term', category: 'editorializing', phrases: ['slam', 'tore into'], inflect: 'verb' },
    { id: 'death-tax', kind: 'loaded-term', category: 'contentious-label', phrases: ['death tax'] },
    { id: 'tax', kind: 'loaded-term', category: 'contentious-label', phrases: ['tax'] },
    {
      id: 'regime',
      kind: 'loaded-term',
      category: 'contentious-label',
      phrases: ['regime'],
      exceptions: [{ when: 'before', phrases: ['exchange rate', 'dietary'], note: 'technical sense' }],
    },
    {
      id: 'alleged',
      kind: 'distancing',
      category: 'distancing',
      phrases: ['alleged'],
      exceptions: [{ when: 'sentence-has', phrases: ['charged'], note: 'court reporting' }],
    },
    { id: 'who-acronym', kind: 'loaded-term', category: 'contentious-label', phrases: ['WHO'], caseSensitive: true },
    { id: 'scare-quotes', kind: 'scare-quote', category: 'scare-quote', maxWords: 3 },
    { id: 'said', kind: 'attribution-cue', category: 'reporting-verb', role: 'reporting-verb', phrases: ['said', 'says', 'told'] },
    { id: 'according-to', kind: 'attribution-cue', category: 'source-phrase', role: 'source-phrase', phrases: ['according to'] },
    { id: 'critics-say', kind: 'vague-attribution', category: 'vague-attribution', phrases: ['critics say', 'critics said', 'critics ... say'] },
    { id: 'clearly', kind: 'assertion-cue', category: 'certainty-marker', phrases: ['clearly'], exceptions: [{ when: 'after', phrases: ['visible'], note: 'physical sense' }] },
    { id: 'want-it', kind: 'assertion-cue', category: 'motive-claim', phrases: ['exactly how ... want it'] },
  ]),
];
const compiled = compilePacks(packs);

const flagsOf = (text: string, hints?: Parameters<typeof analyzeText>[2]) => analyzeText(text, compiled, hints).flags;
const texts = (text: string) => flagsOf(text).map((flag) => flag.text);

describe('loaded terms', () => {
  it('flags a listed word with the offsets of its text', () => {
    const [flag] = flagsOf('Police arrested a thug on Monday.');
    expect(flag).toMatchObject({ kind: 'loaded-term', ruleId: 'thug', text: 'thug', start: 18, end: 22, quoted: false });
  });

  it('matches regular noun and verb inflections and ignores case', () => {
    expect(texts('THUGS slammed the mayor. She slams him; he is slamming her.')).toEqual(['THUGS', 'slammed', 'slams', 'slamming']);
  });

  it('treats hyphens as spaces and curly apostrophes as straight ones', () => {
    expect(texts('The death-tax debate. The regime’s army.')).toEqual(['death-tax', 'regime’s']);
  });

  it('prefers the longest phrase over a shorter one inside it', () => {
    expect(flagsOf('They call it the death tax.').map((flag) => flag.ruleId)).toEqual(['death-tax']);
  });

  it('does not flag a word in the neutral sense named by an exception', () => {
    expect(texts('The exchange rate regime changed. The dietary regime works.')).toEqual([]);
    expect(texts('The alleged fraud was condemned.')).toEqual(['alleged']);
    expect(texts('He was charged with the alleged fraud.')).toEqual([]);
  });

  it('respects letter case for case-sensitive rules', () => {
    expect(texts('The WHO warned. Who knows?')).toEqual(['WHO']);
  });

  it('reports UTF-16 offsets after astral characters', () => {
    const text = '😀 A thug';
    const [flag] = flagsOf(text);
    expect(text.slice(flag.start, flag.end)).toBe('thug');
  });

  it('marks words inside a quotation of someone else as quoted', () => {
    const [flag] = flagsOf('“They are thugs and criminals,” the mayor said.');
    expect(flag).toMatchObject({ text: 'thugs', quoted: true });
  });

  it('marks words inside a blockquote hint as quoted', () => {
    const text = 'They are thugs.';
    expect(flagsOf(text, { blocks: [{ start: 0, end: text.length }], blockquotes: [{ start: 0, end: text.length }] })[0].quoted).toBe(true);
  });
});

describe('scare quotes', () => {
  it('flags a short quoted fragment with no speaker', () => {
    const flags = flagsOf('The “moderate” rebels took the town.');
    expect(flags).toMatchObject([{ kind: 'scare-quote', ruleId: 'scare-quotes', text: '“moderate”' }]);
  });

  it('does not flag a quotation with a speaker, a titled work or a full utterance', () => {
    expect(flagsOf('The rebels are “moderate”, the minister said.').filter((flag) => flag.kind === 'scare-quote')).toEqual([]);
    expect(flagsOf('She starred in “The Crown” last year.')).toEqual([]);
    expect(flagsOf('A sign read “Stop!” at the gate.')).toEqual([]);
    expect(flagsOf('The campaign, dubbed “clean sweep”, ended.')).toEqual([]);
  });
});

describe('unsourced assertions', () => {
  it('flags a sentence with a certainty marker and no attribution, spanning the sentence', () => {
    const text = 'Rain fell. Clearly the plan failed.';
    const [flag] = flagsOf(text);
    expect(flag).toMatchObject({ kind: 'unsourced-assertion', ruleId: 'clearly', text: 'Clearly the plan failed.' });
    expect(flag.trigger?.text).toBe('Clearly');
    expect([flag.sentenceStart, flag.sentenceEnd]).toEqual([11, text.length]);
  });

  it('gives the trigger as a plain span, so flags stay small when sent to the popup', () => {
    const [flag] = flagsOf('Clearly the plan failed.');
    expect(flag.trigger).toEqual({ start: 0, end: 7, text: 'Clearly' });
  });

  it('does not flag a claim attributed with a reporting verb or "according to"', () => {
    expect(flagsOf('The plan clearly failed, the minister said.')).toEqual([]);
    expect(flagsOf('According to the audit, the plan clearly failed.')).toEqual([]);
  });

  it('does not flag a claim carried by a link', () => {
    const text = 'The plan clearly failed.';
    expect(flagsOf(text, { blocks: [{ start: 0, end: text.length }], links: [{ start: 4, end: 8 }] })).toEqual([]);
  });

  it('continues the previous sentence’s attribution to a sentence that opens with its speaker’s pronoun', () => {
    expect(flagsOf('The minister said the budget was ready. She is clearly pleased.')).toEqual([]);
  });

  it('does not continue attribution across a paragraph', () => {
    const flags = flagsOf('The minister said the budget was ready.\nShe is clearly pleased.');
    expect(flags.map((flag) => flag.kind)).toEqual(['unsourced-assertion']);
  });

  it('treats vague attribution as a flag of its own, not as a source', () => {
    const flags = flagsOf('Critics of the plan say it clearly failed.');
    expect(flags.map((flag) => [flag.kind, flag.text])).toEqual([
      ['vague-attribution', 'Critics of the plan say'],
      ['unsourced-assertion', 'Critics of the plan say it clearly failed.'],
    ]);
  });

  it('matches phrases with a gap of a few words', () => {
    expect(flagsOf('This is exactly how the Kremlin would want it.')[0].trigger?.text).toBe('exactly how the Kremlin would want it');
  });

  it('ignores the neutral sense, questions, and claims inside a quotation', () => {
    expect(flagsOf('The sign was clearly visible.')).toEqual([]);
    expect(flagsOf('Is the plan clearly failing?')).toEqual([]);
    expect(flagsOf('“It clearly failed,” she told reporters.')).toEqual([]);
  });

  it('never lets a sentence cross a line break in plain text', () => {
    const flags = flagsOf('Clearly the plan failed\nand the mayor said so.');
    expect(flags.map((flag) => flag.text)).toEqual(['Clearly the plan failed']);
  });
});

describe('statistics', () => {
  it('counts words, sentences and flags by kind', () => {
    const { stats } = analyzeText('Thugs won. Clearly it failed, critics said.', compiled);
    expect(stats).toMatchObject({ words: 7, sentences: 2, byKind: { 'loaded-term': 1, 'vague-attribution': 1, 'unsourced-assertion': 1 } });
  });
});

describe('quotations introduced by a colon', () => {
  it('counts the speaker before the colon as the source', () => {
    expect(flagsOf('The mayor explained why the plan clearly failed: “We ran out of money.”')).toEqual([]);
    expect(flagsOf('The mayor explained why the plan clearly failed.').map((flag) => flag.kind)).toEqual(['unsourced-assertion']);
  });
});

describe('sentences', () => {
  it('does not end a sentence at a title such as "Sen." or an initial', () => {
    expect(flagsOf('The plan clearly failed, said Sen. Warren on Monday.')).toEqual([]);
    expect(flagsOf('The plan clearly failed, John F. Kennedy said.')).toEqual([]);
  });

  it('reads typewriter quotes (\'\'…\'\') as a quotation', () => {
    expect(flagsOf("''They are thugs,'' Mr. Smith said.")[0]).toMatchObject({ text: 'thugs', quoted: true });
  });
});

describe('paragraphs introduced by a colon', () => {
  it('treats a paragraph after "… added:" as the speaker’s words', () => {
    expect(flagsOf('The governor added:\nThe plan clearly failed.')).toEqual([]);
    expect(flagsOf('The governor left.\nThe plan clearly failed.').map((flag) => flag.kind)).toEqual(['unsourced-assertion']);
  });
});

describe('long texts', () => {
  it('splits a very long paragraph into the same sentences as short ones', () => {
    const sentence = 'Thugs slammed the door. Clearly it failed, said Sen. Warren. ';
    const long = sentence.repeat(400);
    const result = analyzeText(long, compiled);
    expect(result.stats.sentences).toBe(800);
    expect(result.flags.filter((flag) => flag.kind === 'unsourced-assertion')).toEqual([]);
    expect(result.flags.filter((flag) => flag.kind === 'loaded-term')).toHaveLength(800);
  });

  it('keeps many short paragraphs apart', () => {
    const text = Array.from({ length: 3000 }, (_, index) => `Line ${index}: clearly it failed`).join('\n');
    const result = analyzeText(text, compiled);
    expect(result.stats.sentences).toBe(3000);
    expect(result.stats.byKind['unsourced-assertion']).toBe(3000);
  });
});

describe('quotations opened with a closing mark', () => {
  it('reads ”…” as a quotation when the first mark starts a word', () => {
    expect(flagsOf('”They are thugs,” Smith said.')[0]).toMatchObject({ text: 'thugs', quoted: true });
  });
});

describe('the span of an unsourced assertion', () => {
  it('covers the clause that makes the claim, not a neighbouring report of events', () => {
    const text = 'The council met on Monday to vote, but clearly the plan failed.';
    const [flag] = flagsOf(text);
    expect(flag.text).toBe('clearly the plan failed.');
    expect([flag.sentenceStart, flag.sentenceEnd]).toEqual([0, text.length]);
  });
});

