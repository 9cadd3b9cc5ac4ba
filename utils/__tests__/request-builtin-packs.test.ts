import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUILTIN_PACK_FILES, BUILTIN_PACKS } from '../../core/builtin-packs';
import { requestBuiltinPacks } from '../request-builtin-packs';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('the content script asking for the built-in packs', () => {
  it('rebuilds from the background’s JSON texts exactly the packs the extension ships', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue(Object.values(BUILTIN_PACK_FILES).map((pack) => JSON.stringify(pack)) as never);
    await expect(requestBuiltinPacks()).resolves.toEqual(BUILTIN_PACKS);
    expect(send).toHaveBeenCalledWith({ type: 'get-builtin-packs' });
  });

  it('fails with a clear message when the background sends something else', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue([{ id: 'not text' }] as never);
    await expect(requestBuiltinPacks()).rejects.toThrow('the background did not send the built-in rule packs');
  });
});
