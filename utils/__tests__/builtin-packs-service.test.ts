import { describe, expect, it } from 'vitest';
import { answerBuiltinPacksRequest } from '../builtin-packs-service';

const packs = [{ id: 'a' }];

describe('the background serving built-in packs', () => {
  it('answers this extension’s content script with the packs', async () => {
    await expect(answerBuiltinPacksRequest({ type: 'get-builtin-packs' }, { id: 'self', tab: { id: 3 } }, packs, 'self')).resolves.toBe(packs);
  });

  it('ignores other extensions and other messages, leaving them to other listeners', () => {
    expect(answerBuiltinPacksRequest({ type: 'get-builtin-packs' }, { id: 'other' }, packs, 'self')).toBeUndefined();
    expect(answerBuiltinPacksRequest({ type: 'flag-count', count: 2 }, { id: 'self' }, packs, 'self')).toBeUndefined();
  });
});
