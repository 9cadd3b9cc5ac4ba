import type { Pack } from '../core/schema';

/** One rule pack's on/off switch; the change is stored and reaches every open page. */
export function RuleSetToggle({
  pack,
  enabled,
  onChange,
  detail,
}: {
  pack: Pack;
  enabled: boolean;
  onChange: (enabled: boolean) => void;
  /** A short note under the name, e.g. how many flags the pack has on this page. */
  detail?: string;
}) {
  const inputId = `pack-toggle-${pack.id}`;
  return (
    <div class="switch-row">
      <input
        id={inputId}
        type="checkbox"
        role="switch"
        checked={enabled}
        aria-describedby={detail ? `${inputId}-detail` : undefined}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <label for={inputId}>{pack.name}</label>
      {detail && (
        <span id={`${inputId}-detail`} class="muted detail">
          {detail}
        </span>
      )}
    </div>
  );
}
