import { downloadFile } from '../utils/download-file';
import { exportFileName, flagsToJson, flagsToMarkdown } from '../utils/export-flags';
import type { FlagSummary, PageReport } from '../utils/messages';

/** The two ways out: Markdown for people, JSON for tools. */
const FORMATS = [
  { label: 'Export Markdown', extension: 'md', mimeType: 'text/markdown', render: flagsToMarkdown },
  { label: 'Export JSON', extension: 'json', mimeType: 'application/json', render: flagsToJson },
] as const;

/** Saves the page's flags with its title and URL, in each of the formats above. */
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
      {FORMATS.map(({ label, extension, mimeType, render }) => (
        <button
          key={extension}
          type="button"
          onClick={() => {
            const date = now();
            download(exportFileName(report.url, date, extension), render(report, flags, date), mimeType);
          }}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
