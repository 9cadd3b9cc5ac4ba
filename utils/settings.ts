/**
 * Every reader setting lives here, in `browser.storage.local`, as versioned WXT storage
 * items. Content scripts, popup and options watch these items, so a change made anywhere
 * reaches every open page without a reload.
 */
import { z } from 'zod';
import { SeveritySchema } from '../core/schema';
import { DEFAULT_SETTINGS, settingsItem } from './settings-store';

export const SettingsSchema = z.object({
  /** Pack ids the reader switched off; everything else is on, including packs added later. */
  disabledPacks: z.array(z.string()).default([]),
  /** Host names (e.g. "www.example.com") where Unspun does nothing. */
  disabledSites: z.array(z.string()).default([]),
  /** Severities shown on pages; a flag of any other severity is hidden. */
  severities: z.array(SeveritySchema).default(['low', 'medium', 'high']),
});
export type Settings = z.infer<typeof SettingsSchema>;

// The storage items live in settings-store.ts, which the content script loads without zod.
// Import them from there: re-exported here, WXT's auto-imports would see every name twice.

/** Reads settings, repairing anything malformed back to defaults rather than failing. */
export async function readSettings(): Promise<Settings> {
  const parsed = SettingsSchema.safeParse(await settingsItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Applies a change to the stored settings and returns the new value. */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = SettingsSchema.parse(change(await readSettings()));
  await settingsItem.setValue(next);
  return next;
}
