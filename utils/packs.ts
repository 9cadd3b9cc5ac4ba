/**
 * Which packs are in play: the built-in ones from `rules/` plus the reader's imports, minus
 * the ones switched off. Content script, popup and options all go through here.
 */
import type { Pack } from '../core/schema';
import type { Settings } from './settings';
import { importedPacksItem } from './settings-store';

export interface AvailablePacks {
  builtin: readonly Pack[];
  imported: Pack[];
}

/** Loads imported packs, skipping any stored entry that no longer validates, beside the given built-in ones. */
export async function loadAvailablePacks(builtin: readonly Pack[]): Promise<AvailablePacks> {
  const stored = await importedPacksItem.getValue();
  const imported: Pack[] = [];
  if (stored.length === 0) return { builtin, imported };
  // The schema (zod) is loaded only when there is something to validate: most readers import nothing.
  const { parsePack } = await import('../core/schema');
  for (const data of stored) {
    const parsed = parsePack(data);
    if (parsed.ok) imported.push(parsed.pack);
  }
  return { builtin, imported };
}

/** Built-in and imported packs that the reader has not switched off; an import with a built-in's id replaces it. */
export function enabledPacks(available: AvailablePacks, settings: Pick<Settings, 'disabledPacks'>): Pack[] {
  const byId = new Map<string, Pack>();
  for (const pack of [...available.builtin, ...available.imported]) byId.set(pack.id, pack);
  return [...byId.values()].filter((pack) => !settings.disabledPacks.includes(pack.id));
}
