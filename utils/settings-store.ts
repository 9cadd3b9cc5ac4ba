/**
 * The settings storage items and a zod-free reading of them, for the content script: it
 * starts on every page the reader opens, and building zod's schemas there cost more than
 * everything else in its start-up. utils/settings.ts holds the schema beside them; a test
 * proves `settingsFrom` gives exactly what `SettingsSchema.safeParse` gives.
 */
import { storage } from '#imports';
import type { Settings } from './settings';

const SEVERITIES: ReadonlySet<unknown> = new Set(['low', 'medium', 'high']);

/** The settings of a reader who changed nothing (what `SettingsSchema.parse({})` gives). */
export const DEFAULT_SETTINGS: Settings = { disabledPacks: [], disabledSites: [], severities: ['low', 'medium', 'high'] };

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/**
 * Packs the reader imported, stored as the JSON they gave (already validated on import);
 * they are validated again when loaded so a corrupted entry is skipped, not trusted.
 */
export const importedPacksItem = storage.defineItem<unknown[]>('local:importedPacks', {
  fallback: [],
  version: 1,
});

/** A list field as the schema reads it: missing is the default, anything but a list of valid items is invalid (null). */
function listField<T>(value: unknown, isItem: (item: unknown) => boolean, fallback: readonly T[]): T[] | null {
  if (value === undefined) return [...fallback];
  if (!Array.isArray(value)) return null;
  for (let index = 0; index < value.length; index++) if (!isItem(value[index])) return null;
  return [...value] as T[];
}

/** Stored settings as `SettingsSchema` reads them, or the defaults when they are malformed. */
export function settingsFrom(value: unknown): Settings {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ...DEFAULT_SETTINGS };
  const record = value as Record<string, unknown>;
  const isString = (item: unknown) => typeof item === 'string';
  const disabledPacks = listField<string>(record.disabledPacks, isString, DEFAULT_SETTINGS.disabledPacks);
  const disabledSites = listField<string>(record.disabledSites, isString, DEFAULT_SETTINGS.disabledSites);
  const severities = listField<Settings['severities'][number]>(record.severities, (item) => SEVERITIES.has(item), DEFAULT_SETTINGS.severities);
  if (!disabledPacks || !disabledSites || !severities) return { ...DEFAULT_SETTINGS };
  return { disabledPacks, disabledSites, severities };
}

/** Reads settings without zod, repairing anything malformed back to defaults rather than failing. */
export async function readStoredSettings(): Promise<Settings> {
  return settingsFrom(await settingsItem.getValue());
}

/**
 * Applies a change to the stored settings without zod (for the content script) and returns
 * the new value; anything malformed is repaired to the defaults as `settingsFrom` does.
 */
export async function updateStoredSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = settingsFrom(change(await readStoredSettings()));
  await settingsItem.setValue(next);
  return next;
}

export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  return !settings.disabledSites.includes(hostname);
}
