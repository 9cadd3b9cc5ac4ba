import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LABELS_PACK, packInput, VAGUE_PACK } from '../../components/__tests__/fixtures';
import { checkPackImport, deleteImportedPack, storeImportedPack } from '../imported-packs';
import { importedPacksItem } from '../settings-store';

describe('pack import check', () => {
  it('lists every problem of an invalid pack by JSON path', () => {
    const input = packInput('my-pack', 'Mine', [
      { id: 'a', kind: 'loaded-term', category: 'puffery', phrases: ['fine'] },
      { id: 'b', kind: 'loaded-term', category: 'puffery', phrases: ['good'] },
      { id: 'c', kind: 'loaded-term', category: 'puffery', phrases: ['great'] },
      { id: 'd', kind: 'loaded-term', category: 'puffery', phrases: ['!!!'] },
    ]);
    const text = JSON.stringify({ ...input, version: 'one' });
    const check = checkPackImport(text, [], []);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((problem) => problem.path)).toEqual(['version', 'rules[3].phrases[0]']);
  });

  it('reports a file that is not JSON at all', () => {
    const check = checkPackImport('{ "id": ', [], []);
    expect(check).toMatchObject({ ok: false, problems: [{ path: '(file)' }] });
  });

  it('says which pack an import would replace', () => {
    const text = JSON.stringify(packInput(LABELS_PACK.id, 'New labels', [
      { id: 'x', kind: 'loaded-term', category: 'puffery', phrases: ['stellar'] },
    ]));
    expect(checkPackImport(text, [LABELS_PACK], [])).toMatchObject({ ok: true, replaces: { builtin: true } });
    expect(checkPackImport(text, [], [LABELS_PACK])).toMatchObject({ ok: true, replaces: { builtin: false } });
    expect(checkPackImport(text, [VAGUE_PACK], [])).not.toHaveProperty('replaces');
  });
});

describe('stored imports', () => {
  beforeEach(() => fakeBrowser.reset());

  it('replaces an earlier import with the same id and deletes by id', async () => {
    const first = packInput('mine', 'Mine v1', [{ id: 'a', kind: 'loaded-term', category: 'puffery', phrases: ['fine'] }]);
    const second = { ...first, name: 'Mine v2', version: '2.0.0' };
    const other = packInput('other', 'Other', [{ id: 'a', kind: 'loaded-term', category: 'puffery', phrases: ['good'] }]);
    await storeImportedPack(first);
    await storeImportedPack(other);
    await storeImportedPack(second);
    expect(await importedPacksItem.getValue()).toEqual([other, second]);
    await deleteImportedPack('mine');
    expect(await importedPacksItem.getValue()).toEqual([other]);
  });

  it('refuses to store a pack that does not validate', async () => {
    await expect(storeImportedPack({ id: 'Bad Id' })).rejects.toThrow();
    expect(await importedPacksItem.getValue()).toEqual([]);
  });
});
