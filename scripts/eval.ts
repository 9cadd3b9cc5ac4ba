/**
 * `npm run eval`: scores the engine on the labeled corpora in ../shared/eval (see its README).
 *
 *   ptc-dev      precision / recall / F1 of loaded-term flags against the loaded family
 *   polnear-dev  share of unsourced-assertion flags overlapping an annotated attribution's
 *                content (a sourced statement wrongly called unsourced), and unsourced flags
 *                per 1,000 words
 *
 * Options: --per-rule (precision per rule on ptc-dev), --misses N (sample of missed gold
 * spans), --unsourced-samples N (sample of wrong and right unsourced flags), --json.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compilePacks } from '../core';
import { BUILTIN_PACKS } from '../core/builtin-packs';
import { scorePolnear, scorePtc } from './quality';
import { sharedDirectory } from './shared-directory';

const { values: options } = parseArgs({
  options: {
    'per-rule': { type: 'boolean', default: false },
    misses: { type: 'string', default: '0' },
    'unsourced-samples': { type: 'string', default: '0' },
    json: { type: 'boolean', default: false },
  },
});

const evalDirectory = join(sharedDirectory(), 'eval');
const compiled = compilePacks(BUILTIN_PACKS);

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const ptc = scorePtc(evalDirectory, compiled);
const polnear = scorePolnear(evalDirectory, compiled);

if (options.json) {
  const { perRule: _ptcRules, misses: _misses, ...ptcSummary } = ptc;
  const { wrongSamples: _wrong, rightSamples: _right, perRule: _polnearRules, ...polnearSummary } = polnear;
  console.log(JSON.stringify({ ptc: ptcSummary, polnear: polnearSummary }));
} else {
  console.log('Unspun quality on ../shared/eval (all built-in packs)\n');
  console.log('| corpus | measure | value | target |');
  console.log('|---|---|---|---|');
  console.log(`| ptc-dev (${ptc.articles} articles) | loaded-term precision | ${ptc.precision.toFixed(3)} (${ptc.flagCorrect}/${ptc.flagTotal}) | |`);
  console.log(`| ptc-dev | loaded-family recall | ${ptc.recall.toFixed(3)} (${ptc.goldFound}/${ptc.goldTotal}) | |`);
  console.log(`| ptc-dev | loaded-family F1 | ${ptc.f1.toFixed(3)} | ≥ 0.45 ${ptc.f1 >= 0.45 ? 'PASS' : 'MISS'} |`);
  console.log(`| polnear-dev (${polnear.articles} articles) | unsourced flags wrongly on attributed content | ${percent(polnear.wrongShare)} (${polnear.wrong}/${polnear.unsourced}) | ≤ 5% ${polnear.wrongShare <= 0.05 ? 'PASS' : 'MISS'} |`);
  console.log(`| polnear-dev | unsourced flags per 1,000 words | ${polnear.perThousandWords.toFixed(2)} | > 0 |`);
  console.log(`| polnear-dev | vague-attribution flags per 1,000 words | ${polnear.vaguePerThousandWords.toFixed(2)} | |`);
}

if (options['per-rule']) {
  console.log('\nptc-dev loaded-term rules (flags, correct, precision, sample wrong):');
  const rows = [...ptc.perRule.entries()].sort((a, b) => b[1].flags - b[1].correct - (a[1].flags - a[1].correct));
  for (const [key, entry] of rows) {
    console.log(`${key}\t${entry.flags}\t${entry.correct}\t${(entry.correct / entry.flags).toFixed(2)}\t${entry.examples.join(' | ')}`);
  }
  console.log('\npolnear-dev unsourced triggers (flags, wrong):');
  for (const [key, entry] of [...polnear.perRule.entries()].sort((a, b) => b[1].wrong - a[1].wrong)) {
    console.log(`${key}\t${entry.flags}\t${entry.wrong}`);
  }
}
const missCount = Number(options.misses);
if (missCount > 0) {
  console.log(`\nptc-dev missed loaded-family spans (${missCount} of ${ptc.misses.length}):`);
  for (const miss of ptc.misses.slice(0, missCount)) console.log(`  ${miss}`);
}
const sampleCount = Number(options['unsourced-samples']);
if (sampleCount > 0) {
  console.log(`\npolnear-dev unsourced flags on attributed content (${Math.min(sampleCount, polnear.wrongSamples.length)} of ${polnear.wrongSamples.length}):`);
  for (const sample of polnear.wrongSamples.slice(0, sampleCount)) console.log(`  ${sample}`);
  console.log(`\npolnear-dev other unsourced flags (${Math.min(sampleCount, polnear.rightSamples.length)} of ${polnear.rightSamples.length}):`);
  for (const sample of polnear.rightSamples.slice(0, sampleCount)) console.log(`  ${sample}`);
}
