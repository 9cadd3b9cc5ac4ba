import { useEffect, useState } from 'preact/hooks';

export interface ShortcutInfo {
  name?: string;
  description?: string;
  shortcut?: string;
}

/** The keys bound to the extension's commands, as the browser reports them (readers can rebind them). */
export function KeyboardShortcuts({ loadCommands }: { loadCommands: () => Promise<ShortcutInfo[]> }) {
  const [commands, setCommands] = useState<ShortcutInfo[] | undefined>(undefined);
  useEffect(() => {
    let active = true;
    loadCommands()
      .catch(() => [])
      .then((list) => {
        // `_execute_action` is the browser's own toolbar command, not one of ours.
        if (active) setCommands(list.filter((command) => command.name && !command.name.startsWith('_')));
      });
    return () => {
      active = false;
    };
  }, [loadCommands]);

  if (!commands) return null;
  if (commands.length === 0) return <p class="muted">This browser does not report keyboard shortcuts.</p>;
  return (
    <>
      <ul class="shortcut-list">
        {commands.map((command) => (
          <li key={command.name}>
            <span>{command.description ?? command.name}</span>{' '}
            {command.shortcut ? <kbd>{command.shortcut}</kbd> : <span class="muted">no key set</span>}
          </li>
        ))}
      </ul>
      <p class="muted">Change them in the browser's extension shortcut settings (chrome://extensions/shortcuts).</p>
    </>
  );
}
