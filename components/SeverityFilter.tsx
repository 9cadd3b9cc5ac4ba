import { SEVERITY_LABELS } from '../core/labels';
import type { Severity } from '../core/schema';

const SEVERITIES: Severity[] = ['high', 'medium', 'low'];

/** Which severities pages show; a flag of any other severity is hidden. */
export function SeverityFilter({
  severities,
  onChange,
}: {
  severities: readonly Severity[];
  onChange: (severities: Severity[]) => void;
}) {
  return (
    <fieldset class="severity-filter">
      <legend>Show flags of severity</legend>
      {SEVERITIES.map((severity) => (
        <div key={severity} class="check-row">
          <input
            id={`severity-${severity}`}
            type="checkbox"
            checked={severities.includes(severity)}
            onChange={(event) =>
              onChange(
                event.currentTarget.checked
                  ? SEVERITIES.filter((item) => item === severity || severities.includes(item))
                  : severities.filter((item) => item !== severity),
              )
            }
          />
          <label for={`severity-${severity}`}>{SEVERITY_LABELS[severity]}</label>
        </div>
      ))}
    </fieldset>
  );
}
