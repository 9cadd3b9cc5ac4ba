import { CATEGORY_LABELS, KIND_LABELS } from '../core/labels';
import type { Category } from '../core/schema';
import type { FlagSummary } from '../utils/messages';

/** What a reader recognises in the list: the trigger words for a claim, the flagged words otherwise. */
function flaggedWords(flag: FlagSummary): string {
  return flag.kind === 'unsourced-assertion' && flag.trigger ? flag.trigger.text : flag.text;
}

/**
 * The page's flags grouped by category, in page order within a group. Each is a button: choosing
 * it (click, Enter or Space) scrolls the page to the flag and opens its card.
 */
export function FlagList({ flags, onSelect }: { flags: FlagSummary[]; onSelect: (flag: FlagSummary) => void }) {
  if (flags.length === 0) return <p class="muted">No flags on this page.</p>;
  const groups = new Map<Category, FlagSummary[]>();
  for (const flag of flags) {
    const group = groups.get(flag.category) ?? [];
    group.push(flag);
    groups.set(flag.category, group);
  }
  return (
    <div class="flag-list">
      {[...groups].map(([category, group]) => (
        <section key={category} aria-labelledby={`category-${category}`}>
          <h3 id={`category-${category}`}>
            {CATEGORY_LABELS[category]} <span class="count">({group.length})</span>
          </h3>
          <ul>
            {group.map((flag) => (
              <li key={flag.id}>
                <button type="button" class="flag-item" onClick={() => onSelect(flag)}>
                  <span class="flag-head">
                    <span class={`kind-dot kind-${flag.kind}`} aria-hidden="true" />
                    <mark class={`flag-text kind-${flag.kind}`}>{flaggedWords(flag)}</mark>
                    <span class="visually-hidden">, {KIND_LABELS[flag.kind]}</span>
                    {flag.quoted && <span class="tag">in a quotation</span>}
                  </span>
                  <span class="flag-sentence">{flag.sentence}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
