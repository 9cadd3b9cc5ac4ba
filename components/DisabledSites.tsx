import { useState } from 'preact/hooks';
import { hostnameFromInput } from '../utils/hostname-from-input';

/** The sites where Unspun is off: remove one, or add one by host name or URL. */
export function DisabledSites({
  sites,
  onAdd,
  onRemove,
}: {
  sites: readonly string[];
  onAdd: (hostname: string) => void;
  onRemove: (hostname: string) => void;
}) {
  const [value, setValue] = useState('');
  const [error, setError] = useState('');

  function submit(event: Event) {
    event.preventDefault();
    const hostname = hostnameFromInput(value);
    if (!hostname) {
      setError(`“${value.trim()}” is not a site. Enter a host name such as www.example.com or a page address.`);
      return;
    }
    setError('');
    setValue('');
    onAdd(hostname);
  }

  return (
    <div class="disabled-sites">
      {sites.length === 0 ? (
        <p class="muted">Unspun is on everywhere.</p>
      ) : (
        <ul class="site-list">
          {sites.map((site) => (
            <li key={site}>
              <span class="site">{site}</span>
              <button type="button" onClick={() => onRemove(site)} aria-label={`Switch Unspun back on for ${site}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={submit}>
        <label for="add-site">Switch off on a site</label>
        <div class="input-row">
          <input
            id="add-site"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="www.example.com"
            value={value}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'add-site-error' : undefined}
            onInput={(event) => setValue(event.currentTarget.value)}
          />
          <button type="submit">Add</button>
        </div>
        {error && (
          <p id="add-site-error" class="error">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}
