import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Pack } from '../core/schema';
import type { PageReport } from '../utils/messages';
import { summarizeReport } from '../utils/summarize-report';
import type { TabConnection } from '../utils/tab-connection';
import { mergePacks, useImportedPacks, useSettings } from '../utils/use-stored-settings';
import { updateSettings } from '../utils/settings';
import { ExportButtons } from './ExportButtons';
import { FlagList } from './FlagList';
import { PageSummary } from './PageSummary';
import { PrivacyNote } from './PrivacyNote';
import { RuleSetToggle } from './RuleSetToggle';
import { SiteSwitch } from './SiteSwitch';

type PageState = { status: 'loading' } | { status: 'unreachable' } | { status: 'ready'; report: PageReport };

/** A flag-count message from the content script of a tab: its page report has changed. */
export type ReportChangeSubscriber = (tabId: number, onChange: () => void) => () => void;

/**
 * After a settings change the content script re-analyzes in slices; ask again once it has had
 * time, in case its flag count (our other refresh signal) came out the same.
 */
const REFRESH_AFTER_SETTINGS_MS = 400;

function hostnameOf(url: string): string | undefined {
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

function pluralFlags(count: number): string {
  return `${count} ${count === 1 ? 'flag' : 'flags'} on this page`;
}

/** The popup for one tab: summary, flag list, export, site switch, rule-set toggles. */
export function PopupApp({
  connection,
  builtinPacks,
  subscribeToReportChanges,
  openOptions,
}: {
  /** Undefined when there is no tab to talk to. */
  connection: TabConnection | undefined;
  builtinPacks: readonly Pack[];
  subscribeToReportChanges?: ReportChangeSubscriber;
  openOptions?: () => void;
}) {
  const settings = useSettings();
  const importedPacks = useImportedPacks();
  const [page, setPage] = useState<PageState>(connection ? { status: 'loading' } : { status: 'unreachable' });
  const [notice, setNotice] = useState('');
  const [analyzing, setAnalyzing] = useState(false);
  const requestNumber = useRef(0);

  const refresh = useCallback(async () => {
    if (!connection) return;
    // Replies can arrive out of order; only the newest request may update the view.
    const number = ++requestNumber.current;
    const report = await connection.getReport();
    if (number !== requestNumber.current) return;
    setPage(report ? { status: 'ready', report } : { status: 'unreachable' });
  }, [connection]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (!connection || !subscribeToReportChanges) return undefined;
    return subscribeToReportChanges(connection.tabId, () => void refresh());
  }, [connection, subscribeToReportChanges, refresh]);

  // Settings changed here or in the options page: the page re-analyzes, so its report changes.
  const settingsKey = settings ? JSON.stringify([settings.disabledPacks, settings.disabledSites]) : '';
  const importedKey = importedPacks ? importedPacks.map((pack) => `${pack.id}@${pack.version}`).join() : '';
  const firstSettings = useRef(true);
  useEffect(() => {
    if (!settingsKey) return undefined;
    if (firstSettings.current) {
      firstSettings.current = false;
      return undefined;
    }
    const timer = setTimeout(() => void refresh(), REFRESH_AFTER_SETTINGS_MS);
    return () => clearTimeout(timer);
  }, [settingsKey, importedKey, refresh]);

  const report = page.status === 'ready' ? page.report : undefined;
  const summary = useMemo(
    () => (report && settings ? summarizeReport(report, settings) : undefined),
    [report, settings],
  );
  const packs = mergePacks(builtinPacks, importedPacks ?? []);
  const hostname = report ? hostnameOf(report.url) : undefined;
  // Settings decide at once; the page's own report catches up after it has reacted to the change.
  const siteOn = report && settings && hostname ? !settings.disabledSites.includes(hostname) : report?.siteEnabled;
  const showPage = report && siteOn && report.siteEnabled;

  async function analyze() {
    if (!connection) return;
    setAnalyzing(true);
    setNotice('Analyzing this page…');
    const next = await connection.analyzePage();
    setAnalyzing(false);
    setNotice(next ? '' : 'The page did not answer. Reload it and try again.');
    if (next) setPage({ status: 'ready', report: next });
  }

  async function focus(flagId: string) {
    if (!connection) return;
    const delivered = await connection.focusFlag(flagId);
    setNotice(delivered ? '' : 'The page did not answer. Reload it and try again.');
  }

  return (
    <main class="panel popup">
      <header class="panel-header">
        <h1>Unspun</h1>
        {openOptions && (
          <button type="button" class="link-button" onClick={openOptions}>
            Settings
          </button>
        )}
      </header>

      {page.status === 'loading' && <p class="muted">Reading this page…</p>}

      {page.status === 'unreachable' && (
        <div class="message" role="status">
          <p>
            <strong>Unspun can't read this page.</strong>
          </p>
          <p>
            Browser pages (such as settings, new tabs and the extension store) are closed to extensions. If this is a
            web page that was open before Unspun was installed or is still loading, reload it and open Unspun again.
          </p>
        </div>
      )}

      {report && settings && hostname && (
        <SiteSwitch
          hostname={hostname}
          enabled={siteOn === true}
          onChange={(enabled) =>
            void updateSettings((current) => ({
              ...current,
              disabledSites: enabled
                ? current.disabledSites.filter((site) => site !== hostname)
                : [...new Set([...current.disabledSites, hostname])],
            }))
          }
        />
      )}

      {report && !siteOn && <p class="message">Unspun is off on this site. Switch it on to see highlights here.</p>}

      {report && siteOn && !report.siteEnabled && <p class="muted">Switching Unspun on for this site…</p>}

      {showPage && !report.analyzed && (
        <div class="message">
          <p>
            {report.isArticle
              ? 'This page has not been analyzed yet.'
              : "This page doesn't look like a news article, so Unspun left it alone."}
          </p>
          <button type="button" class="primary" onClick={() => void analyze()} disabled={analyzing}>
            Analyze this page
          </button>
        </div>
      )}

      <p class="notice" role="status" aria-live="polite">
        {notice}
      </p>

      {showPage && report.analyzed && summary && (
        <>
          <section aria-labelledby="summary-heading">
            <h2 id="summary-heading">This page</h2>
            <PageSummary summary={summary} words={report.words} />
          </section>
          <section aria-labelledby="flags-heading">
            <h2 id="flags-heading">Flags</h2>
            <FlagList flags={summary.flags} onSelect={(flag) => void focus(flag.id)} />
          </section>
          <section aria-labelledby="export-heading">
            <h2 id="export-heading">Export</h2>
            <ExportButtons report={report} flags={summary.flags} />
          </section>
        </>
      )}

      {settings && packs.length > 0 && (
        <section aria-labelledby="packs-heading">
          <h2 id="packs-heading">Rule sets</h2>
          {packs.map(({ pack }) => {
            const onPage =
              summary && showPage && report.analyzed
                ? summary.flags.filter((flag) => flag.packId === pack.id).length
                : undefined;
            // Attribution cues never highlight anything; a count of 0 would wrongly suggest they do nothing.
            const sourcesOnly = pack.rules.every((rule) => rule.kind === 'attribution-cue');
            return (
              <RuleSetToggle
                key={pack.id}
                pack={pack}
                enabled={!settings.disabledPacks.includes(pack.id)}
                detail={
                  sourcesOnly
                    ? 'Recognises sources; shows no highlights'
                    : onPage === undefined
                      ? undefined
                      : pluralFlags(onPage)
                }
                onChange={(enabled) =>
                  void updateSettings((current) => ({
                    ...current,
                    disabledPacks: enabled
                      ? current.disabledPacks.filter((id) => id !== pack.id)
                      : [...new Set([...current.disabledPacks, pack.id])],
                  }))
                }
              />
            );
          })}
        </section>
      )}

      <PrivacyNote />
    </main>
  );
}
