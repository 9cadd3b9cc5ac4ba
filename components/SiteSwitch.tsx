/** "On this site": off adds the host name to settings.disabledSites, and the page clears its highlights. */
export function SiteSwitch({
  hostname,
  enabled,
  onChange,
}: {
  hostname: string;
  enabled: boolean;
  onChange: (enabled: boolean) => void;
}) {
  return (
    <div class="switch-row site-switch">
      <input
        id="site-switch"
        type="checkbox"
        role="switch"
        checked={enabled}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <label for="site-switch">
        On this site <span class="muted">({hostname})</span>
      </label>
    </div>
  );
}
