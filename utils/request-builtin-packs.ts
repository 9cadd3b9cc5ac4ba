/**
 * The content script's side of `get-builtin-packs` (the background's is in
 * builtin-packs-service.ts). Kept apart and free of zod: the content script loads it on every page.
 */
import { browser } from '#imports';
import { withDefaults } from '../core/pack-defaults';
import type { Pack } from '../core/schema';
import type { CompiledSnapshot } from '../core/snapshot';
import type { BackgroundRequest } from './messages';

/** Parsing time after which the page gets its turn before the next pack is parsed. */
const PARSE_SLICE_MS = 10;

/**
 * Asks the background for the built-in packs (validated there by the build and the tests),
 * which arrive as one JSON string per pack. `pause` runs first and then between packs once
 * parsing has taken `PARSE_SLICE_MS`, so rebuilding a megabyte of them is several short tasks.
 */
export async function requestBuiltinPacks(pause: () => Promise<void> = async () => undefined): Promise<Pack[]> {
  const request: BackgroundRequest = { type: 'get-builtin-packs' };
  const texts: unknown = await browser.runtime.sendMessage(request);
  if (!Array.isArray(texts) || !texts.every((text) => typeof text === 'string')) {
    throw new Error('the background did not send the built-in rule packs');
  }
  const packs: Pack[] = [];
  // The answer arrives in a task of its own: the page gets its turn before parsing begins.
  let sliceStart = Number.NEGATIVE_INFINITY;
  for (const text of texts as string[]) {
    if (performance.now() - sliceStart >= PARSE_SLICE_MS) {
      await pause();
      sliceStart = performance.now();
    }
    packs.push(withDefaults(JSON.parse(text)));
  }
  return packs;
}

/** Asks the background for the built-in packs compiled together (see `answerBuiltinSnapshotRequest`). */
export async function requestBuiltinSnapshot(): Promise<CompiledSnapshot> {
  const request: BackgroundRequest = { type: 'get-builtin-snapshot' };
  const text: unknown = await browser.runtime.sendMessage(request);
  if (typeof text !== 'string') throw new Error('the background did not send the compiled built-in packs');
  return JSON.parse(text) as CompiledSnapshot;
}
