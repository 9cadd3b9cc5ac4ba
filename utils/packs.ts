/**
 * Which packs are in play: the built-in ones from `rules/` plus the reader's imports, minus
 * the ones switched off. The background, which compiles and analyses, goes through here.
 */
import type { Pack } from '../core/schema';
import type { Settings } from './settings';

export interface AvailablePacks {
  builtin: readonly Pack[];
  imported: Pack[];
}

/** Built-in and imported packs that the reader has not switched off; an import with a built-in's id replaces it. */
export function enabledPacks(available: AvailablePacks, settings: Pick<Settings, 'disabledPacks'>): Pack[] {
  const byId = new Map<string, Pack>();
  for (const pack of [...available.builtin, ...available.imported]) byId.set(pack.id, pack);
  return [...byId.values()].filter((pack) => !settings.disabledPacks.includes(pack.id));
}
