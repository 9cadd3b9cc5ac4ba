import { downloadFile } from '../utils/download-file';
import { exportFileName, flagsToJson, flagsToMarkdown } from '../utils/export-flags';
import type { FlagSummary, PageReport } from '../utils/messages';

/** Saves the page's flags with its title and URL: Markdown for people, JSON for tools. */
export function ExportButtons({
  report,
  flags,
  download = downloadFile,
  now = () => new Date(),
}: {
  report: PageReport;
  flags: FlagSummary[];
  download?: typeof downloadFile;
  now?: () => Date;
}) {
  return (
    <div class="button-row">
      <button
        type="button"
        onClick={() => {
          const date = now();
          download(exportFileName(report.url, date, 'md'), flagsToMarkdown(report, flags, date), 'text/markdown');
        }}
      >
        Export Markdown
      </button>
      <button
        type="button"
        onClick={() => {
          const date = now();
          download(exportFileName(report.url, date, 'json'), flagsToJson(report, flags, date), 'application/json');
        }}
      >
        Export JSON
      </button>
    </div>
  );
}
