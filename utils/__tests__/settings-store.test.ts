import { describe, expect, it } from 'vitest';
import { SettingsSchema } from '../settings';
import { DEFAULT_SETTINGS } from '../settings-store';
import { settingsFrom } from '../settings-store';

/** What the popup and options read (zod), which the content script's reading must match. */
function bySchema(value: unknown) {
  const parsed = SettingsSchema.safeParse(value);
  return parsed.success ? parsed.data : SettingsSchema.parse({});
}

const STORED: Array<[string, unknown]> = [
  ['nothing stored yet', undefined],
  ['null', null],
  ['a string', 'low'],
  ['a list', ['low']],
  ['an empty object', {}],
  ['complete settings', { disabledPacks: ['en-certainty'], disabledSites: ['example.com'], severities: ['high'] }],
  ['settings missing a field', { disabledSites: ['example.com'] }],
  ['settings with an unknown field', { disabledPacks: [], extra: true }],
  ['an unknown severity', { severities: ['low', 'urgent'] }],
  ['a site that is not text', { disabledSites: ['example.com', 3] }],
  ['a field that is not a list', { disabledPacks: 'en-certainty' }],
  ['a list with a hole', { disabledPacks: ['a', , 'b'] }], // eslint-disable-line no-sparse-arrays
  ['no severities at all', { severities: [] }],
];

describe('reading settings without zod in the content script', () => {
  it.each(STORED)('reads %s exactly as the settings schema does', (_, value) => {
    expect(settingsFrom(value)).toEqual(bySchema(value));
  });

  it('has the schema’s defaults', () => {
    expect(DEFAULT_SETTINGS).toEqual(SettingsSchema.parse({}));
  });
});
