import { describe, expect, it } from 'vitest';
import { answerBuiltinPacksRequest, answerBuiltinSnapshotRequest, answerImportedPacksRequest } from '../builtin-packs-service';

const texts = ['{"id":"a"}'];

describe('the background serving built-in packs', () => {
  it('answers this extension’s content script with each pack as JSON text', async () => {
    await expect(answerBuiltinPacksRequest({ type: 'get-builtin-packs' }, { id: 'self', tab: { id: 3 } }, () => texts, 'self')).resolves.toBe(texts);
  });

  it('ignores other extensions and other messages without serializing anything, leaving them to other listeners', () => {
    let serialized = 0;
    const packTexts = () => {
      serialized++;
      return texts;
    };
    expect(answerBuiltinPacksRequest({ type: 'get-builtin-packs' }, { id: 'other' }, packTexts, 'self')).toBeUndefined();
    expect(answerBuiltinPacksRequest({ type: 'flag-count', count: 2 }, { id: 'self' }, packTexts, 'self')).toBeUndefined();
    expect(serialized).toBe(0);
  });
});

describe('the background serving the compiled built-in packs', () => {
  it('answers this extension’s content script with the snapshot text, compiling only when asked', async () => {
    let compiled = 0;
    const snapshotText = () => {
      compiled++;
      return '{"format":1}';
    };
    expect(answerBuiltinSnapshotRequest({ type: 'get-builtin-packs' }, { id: 'self' }, snapshotText, 'self')).toBeUndefined();
    expect(answerBuiltinSnapshotRequest({ type: 'get-builtin-snapshot' }, { id: 'other' }, snapshotText, 'self')).toBeUndefined();
    expect(compiled).toBe(0);
    await expect(answerBuiltinSnapshotRequest({ type: 'get-builtin-snapshot' }, { id: 'self' }, snapshotText, 'self')).resolves.toBe('{"format":1}');
  });
});

describe('the background serving imported packs', () => {
  const pack = { id: 'mine', name: 'Mine', version: 1, rules: [] } as never;

  it('answers this extension’s content script with the valid imported packs as JSON text', async () => {
    await expect(answerImportedPacksRequest({ type: 'get-imported-packs' }, { id: 'self' }, async () => [pack], 'self')).resolves.toEqual([
      JSON.stringify(pack),
    ]);
  });

  it('leaves other extensions and other requests to other listeners', () => {
    expect(answerImportedPacksRequest({ type: 'get-imported-packs' }, { id: 'other' }, async () => [pack], 'self')).toBeUndefined();
    expect(answerImportedPacksRequest({ type: 'get-builtin-packs' }, { id: 'self' }, async () => [pack], 'self')).toBeUndefined();
  });
});
