/**
 * Which packs are in play: the built-in ones from `rules/` plus the reader's imports, minus
 * the ones switched off. Content script, popup and options all go through here.
 */
import { parsePack, type Pack } from '../core/schema';
import { importedPacksItem, type Settings } from './settings';

export interface AvailablePacks {
  builtin: readonly Pack[];
  imported: Pack[];
}

/** Loads imported packs, skipping any stored entry that no longer validates, beside the given built-in ones. */
export async function loadAvailablePacks(builtin: readonly Pack[]): Promise<AvailablePacks> {
  const stored = await importedPacksItem.getValue();
  const imported: Pack[] = [];
  for (const data of stored) {
    const parsed = parsePack(data);
    if (parsed.ok) imported.push(parsed.pack);
  }
  return { builtin, imported };
}

/** Built-in and imported packs that the reader has not switched off; an import with a built-in's id replaces it. */
export function enabledPacks(available: AvailablePacks, settings: Settings): Pack[] {
  const byId = new Map<string, Pack>();
  for (const pack of [...available.builtin, ...available.imported]) byId.set(pack.id, pack);
  return [...byId.values()].filter((pack) => !settings.disabledPacks.includes(pack.id));
}
