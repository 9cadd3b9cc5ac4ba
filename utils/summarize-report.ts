/**
 * Turns a page report into what the popup shows: the flags the reader chose to see, counted
 * by kind and by category, with the rate per 1,000 words and the one-line reading.
 */
import type { FlagKind } from '../core/flag';
import type { Category } from '../core/schema';
import type { FlagSummary, PageReport } from './messages';
import { ratePerThousandWords, readingLine } from './reading';
import type { Settings } from './settings';

export interface ReportSummary {
  /** Flags of the severities and packs the reader shows, in page order. */
  flags: FlagSummary[];
  /** Counts of shown flags the writer is charged with (quotations of others left out). */
  byKind: Record<FlagKind, number>;
  byCategory: Array<{ category: Category; count: number }>;
  /** Shown flags that sit inside someone else's quotation. */
  quoted: number;
  /** Writer's flags per 1,000 words; undefined when the page has no words. */
  perThousandWords: number | undefined;
  reading: string;
}

export function emptyKindCounts(): Record<FlagKind, number> {
  return { 'loaded-term': 0, 'scare-quote': 0, 'vague-attribution': 0, 'unsourced-assertion': 0 };
}

/**
 * Filtering here as well as on the page means a switched-off pack disappears from the popup at
 * once, before the page has re-analyzed and sent a new report.
 */
export function summarizeReport(
  report: PageReport,
  settings: Pick<Settings, 'severities' | 'disabledPacks'>,
): ReportSummary {
  const flags = report.flags
    .filter((flag) => settings.severities.includes(flag.severity) && !settings.disabledPacks.includes(flag.packId))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const byKind = emptyKindCounts();
  const categoryCounts = new Map<Category, number>();
  let quoted = 0;
  for (const flag of flags) {
    if (flag.quoted) {
      quoted += 1;
      continue;
    }
    byKind[flag.kind] += 1;
    categoryCounts.set(flag.category, (categoryCounts.get(flag.category) ?? 0) + 1);
  }
  const charged = flags.length - quoted;
  const byCategory = [...categoryCounts.entries()]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => b.count - a.count);
  return {
    flags,
    byKind,
    byCategory,
    quoted,
    perThousandWords: ratePerThousandWords(charged, report.words),
    reading: readingLine({ words: report.words, byKind, attributedSentences: report.attributedSentences }),
  };
}
