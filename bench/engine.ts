/**
 * The engine benchmark: Unspun's core, alex, write-good and the floor on the same texts, in one
 * process, interleaved round by round (the order rotates each round) so that a noisy neighbour
 * slows every contestant alike; then the scaling checks, compile time and matcher memory.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { compilePacks, analyzeText, type CompiledRules } from '../core/index';
import type { Pack } from '../core/schema';
import {
  alexAnalyzer,
  floorAnalyzer,
  loadedTermVocabulary,
  unspunAnalyzer,
  writeGoodAnalyzer,
  type Analyzer,
  type Contestant,
} from './contestants';
import { megabytesPerSecond, median, summarize, timeMs, type Summary } from './stats';
import { phraseCount, ruleCount, syntheticPacks } from './synthetic-rules';
import { generateText, type BenchText, type Workload } from './texts';

/**
 * A real `gc()` even when Node was started without `--expose-gc` (as `npm run bench` is): the
 * flag can be switched on at run time and the function fetched from a fresh context. Collecting
 * between contestants keeps one contestant's garbage out of the next one's timing.
 */
function exposeGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}
export const collectGarbage = exposeGc();

/** Past this predicted time, a larger text in the scaling check is not analyzed. */
const LARGE_TEXT_BUDGET_MS = 90_000;

export type ContestantId = Contestant['id'];

export interface ContestantResult {
  label: string;
  /** Per workload: milliseconds of one pass over all its texts, over the rounds. */
  workloads: Record<string, { ms: Summary; megabytesPerSecond: number; findings: number }>;
  total: { ms: Summary; megabytesPerSecond: number };
}

export interface RatioResult {
  /** Median over rounds of (Unspun time / other time) on all comparison texts; < 1 means Unspun is faster. */
  median: number;
  min: number;
  max: number;
}

export interface EngineResults {
  rounds: number;
  workloads: { id: string; description: string; texts: number; bytes: number }[];
  packs: { count: number; rules: number; phrases: number; loadedTermVocabulary: number };
  contestants: Record<ContestantId, ContestantResult>;
  ratios: { alex: RatioResult; writeGood: RatioResult; floor: RatioResult };
  largeText: {
    bytes: number;
    /** null when the 10 MB text was not analyzed (see scaling.text.skipped). */
    unspun: { ms: Summary; megabytesPerSecond: number; flags: number } | null;
    floor: { ms: Summary; megabytesPerSecond: number };
  };
  scaling: {
    rules: { rulesX1: number; rulesX10: number; phrasesX1: number; phrasesX10: number; flagsX1: number; flagsX10: number; msX1: Summary; msX10: Summary; timeRatio: RatioResult };
    text: {
      bytesX1: number;
      bytesX10: number;
      msX1: Summary;
      msX10: Summary;
      timeRatio: RatioResult;
      /** Bytes → ms of the first analysis of each size tried (0.1, 1 and 10 MB). */
      firstRunMs: Record<string, number>;
      skipped?: string;
    };
  };
  compile: {
    ms: Summary;
    msX10: Summary;
    heapBytes: number;
    heapBytesX10: number;
  };
}

export interface EngineInput {
  packs: Pack[];
  comparison: Workload[];
  rounds: number;
  /** Progress lines (stderr), so stdout stays the table. */
  log: (line: string) => void;
}

function ratioOf(numerators: number[], denominators: number[]): RatioResult {
  const ratios = numerators.map((value, index) => value / denominators[index]!);
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}

function passOver(analyze: Analyzer, texts: readonly BenchText[]): { ms: number; findings: number } {
  let findings = 0;
  const ms = timeMs(() => {
    for (const { text } of texts) findings += analyze(text);
  });
  return { ms, findings };
}

/** The leading paragraphs of `text` that first reach `targetBytes` (UTF-8). */
function leadingParagraphs(text: string, targetBytes: number): string {
  const paragraphs = text.split('\n\n');
  let bytes = 0;
  let count = 0;
  while (count < paragraphs.length && bytes < targetBytes) bytes += Buffer.byteLength(paragraphs[count++]!, 'utf8') + 2;
  return paragraphs.slice(0, count).join('\n\n');
}

export function runEngineBench({ packs, comparison, rounds, log }: EngineInput): {
  results: EngineResults;
  compiled: CompiledRules;
  compiledX10: CompiledRules;
  /** The largest generated text that was analyzed in the scaling check. */
  largestAnalyzedText: string;
} {
  const compiled = compilePacks(packs);
  const vocabulary = loadedTermVocabulary(packs);
  const contestants: Contestant[] = [
    { id: 'unspun', label: 'Unspun core', analyze: unspunAnalyzer(compiled) },
    { id: 'alex', label: 'alex 11 (text)', analyze: alexAnalyzer },
    { id: 'writeGood', label: 'write-good 1.0.8', analyze: writeGoodAnalyzer },
    { id: 'floor', label: 'floor (regex + Set)', analyze: floorAnalyzer(vocabulary) },
  ];

  // Warm-up: let the JIT see every code path once before anything is timed.
  for (const contestant of contestants) passOver(contestant.analyze, comparison[comparison.length - 1]!.texts);
  passOver(contestants[0]!.analyze, comparison[0]!.texts);

  const times = new Map<string, number[]>();
  const findings = new Map<string, number>();
  const key = (contestant: ContestantId, workload: string) => `${contestant}/${workload}`;
  for (let round = 0; round < rounds; round++) {
    const order = contestants.map((_, index) => contestants[(index + round) % contestants.length]!);
    for (const contestant of order) {
      // The previous contestant's garbage is collected first, and an untimed run follows: a
      // forced collection also shrinks V8's young generation to its minimum, and the first pass
      // after it pays for growing it back with extra collections. Collecting right before each
      // timed pass (as this benchmark first did) made Unspun's ~70 ms pass about 50% slower,
      // while multi-second passes (alex, write-good) hardly noticed. Every contestant is treated alike.
      collectGarbage();
      for (const workload of comparison) passOver(contestant.analyze, workload.texts);
      let roundTotal = 0;
      for (const workload of comparison) {
        const pass = passOver(contestant.analyze, workload.texts);
        roundTotal += pass.ms;
        times.set(key(contestant.id, workload.id), [...(times.get(key(contestant.id, workload.id)) ?? []), pass.ms]);
        findings.set(key(contestant.id, workload.id), pass.findings);
      }
      times.set(key(contestant.id, 'total'), [...(times.get(key(contestant.id, 'total')) ?? []), roundTotal]);
    }
    log(`engine: round ${round + 1}/${rounds} done`);
  }

  const totalBytes = comparison.reduce((sum, workload) => sum + workload.bytes, 0);
  const contestantResults = {} as Record<ContestantId, ContestantResult>;
  for (const contestant of contestants) {
    const workloads: ContestantResult['workloads'] = {};
    for (const workload of comparison) {
      const ms = summarize(times.get(key(contestant.id, workload.id))!);
      workloads[workload.id] = {
        ms,
        megabytesPerSecond: megabytesPerSecond(workload.bytes, ms.median),
        findings: findings.get(key(contestant.id, workload.id))!,
      };
    }
    const total = summarize(times.get(key(contestant.id, 'total'))!);
    contestantResults[contestant.id] = { label: contestant.label, workloads, total: { ms: total, megabytesPerSecond: megabytesPerSecond(totalBytes, total.median) } };
  }
  const unspunTotals = times.get(key('unspun', 'total'))!;
  const ratios = {
    alex: ratioOf(unspunTotals, times.get(key('alex', 'total'))!),
    writeGood: ratioOf(unspunTotals, times.get(key('writeGood', 'total'))!),
    floor: ratioOf(unspunTotals, times.get(key('floor', 'total'))!),
  };

  // Scale: one ~10 MB text, its first tenth and hundredth, with the rule set fixed. The sizes
  // are tried in order and a size is skipped when the one before predicts it would blow the
  // time budget (a super-linear analysis would otherwise hang the benchmark for hours).
  const allTexts = comparison.flatMap((workload) => workload.texts);
  const largeText = generateText(allTexts, 10e6);
  // 0.05 MB only serves to see how time grows before committing to the larger sizes.
  const sizes = [leadingParagraphs(largeText, 0.05e6), leadingParagraphs(largeText, 0.1e6), leadingParagraphs(largeText, 1e6), largeText];
  const bytesOf = sizes.map((text) => Buffer.byteLength(text, 'utf8'));
  log(`engine: text scaling over ${bytesOf.map((bytes) => (bytes / 1e6).toFixed(2)).join(' / ')} MB`);
  const floor = contestants[3]!.analyze;
  let largeFlags = 0;
  const firstMs: number[] = [];
  let skipped: string | undefined;
  for (let index = 0; index < sizes.length; index++) {
    if (index > 1) {
      // Predict from the growth seen so far, never assuming better than linear.
      const previous = firstMs[index - 1]!;
      const exponent = Math.max(1, Math.log(previous / firstMs[index - 2]!) / Math.log(bytesOf[index - 1]! / bytesOf[index - 2]!));
      const predicted = previous * (bytesOf[index]! / bytesOf[index - 1]!) ** exponent;
      if (predicted > LARGE_TEXT_BUDGET_MS) {
        skipped = `${(bytesOf[index]! / 1e6).toFixed(1)} MB not analyzed: ${(bytesOf[index - 1]! / 1e6).toFixed(2)} MB took ${(previous / 1000).toFixed(1)} s and time grows as size^${exponent.toFixed(1)}, so it would take about ${(predicted / 1000).toFixed(0)} s`;
        log(`engine: ${skipped}`);
        break;
      }
    }
    collectGarbage();
    firstMs.push(timeMs(() => (largeFlags = analyzeText(sizes[index]!, compiled).flags.length)));
    log(`engine: ${(bytesOf[index]! / 1e6).toFixed(2)} MB analyzed in ${(firstMs[index]! / 1000).toFixed(2)} s`);
  }
  const measured = firstMs.length;
  // The ×10 ratio is taken between the two largest sizes analyzed that are ten times apart (0.1 → 1 or 1 → 10 MB).
  const upper = Math.max(2, measured - 1);
  const lower = upper - 1;
  const textX1: number[] = [];
  const textX10: number[] = [];
  if (measured > upper) {
    textX1.push(firstMs[lower]!);
    textX10.push(firstMs[upper]!);
    for (let round = 1; round < 3; round++) {
      collectGarbage();
      textX1.push(timeMs(() => analyzeText(sizes[lower]!, compiled)));
      collectGarbage();
      textX10.push(timeMs(() => analyzeText(sizes[upper]!, compiled)));
    }
  }
  const floorLarge: number[] = [];
  for (let round = 0; round < 3; round++) {
    collectGarbage();
    floorLarge.push(timeMs(() => floor(largeText)));
  }
  const largeBytes = bytesOf[3]!;

  // Rules ×10: the built-in packs plus nine made-up copies, on the same PTC texts.
  const wordsInTexts = new Set<string>();
  for (const { text } of allTexts) for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) wordsInTexts.add(word);
  const extra = syntheticPacks(packs, 9, (word) => wordsInTexts.has(word));
  const packsX10 = [...packs, ...extra];
  log(`engine: rules ×10 = ${ruleCount(packsX10)} rules (${phraseCount(packsX10)} phrases); timing`);
  const compiledX10 = compilePacks(packsX10);
  const unspunX10 = unspunAnalyzer(compiledX10);
  const unspunX1 = contestants[0]!.analyze;
  const rulesTexts = comparison[0]!.texts;
  passOver(unspunX10, rulesTexts);
  const rulesX1: number[] = [];
  const rulesX10: number[] = [];
  let flagsX1 = 0;
  let flagsX10 = 0;
  for (let round = 0; round < rounds; round++) {
    const first = round % 2 === 0;
    for (const which of first ? ['x1', 'x10'] : ['x10', 'x1']) {
      collectGarbage();
      const pass = passOver(which === 'x1' ? unspunX1 : unspunX10, rulesTexts);
      if (which === 'x1') {
        rulesX1.push(pass.ms);
        flagsX1 = pass.findings;
      } else {
        rulesX10.push(pass.ms);
        flagsX10 = pass.findings;
      }
    }
  }

  // Compile time and the heap the compiled matcher keeps alive.
  log('engine: compile time and matcher memory');
  const compileMs: number[] = [];
  const compileX10Ms: number[] = [];
  for (let run = 0; run < 7; run++) {
    collectGarbage();
    compileMs.push(timeMs(() => compilePacks(packs)));
    if (run < 3) {
      collectGarbage();
      compileX10Ms.push(timeMs(() => compilePacks(packsX10)));
    }
  }
  /**
   * Heap kept alive by one compiled matcher: compile four times, keeping every result alive, and
   * take the median growth per compile. (Releasing each result before the next measurement makes
   * the garbage of one run shrink the next run's delta to about zero.)
   */
  const heapOf = (source: readonly Pack[]): number => {
    const kept: CompiledRules[] = [];
    const used = () => {
      collectGarbage();
      collectGarbage();
      return process.memoryUsage().heapUsed;
    };
    const deltas: number[] = [];
    for (let run = 0; run < 4; run++) {
      const before = used();
      kept.push(compilePacks(source));
      deltas.push(used() - before);
    }
    if (kept.length !== 4) throw new Error('lost a compiled matcher');
    return median(deltas);
  };

  const results: EngineResults = {
    rounds,
    workloads: comparison.map((workload) => ({ id: workload.id, description: workload.description, texts: workload.texts.length, bytes: workload.bytes })),
    packs: { count: packs.length, rules: ruleCount(packs), phrases: phraseCount(packs), loadedTermVocabulary: vocabulary.size },
    contestants: contestantResults,
    ratios,
    largeText: {
      bytes: largeBytes,
      unspun:
        measured === sizes.length
          ? { ms: summarize(textX10), megabytesPerSecond: megabytesPerSecond(largeBytes, median(textX10)), flags: largeFlags }
          : null,
      floor: { ms: summarize(floorLarge), megabytesPerSecond: megabytesPerSecond(largeBytes, median(floorLarge)) },
    },
    scaling: {
      rules: {
        rulesX1: ruleCount(packs),
        rulesX10: ruleCount(packsX10),
        phrasesX1: phraseCount(packs),
        phrasesX10: phraseCount(packsX10),
        flagsX1,
        flagsX10,
        msX1: summarize(rulesX1),
        msX10: summarize(rulesX10),
        timeRatio: ratioOf(rulesX10, rulesX1),
      },
      text: {
        bytesX1: bytesOf[lower]!,
        bytesX10: bytesOf[upper]!,
        msX1: summarize(textX1),
        msX10: summarize(textX10),
        timeRatio: ratioOf(textX10, textX1),
        firstRunMs: Object.fromEntries(firstMs.map((ms, index) => [String(bytesOf[index]), ms])),
        ...(skipped ? { skipped } : {}),
      },
    },
    compile: {
      ms: summarize(compileMs),
      msX10: summarize(compileX10Ms),
      heapBytes: heapOf(packs),
      heapBytesX10: heapOf(packsX10),
    },
  };
  return { results, compiled, compiledX10, largestAnalyzedText: sizes[measured - 1]! };
}

