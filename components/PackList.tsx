import type { Pack } from '../core/schema';
import { RuleSetToggle } from './RuleSetToggle';

export interface PackEntry {
  pack: Pack;
  imported: boolean;
  /** An import whose id is a built-in pack's: it is used instead of the built-in. */
  replacesBuiltin?: boolean;
}

/** Every rule pack with its facts, its switch, export, and delete for imported ones. */
export function PackList({
  entries,
  disabledPacks,
  onToggle,
  onExport,
  onDelete,
}: {
  entries: PackEntry[];
  disabledPacks: readonly string[];
  onToggle: (pack: Pack, enabled: boolean) => void;
  onExport: (pack: Pack) => void;
  onDelete: (pack: Pack) => void;
}) {
  if (entries.length === 0) return <p class="muted">No rule packs.</p>;
  return (
    <ul class="pack-list">
      {entries.map(({ pack, imported, replacesBuiltin }) => (
        <li key={pack.id} class="pack">
          <RuleSetToggle
            pack={pack}
            enabled={!disabledPacks.includes(pack.id)}
            onChange={(enabled) => onToggle(pack, enabled)}
          />
          <p class="pack-facts muted">
            <span>
              Language <span lang="en">{pack.language}</span>
            </span>
            <span>version {pack.version}</span>
            <span>
              {pack.rules.length} {pack.rules.length === 1 ? 'rule' : 'rules'}
            </span>
            <span class={`tag ${imported ? 'tag-imported' : ''}`}>
              {imported ? (replacesBuiltin ? 'imported, replaces built-in' : 'imported') : 'built-in'}
            </span>
          </p>
          <p class="pack-description">{pack.description}</p>
          <div class="button-row">
            <button type="button" onClick={() => onExport(pack)} aria-label={`Export ${pack.name} as JSON`}>
              Export
            </button>
            {imported && (
              <button
                type="button"
                class="danger"
                onClick={() => onDelete(pack)}
                aria-label={`Delete imported pack ${pack.name}`}
              >
                Delete
              </button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
