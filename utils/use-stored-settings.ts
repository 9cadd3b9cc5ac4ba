/**
 * Preact hooks over the storage items in utils/settings.ts. They watch storage, so a change made
 * in the options page shows up in an open popup and the other way round.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Pack } from '../core/schema';
import { validStoredPacks } from './imported-packs';
import { readSettings, SettingsSchema, type Settings } from './settings';
import { DEFAULT_SETTINGS, importedPacksItem, settingsItem } from './settings-store';

/** Current settings (undefined until read), repaired to defaults if storage holds something malformed. */
export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  useEffect(() => {
    let active = true;
    void readSettings().then((value) => {
      if (active) setSettings(value);
    });
    const unwatch = settingsItem.watch((value) => {
      const parsed = SettingsSchema.safeParse(value);
      setSettings(parsed.success ? parsed.data : DEFAULT_SETTINGS);
    });
    return () => {
      active = false;
      unwatch();
    };
  }, []);
  return settings;
}

/** Imported packs that validate (undefined until read). */
export function useImportedPacks(): Pack[] | undefined {
  const [packs, setPacks] = useState<Pack[] | undefined>(undefined);
  useEffect(() => {
    let active = true;
    void importedPacksItem.getValue().then((stored) => {
      if (active) setPacks(validStoredPacks(stored));
    });
    const unwatch = importedPacksItem.watch((stored) => setPacks(validStoredPacks(stored ?? [])));
    return () => {
      active = false;
      unwatch();
    };
  }, []);
  return packs;
}

/** Built-in packs with imports laid over them: an import with a built-in's id replaces it. */
export function mergePacks(builtin: readonly Pack[], imported: readonly Pack[]): Array<{ pack: Pack; imported: boolean }> {
  const byId = new Map<string, { pack: Pack; imported: boolean }>();
  for (const pack of builtin) byId.set(pack.id, { pack, imported: false });
  for (const pack of imported) byId.set(pack.id, { pack, imported: true });
  return [...byId.values()];
}
