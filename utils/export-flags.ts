/**
 * The page's flags as files: JSON for tools, Markdown for people. Both carry the page title,
 * URL and export time so a saved file still says where it came from.
 */
import { CATEGORY_LABELS, KIND_LABELS, SEVERITY_LABELS } from '../core/labels';
import type { FlagSummary, PageReport } from './messages';

export const EXPORT_FORMAT_VERSION = 1;

export interface ExportedFlag {
  kind: FlagSummary['kind'];
  category: FlagSummary['category'];
  severity: FlagSummary['severity'];
  packId: string;
  ruleId: string;
  text: string;
  sentence: string;
  quoted: boolean;
  start: number;
  end: number;
  trigger?: string;
}

export interface FlagsExport {
  format: 'unspun-flags';
  version: number;
  title: string;
  url: string;
  exportedAt: string;
  words: number;
  flags: ExportedFlag[];
}

function toExportedFlag(flag: FlagSummary): ExportedFlag {
  return {
    kind: flag.kind,
    category: flag.category,
    severity: flag.severity,
    packId: flag.packId,
    ruleId: flag.ruleId,
    text: flag.text,
    sentence: flag.sentence,
    quoted: flag.quoted,
    start: flag.start,
    end: flag.end,
    ...(flag.trigger ? { trigger: flag.trigger.text } : {}),
  };
}

export function flagsExport(report: PageReport, flags: readonly FlagSummary[], exportedAt: Date): FlagsExport {
  return {
    format: 'unspun-flags',
    version: EXPORT_FORMAT_VERSION,
    title: report.title,
    url: report.url,
    exportedAt: exportedAt.toISOString(),
    words: report.words,
    flags: flags.map(toExportedFlag),
  };
}

export function flagsToJson(report: PageReport, flags: readonly FlagSummary[], exportedAt: Date): string {
  return `${JSON.stringify(flagsExport(report, flags, exportedAt), null, 2)}\n`;
}

/**
 * Page text can contain anything, including characters Markdown would read as markup; escape
 * the inline ones and fold line breaks so one flag stays one list item. Block markers (`#`,
 * `-`, `1.`) only act at the start of a line, and page text never starts one here.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~]/g, (character) => `\\${character}`);
}

export function flagsToMarkdown(report: PageReport, flags: readonly FlagSummary[], exportedAt: Date): string {
  const lines: string[] = [];
  lines.push(`# Unspun flags: ${escapeMarkdown(report.title || report.url)}`, '');
  lines.push(`- Page: <${report.url.replace(/[<>\s]/g, encodeURIComponent)}>`);
  lines.push(`- Exported: ${exportedAt.toISOString()}`);
  lines.push(`- Words: ${report.words}; flags: ${flags.length}`, '');

  if (flags.length === 0) {
    lines.push('No flags on this page.', '');
    return lines.join('\n');
  }

  const groups = new Map<FlagSummary['category'], FlagSummary[]>();
  for (const flag of flags) {
    const group = groups.get(flag.category) ?? [];
    group.push(flag);
    groups.set(flag.category, group);
  }
  for (const [category, group] of groups) {
    lines.push(`## ${CATEGORY_LABELS[category]} (${group.length})`, '');
    for (const flag of group) {
      const flagged = flag.kind === 'unsourced-assertion' && flag.trigger ? flag.trigger.text : flag.text;
      const details = [KIND_LABELS[flag.kind], `${SEVERITY_LABELS[flag.severity].toLowerCase()} severity`];
      if (flag.quoted) details.push('inside a quotation');
      lines.push(`- **${escapeMarkdown(flagged)}** (${details.join(', ')}): ${escapeMarkdown(flag.sentence)}`);
    }
    lines.push('');
  }
  lines.push('Made with Unspun; analysis ran in the browser.', '');
  return lines.join('\n');
}

/** A file name such as `unspun-www-example-com-2026-11-28.md`. */
export function exportFileName(url: string, exportedAt: Date, extension: 'md' | 'json'): string {
  let host = 'page';
  try {
    host = new URL(url).hostname || 'page';
  } catch {
    // An unparsable URL still gets a usable file name.
  }
  const slug = host.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase() || 'page';
  return `unspun-${slug}-${exportedAt.toISOString().slice(0, 10)}.${extension}`;
}
