import { describe, expect, it } from 'vitest';
import { ARTICLE_TEXT, LABELS_PACK, reportFor, VAGUE_PACK } from '../../components/__tests__/fixtures';
import { escapeMarkdown, exportFileName, flagsToJson, flagsToMarkdown } from '../export-flags';

const report = reportFor(ARTICLE_TEXT, [LABELS_PACK, VAGUE_PACK], {
  title: 'Budget *plan* [draft]',
});
const exportedAt = new Date('2026-11-28T16:00:00Z');

describe('flag export', () => {
  it('writes JSON that parses back with title, URL, date and every flag', () => {
    const parsed = JSON.parse(flagsToJson(report, report.flags, exportedAt));
    expect(parsed).toMatchObject({
      format: 'unspun-flags',
      title: 'Budget *plan* [draft]',
      url: 'https://news.example.com/politics/story-1',
      exportedAt: '2026-11-28T16:00:00.000Z',
    });
    expect(parsed.flags.map((flag: { text: string }) => flag.text)).toEqual(['regime', 'slammed', 'Critics say']);
    expect(parsed.flags[0].sentence).toBe('The regime slammed the report on Monday.');
  });

  it('writes Markdown with the page, a heading per category and each flag with its sentence', () => {
    const markdown = flagsToMarkdown(report, report.flags, exportedAt);
    expect(markdown).toContain('# Unspun flags: Budget \\*plan\\* \\[draft\\]');
    expect(markdown).toContain('- Page: <https://news.example.com/politics/story-1>');
    expect(markdown).toContain('- Exported: 2026-11-28T16:00:00.000Z');
    expect(markdown).toContain('## Contentious label (1)');
    expect(markdown).toContain('## Vague attribution (1)');
    expect(markdown).toContain('- **regime** (Loaded term, high severity): The regime slammed the report on Monday.');
  });

  it('keeps page text from turning into Markdown markup or breaking a list item', () => {
    expect(escapeMarkdown('a *b*\n[c](d) <e>')).toBe('a \\*b\\* \\[c\\](d) \\<e\\>');
  });

  it('says there are no flags rather than writing empty sections', () => {
    expect(flagsToMarkdown(report, [], exportedAt)).toContain('No flags on this page.');
  });

  it('names files after the site and the date', () => {
    expect(exportFileName(report.url, exportedAt, 'md')).toBe('unspun-news-example-com-2026-11-28.md');
    expect(exportFileName('not a url', exportedAt, 'json')).toBe('unspun-page-2026-11-28.json');
  });
});
