/**
 * Scoring of the engine on the labeled corpora in ../shared/eval, as its README defines it.
 * Used by `npm run eval` and by the quality regression test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText, type CompiledRules, type Flag } from '../core';

const LOADED_FAMILY = new Set(['Loaded_Language', 'Name_Calling,Labeling']);
const PRECISION_TECHNIQUES = new Set([
  'Loaded_Language',
  'Name_Calling,Labeling',
  'Exaggeration,Minimisation',
  'Appeal_to_fear-prejudice',
  'Flag-Waving',
  'Slogans',
  'Thought-terminating_Cliches',
  'Bandwagon,Reductio_ad_hitlerum',
]);
const WRONGLY_UNSOURCED_OVERLAP = 15;

interface Span {
  start: number;
  end: number;
}

/** Maps code-point offsets (Python string indices, as both corpora use) to UTF-16 offsets. */
export function codePointToUtf16(text: string): (offset: number) => number {
  const table: number[] = [];
  let utf16 = 0;
  for (const character of text) {
    table.push(utf16);
    utf16 += character.length;
  }
  table.push(utf16);
  return (offset) => table[Math.min(offset, table.length - 1)];
}

function overlapLength(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Precision, recall and F1 of loaded-term flags against the loaded family of ptc-dev. */
export function scorePtc(evalDirectory: string, compiled: CompiledRules) {
  const directory = join(evalDirectory, 'ptc-dev');
  const articles = readdirSync(join(directory, 'articles')).filter((name) => name.endsWith('.txt'));
  let goldTotal = 0;
  let goldFound = 0;
  let flagTotal = 0;
  let flagCorrect = 0;
  const perRule = new Map<string, { flags: number; correct: number; examples: string[] }>();
  const misses: string[] = [];
  for (const name of articles) {
    const text = readFileSync(join(directory, 'articles', name), 'utf8');
    const toUtf16 = codePointToUtf16(text);
    const labelFile = join(directory, 'labels', name.replace('.txt', '.task2-TC.labels'));
    const labels = existsSync(labelFile)
      ? readFileSync(labelFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => {
            const [, technique, start, end] = line.split('\t');
            return { technique, start: toUtf16(Number(start)), end: toUtf16(Number(end)) };
          })
      : [];
    const gold = labels.filter((label) => LOADED_FAMILY.has(label.technique));
    const precisionGold = labels.filter((label) => PRECISION_TECHNIQUES.has(label.technique));
    const flags = analyzeText(text, compiled).flags.filter((flag) => flag.kind === 'loaded-term');
    goldTotal += gold.length;
    for (const span of gold) {
      if (flags.some((flag) => overlapLength(flag, span) > 0)) goldFound++;
      else misses.push(text.slice(span.start, span.end).replace(/\s+/g, ' '));
    }
    for (const flag of flags) {
      const correct = precisionGold.some((span) => overlapLength(flag, span) > 0);
      flagTotal++;
      if (correct) flagCorrect++;
      const key = `${flag.packId}/${flag.ruleId}`;
      const entry = perRule.get(key) ?? { flags: 0, correct: 0, examples: [] };
      entry.flags++;
      if (correct) entry.correct++;
      else if (entry.examples.length < 3) entry.examples.push(flag.text);
      perRule.set(key, entry);
    }
  }
  const precision = flagTotal ? flagCorrect / flagTotal : 0;
  const recall = goldTotal ? goldFound / goldTotal : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { articles: articles.length, goldTotal, goldFound, flagTotal, flagCorrect, precision, recall, f1, perRule, misses };
}

function parseContentSpans(annotation: string, toUtf16: (offset: number) => number): Span[] {
  const spans: Span[] = [];
  for (const line of annotation.split('\n')) {
    const [id, typeAndOffsets] = line.split('\t');
    if (!id?.startsWith('T') || !typeAndOffsets?.startsWith('Content ')) continue;
    for (const part of typeAndOffsets.slice('Content '.length).split(';')) {
      const [start, end] = part.trim().split(/\s+/).map(Number);
      if (Number.isFinite(start) && Number.isFinite(end)) spans.push({ start: toUtf16(start), end: toUtf16(end) });
    }
  }
  return spans;
}

/** Unsourced-assertion flags that land on annotated attributed content in polnear-dev. */
export function scorePolnear(evalDirectory: string, compiled: CompiledRules) {
  const directory = join(evalDirectory, 'polnear-dev');
  const texts = readdirSync(join(directory, 'text')).filter((name) => name.endsWith('.txt'));
  let unsourced = 0;
  let wrong = 0;
  let words = 0;
  let vague = 0;
  const wrongSamples: string[] = [];
  const rightSamples: string[] = [];
  const perRule = new Map<string, { flags: number; wrong: number }>();
  for (const name of texts) {
    const text = readFileSync(join(directory, 'text', name), 'utf8');
    const toUtf16 = codePointToUtf16(text);
    const annotationFile = join(directory, 'attributions', name.replace(/\.txt$/, '.ann'));
    const contents = existsSync(annotationFile) ? parseContentSpans(readFileSync(annotationFile, 'utf8'), toUtf16) : [];
    const result = analyzeText(text, compiled);
    words += result.stats.words;
    vague += result.stats.byKind['vague-attribution'];
    for (const flag of result.flags.filter((candidate: Flag) => candidate.kind === 'unsourced-assertion')) {
      unsourced++;
      const isWrong = contents.some((span) => overlapLength(flag, span) >= WRONGLY_UNSOURCED_OVERLAP);
      const key = `${flag.packId}/${flag.ruleId}`;
      const entry = perRule.get(key) ?? { flags: 0, wrong: 0 };
      entry.flags++;
      if (isWrong) {
        wrong++;
        entry.wrong++;
        wrongSamples.push(`[${flag.ruleId} «${flag.trigger?.text}»] ${flag.text}`);
      } else rightSamples.push(`[${flag.ruleId} «${flag.trigger?.text}»] ${flag.text}`);
      perRule.set(key, entry);
    }
  }
  return {
    articles: texts.length,
    unsourced,
    wrong,
    wrongShare: unsourced ? wrong / unsourced : 0,
    words,
    perThousandWords: words ? (unsourced / words) * 1000 : 0,
    vaguePerThousandWords: words ? (vague / words) * 1000 : 0,
    wrongSamples,
    rightSamples,
    perRule,
  };
}

