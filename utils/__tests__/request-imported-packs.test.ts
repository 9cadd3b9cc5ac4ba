import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUILTIN_PACKS } from '../../core/builtin-packs';
import { requestImportedPacks } from '../request-imported-packs';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('the content script asking for the imported packs', () => {
  it('gets back the very packs the background validated', async () => {
    const packs = BUILTIN_PACKS.slice(0, 2);
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(packs.map((pack) => JSON.stringify(pack)) as never);
    await expect(requestImportedPacks()).resolves.toEqual(packs);
    expect(send).toHaveBeenCalledWith({ type: 'get-imported-packs' });
  });

  it('fails with a clear message when the background does not answer with pack texts', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    await expect(requestImportedPacks()).rejects.toThrow('the background did not send the imported rule packs');
  });
});
