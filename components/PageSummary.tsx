import { CATEGORY_LABELS, KIND_LABELS } from '../core/labels';
import type { FlagKind } from '../core/flag';
import type { ReportSummary } from '../utils/summarize-report';

const KIND_ORDER: FlagKind[] = ['loaded-term', 'scare-quote', 'vague-attribution', 'unsourced-assertion'];

function formatRate(rate: number | undefined): string {
  if (rate === undefined) return '—';
  return rate.toLocaleString('en', { maximumFractionDigits: 1 });
}

/** Counts by kind and category, the rate per 1,000 words and the one-line reading. */
export function PageSummary({ summary, words }: { summary: ReportSummary; words: number }) {
  const charged = summary.flags.length - summary.quoted;
  return (
    <div class="summary">
      <p class="reading" data-testid="reading">
        {summary.reading}
      </p>
      <p class="rate">
        <strong>{charged}</strong> {charged === 1 ? 'flag' : 'flags'} in {words.toLocaleString('en')} words:{' '}
        <strong>{formatRate(summary.perThousandWords)}</strong> per 1,000 words
        {summary.quoted > 0 ? `, plus ${summary.quoted} inside quotations (not counted against the writer)` : ''}.
      </p>
      <div class="counts">
        <table aria-label="Flags by kind">
          <tbody>
            {KIND_ORDER.map((kind) => (
              <tr key={kind}>
                <th scope="row">
                  <span class={`kind-dot kind-${kind}`} aria-hidden="true" />
                  {KIND_LABELS[kind]}
                </th>
                <td>{summary.byKind[kind]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {summary.byCategory.length > 0 && (
          <table aria-label="Flags by category">
            <tbody>
              {summary.byCategory.map(({ category, count }) => (
                <tr key={category}>
                  <th scope="row">{CATEGORY_LABELS[category]}</th>
                  <td>{count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
