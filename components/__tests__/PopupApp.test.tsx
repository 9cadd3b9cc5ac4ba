// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageReport } from '../../utils/messages';
import { readSettings } from '../../utils/settings';
import { settingsItem } from '../../utils/settings-store';
import type { TabConnection } from '../../utils/tab-connection';
import { ExportButtons } from '../ExportButtons';
import { PopupApp, type ReportChangeSubscriber } from '../PopupApp';
import { ARTICLE_TEXT, LABELS_PACK, reportFor, VAGUE_PACK } from './fixtures';

const PACKS = [LABELS_PACK, VAGUE_PACK];

/** A tab whose content script answers with `report` (undefined: no content script). */
function fakeTab(initial: PageReport | undefined) {
  let report = initial;
  const focused: string[] = [];
  let analyzeRequests = 0;
  const connection: TabConnection = {
    tabId: 5,
    getReport: async () => report,
    analyzePage: async () => {
      analyzeRequests += 1;
      report = report && reportFor(ARTICLE_TEXT, PACKS, { isArticle: false });
      return report;
    },
    focusFlag: async (flagId) => {
      focused.push(flagId);
      return report !== undefined;
    },
  };
  return {
    connection,
    focused,
    analyzeRequests: () => analyzeRequests,
    setReport: (next: PageReport) => {
      report = next;
    },
  };
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => cleanup());

describe('popup', () => {
  it("lists the page's flags grouped by category, each with its sentence", async () => {
    const tab = fakeTab(reportFor(ARTICLE_TEXT, PACKS));
    render(<PopupApp connection={tab.connection} builtinPacks={PACKS} />);

    const labels = await screen.findByRole('region', { name: /Contentious label/ });
    expect(within(labels).getByRole('button').textContent).toContain('regime');
    expect(within(labels).getByRole('button').textContent).toContain('The regime slammed the report on Monday.');
    expect(screen.getByRole('region', { name: /Vague attribution/ }).textContent).toContain('Critics say the plan will fail.');
    expect(screen.getAllByRole('button', { name: /^(regime|slammed|Critics say)/ })).toHaveLength(3);
  });

  it('shows counts by kind and the rate per 1,000 words', async () => {
    const report = reportFor(ARTICLE_TEXT, PACKS);
    render(<PopupApp connection={fakeTab(report).connection} builtinPacks={PACKS} />);

    const byKind = await screen.findByRole('table', { name: 'Flags by kind' });
    expect(within(byKind).getByRole('row', { name: /Loaded term/ }).textContent).toContain('2');
    expect(within(byKind).getByRole('row', { name: /Vague attribution/ }).textContent).toContain('1');
    const rate = ((3 / report.words) * 1000).toLocaleString('en', { maximumFractionDigits: 1 });
    expect(screen.getByText(/per 1,000 words/).textContent).toContain(`${rate} per 1,000 words`);
  });

  it('asks the page to scroll to a flag and open its card when the flag is chosen', async () => {
    const report = reportFor(ARTICLE_TEXT, PACKS);
    const tab = fakeTab(report);
    render(<PopupApp connection={tab.connection} builtinPacks={PACKS} />);

    fireEvent.click(await screen.findByRole('button', { name: /^Critics say/ }));
    await waitFor(() => expect(tab.focused).toEqual([report.flags.find((flag) => flag.text === 'Critics say')!.id]));
  });

  it('stores a rule set switched off and hides its flags at once', async () => {
    render(<PopupApp connection={fakeTab(reportFor(ARTICLE_TEXT, PACKS)).connection} builtinPacks={PACKS} />);

    const toggle = await screen.findByRole('switch', { name: 'Test labels' });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    fireEvent.click(toggle);

    await waitFor(async () => expect((await readSettings()).disabledPacks).toEqual(['test-labels']));
    await waitFor(() => expect(screen.queryByRole('button', { name: /^regime/ })).toBeNull());
    expect(screen.getByRole('button', { name: /^Critics say/ })).toBeTruthy();
    expect((screen.getByRole('switch', { name: 'Test labels' }) as HTMLInputElement).checked).toBe(false);
  });

  it('shows a rule set as off when it was switched off on another page', async () => {
    await settingsItem.setValue({ ...(await readSettings()), disabledPacks: ['test-vague'] });
    render(<PopupApp connection={fakeTab(reportFor(ARTICLE_TEXT, PACKS)).connection} builtinPacks={PACKS} />);

    await waitFor(() =>
      expect((screen.getByRole('switch', { name: 'Test vague sources' }) as HTMLInputElement).checked).toBe(false),
    );
    expect(screen.queryByRole('button', { name: /^Critics say/ })).toBeNull();
  });

  it("stores the site's host name when switched off on this site", async () => {
    render(<PopupApp connection={fakeTab(reportFor(ARTICLE_TEXT, PACKS)).connection} builtinPacks={PACKS} />);

    const site = await screen.findByRole('switch', { name: /On this site/ });
    expect(site.closest('.switch-row')?.textContent).toContain('news.example.com');
    fireEvent.click(site);
    await waitFor(async () => expect((await readSettings()).disabledSites).toEqual(['news.example.com']));
    // The page's report still lists flags until the page reacts; the popup follows the setting at once.
    expect(await screen.findByText(/Unspun is off on this site/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^regime/ })).toBeNull();

    fireEvent.click(screen.getByRole('switch', { name: /On this site/ }));
    await waitFor(async () => expect((await readSettings()).disabledSites).toEqual([]));
    expect(await screen.findByRole('button', { name: /^regime/ })).toBeTruthy();
  });

  it('hides flags of severities the reader does not show', async () => {
    await settingsItem.setValue({ ...(await readSettings()), severities: ['high', 'medium'] });
    render(<PopupApp connection={fakeTab(reportFor(ARTICLE_TEXT, PACKS)).connection} builtinPacks={PACKS} />);

    await screen.findByRole('button', { name: /^regime/ });
    // "slammed" is a low-severity rule in the fixture pack.
    expect(screen.queryByRole('button', { name: /^slammed/ })).toBeNull();
  });

  it('explains, without an error, a tab where no content script runs', async () => {
    render(<PopupApp connection={fakeTab(undefined).connection} builtinPacks={PACKS} />);

    expect(await screen.findByText("Unspun can't read this page.")).toBeTruthy();
    expect(screen.getByText(/Browser pages .* are closed to extensions/)).toBeTruthy();
    expect(screen.queryByRole('switch', { name: /On this site/ })).toBeNull();
    expect(screen.getByText('Nothing leaves your browser: analysis runs on this device.')).toBeTruthy();
  });

  it('offers "Analyze this page" on a page not detected as an article and then shows its flags', async () => {
    const tab = fakeTab(reportFor(ARTICLE_TEXT, PACKS, { isArticle: false, analyzed: false, flags: [] }));
    render(<PopupApp connection={tab.connection} builtinPacks={PACKS} />);

    expect(await screen.findByText(/doesn't look like a news article/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Flags' })).toBeNull();
    // No per-pack counts for a page nobody analyzed: "0 flags" would be a claim about it.
    expect(screen.queryByText(/flags? on this page/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Analyze this page' }));

    await screen.findByRole('button', { name: /^regime/ });
    expect(tab.analyzeRequests()).toBe(1);
    expect(screen.queryByRole('button', { name: 'Analyze this page' })).toBeNull();
  });

  it('shows the new report when the content script announces a new flag count', async () => {
    const tab = fakeTab(reportFor(ARTICLE_TEXT, [VAGUE_PACK]));
    let announce = () => {};
    const subscribe: ReportChangeSubscriber = vi.fn((tabId, onChange) => {
      expect(tabId).toBe(5);
      announce = onChange;
      return () => {};
    });
    render(<PopupApp connection={tab.connection} builtinPacks={PACKS} subscribeToReportChanges={subscribe} />);
    await screen.findByRole('button', { name: /^Critics say/ });
    expect(screen.queryByRole('button', { name: /^regime/ })).toBeNull();

    tab.setReport(reportFor(ARTICLE_TEXT, PACKS));
    announce();
    await screen.findByRole('button', { name: /^regime/ });
  });
});

describe('export buttons', () => {
  const report = reportFor(ARTICLE_TEXT, PACKS);
  const now = () => new Date('2026-11-28T12:00:00Z');

  it('download the flags as JSON that parses back, with title and URL', () => {
    const download = vi.fn();
    render(<ExportButtons report={report} flags={report.flags} download={download} now={now} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));

    const [fileName, content, mimeType] = download.mock.calls[0];
    expect(fileName).toBe('unspun-news-example-com-2026-11-28.json');
    expect(mimeType).toBe('application/json');
    const parsed = JSON.parse(content);
    expect(parsed).toMatchObject({ title: 'Budget story', url: report.url, exportedAt: '2026-11-28T12:00:00.000Z' });
    expect(parsed.flags).toHaveLength(3);
  });

  it('download the flags as Markdown for people', () => {
    const download = vi.fn();
    render(<ExportButtons report={report} flags={report.flags} download={download} now={now} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));

    const [fileName, content, mimeType] = download.mock.calls[0];
    expect(fileName).toBe('unspun-news-example-com-2026-11-28.md');
    expect(mimeType).toBe('text/markdown');
    expect(content).toMatch(/^# Unspun flags: Budget story\n/);
    expect(content).toContain('- **Critics say** (Vague attribution, medium severity): Critics say the plan will fail.');
  });
});
