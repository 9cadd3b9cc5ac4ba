import { useState } from 'preact/hooks';
import type { Pack } from '../core/schema';
import { downloadFile } from '../utils/download-file';
import { deleteImportedPack, packFileName } from '../utils/imported-packs';
import { updateSettings } from '../utils/settings';
import { mergePacks, useImportedPacks, useSettings } from '../utils/use-stored-settings';
import { DisabledSites } from './DisabledSites';
import { KeyboardShortcuts, type ShortcutInfo } from './KeyboardShortcuts';
import { PackImport } from './PackImport';
import { PackList } from './PackList';
import { PrivacyNote } from './PrivacyNote';
import { SeverityFilter } from './SeverityFilter';

/** The options page: rule packs (list, import, export, delete), severities, sites where Unspun is off. */
export function OptionsApp({
  builtinPacks,
  download = downloadFile,
  loadCommands,
}: {
  builtinPacks: readonly Pack[];
  download?: typeof downloadFile;
  /** The extension's keyboard commands (`browser.commands.getAll`); the section is left out without it. */
  loadCommands?: () => Promise<ShortcutInfo[]>;
}) {
  const settings = useSettings();
  const importedPacks = useImportedPacks();
  const [notice, setNotice] = useState('');

  if (!settings || !importedPacks) {
    return (
      <main class="panel options">
        <h1>Unspun settings</h1>
        <p class="muted">Loading…</p>
      </main>
    );
  }

  const builtinIds = new Set(builtinPacks.map((pack) => pack.id));
  const entries = mergePacks(builtinPacks, importedPacks).map((entry) => ({
    ...entry,
    replacesBuiltin: entry.imported && builtinIds.has(entry.pack.id),
  }));

  return (
    <main class="panel options">
      <h1>Unspun settings</h1>
      <PrivacyNote />

      <section aria-labelledby="packs-heading">
        <h2 id="packs-heading">Rule packs</h2>
        <PackList
          entries={entries}
          disabledPacks={settings.disabledPacks}
          onToggle={(pack, enabled) =>
            void updateSettings((current) => ({
              ...current,
              disabledPacks: enabled
                ? current.disabledPacks.filter((id) => id !== pack.id)
                : [...new Set([...current.disabledPacks, pack.id])],
            }))
          }
          onExport={(pack) => download(packFileName(pack), `${JSON.stringify(pack, null, 2)}\n`, 'application/json')}
          onDelete={(pack) =>
            void deleteImportedPack(pack.id).then(() =>
              setNotice(
                builtinIds.has(pack.id)
                  ? `Deleted the imported “${pack.name}”; the built-in pack is back in use.`
                  : `Deleted “${pack.name}”.`,
              ),
            )
          }
        />
        <h3>Import</h3>
        <PackImport
          builtin={builtinPacks}
          imported={importedPacks}
          onNotice={setNotice}
        />
        {/* The page's one status region: imports and deletions are announced here. */}
        <p class="notice success" role="status" aria-live="polite">
          {notice}
        </p>
      </section>

      <section aria-labelledby="severity-heading">
        <h2 id="severity-heading">Severities</h2>
        <SeverityFilter
          severities={settings.severities}
          onChange={(severities) => void updateSettings((current) => ({ ...current, severities }))}
        />
      </section>

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">Sites where Unspun is off</h2>
        <DisabledSites
          sites={settings.disabledSites}
          onAdd={(hostname) =>
            void updateSettings((current) => ({
              ...current,
              disabledSites: [...new Set([...current.disabledSites, hostname])],
            }))
          }
          onRemove={(hostname) =>
            void updateSettings((current) => ({
              ...current,
              disabledSites: current.disabledSites.filter((site) => site !== hostname),
            }))
          }
        />
      </section>

      {loadCommands && (
        <section aria-labelledby="shortcuts-heading">
          <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
          <KeyboardShortcuts loadCommands={loadCommands} />
        </section>
      )}
    </main>
  );
}
