/**
 * Reader-imported packs: checking a file before anything is stored, storing, deleting.
 * Storage keeps the JSON the reader gave; every read validates it again (see utils/packs.ts).
 */
import { parsePack, parsePackJson, type Pack, type PackProblem } from '../core/schema';
import { importedPacksItem } from './settings-store';

/** Imported packs that still validate; a corrupted entry is skipped, never trusted. */
export function validStoredPacks(stored: readonly unknown[]): Pack[] {
  const packs: Pack[] = [];
  for (const data of stored) {
    const parsed = parsePack(data);
    if (parsed.ok) packs.push(parsed.pack);
  }
  return packs;
}

export type ImportCheck =
  | { ok: false; problems: PackProblem[] }
  | {
      ok: true;
      pack: Pack;
      /** The JSON as given, which is what gets stored. */
      data: unknown;
      /** The pack this one would replace, if its id is taken. */
      replaces?: { pack: Pack; builtin: boolean };
    };

/**
 * Validates a pack file's text against the same schema as the built-in packs and says what it
 * would replace. Stores nothing: the reader decides after seeing the result.
 */
export function checkPackImport(text: string, builtin: readonly Pack[], imported: readonly Pack[]): ImportCheck {
  const parsed = parsePackJson(text);
  if (!parsed.ok) return parsed;
  const id = parsed.pack.id;
  const existingImport = imported.find((pack) => pack.id === id);
  const existingBuiltin = builtin.find((pack) => pack.id === id);
  const replaces = existingImport
    ? { pack: existingImport, builtin: false }
    : existingBuiltin
      ? { pack: existingBuiltin, builtin: true }
      : undefined;
  return { ok: true, pack: parsed.pack, data: JSON.parse(text), ...(replaces ? { replaces } : {}) };
}

function storedId(data: unknown): unknown {
  return typeof data === 'object' && data !== null ? (data as { id?: unknown }).id : undefined;
}

/** Stores a checked pack, replacing an earlier import with the same id. */
export async function storeImportedPack(data: unknown): Promise<void> {
  const parsed = parsePack(data);
  if (!parsed.ok) throw new Error('refusing to store a pack that does not validate');
  const stored = await importedPacksItem.getValue();
  await importedPacksItem.setValue([...stored.filter((entry) => storedId(entry) !== parsed.pack.id), data]);
}

export async function deleteImportedPack(id: string): Promise<void> {
  const stored = await importedPacksItem.getValue();
  await importedPacksItem.setValue(stored.filter((entry) => storedId(entry) !== id));
}

/** A pack as a downloadable JSON file. */
export function packFileName(pack: Pack): string {
  return `${pack.id}-${pack.version}.json`;
}
