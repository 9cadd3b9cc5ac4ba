// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PackSchema } from '../../core/schema';
import { readSettings } from '../../utils/settings';
import { importedPacksItem, settingsItem } from '../../utils/settings-store';
import { OptionsApp } from '../OptionsApp';
import { LABELS_PACK, packInput, VAGUE_PACK } from './fixtures';

const BUILTIN = [LABELS_PACK, VAGUE_PACK];

const MY_PACK = packInput('my-pack', 'My newsroom words', [
  { id: 'spin', kind: 'loaded-term', category: 'editorializing', phrases: ['spin doctor'] },
]);

async function chooseFile(name: string, text: string) {
  const input = await screen.findByLabelText('Import a rule pack (JSON file)');
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

function packItem(name: string): HTMLElement {
  return screen.getByRole('switch', { name }).closest('li') as HTMLElement;
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => cleanup());

describe('options: rule packs', () => {
  it('lists every pack with its language, version, rule count and origin', async () => {
    await importedPacksItem.setValue([MY_PACK]);
    render(<OptionsApp builtinPacks={BUILTIN} />);

    await screen.findByRole('switch', { name: 'My newsroom words' });
    const labels = packItem('Test labels').textContent!;
    expect(labels).toContain('Language en');
    expect(labels).toContain('version 1.0.0');
    expect(labels).toContain('2 rules');
    expect(labels).toContain('built-in');
    expect(packItem('My newsroom words').textContent).toContain('imported');
    expect(packItem('My newsroom words').textContent).toContain('1 rule');
  });

  it('stores a pack switched off, and on again', async () => {
    render(<OptionsApp builtinPacks={BUILTIN} />);
    fireEvent.click(await screen.findByRole('switch', { name: 'Test vague sources' }));
    await waitFor(async () => expect((await readSettings()).disabledPacks).toEqual(['test-vague']));
    fireEvent.click(screen.getByRole('switch', { name: 'Test vague sources' }));
    await waitFor(async () => expect((await readSettings()).disabledPacks).toEqual([]));
  });

  it('refuses an invalid pack, listing every problem by JSON path, and stores nothing', async () => {
    await importedPacksItem.setValue([MY_PACK]);
    render(<OptionsApp builtinPacks={BUILTIN} />);
    const broken = packInput('broken-pack', 'Broken', [
      { id: 'a', kind: 'loaded-term', category: 'puffery', phrases: ['fine'] },
      { id: 'b', kind: 'loaded-term', category: 'puffery', phrases: ['good'] },
      { id: 'c', kind: 'loaded-term', category: 'puffery', phrases: ['great'] },
      { id: 'd', kind: 'loaded-term', category: 'puffery', phrases: ['x'.repeat(121)] },
    ]);
    await chooseFile('broken.json', JSON.stringify({ ...broken, language: 'English', rules: [...broken.rules, { id: 'Bad' }] }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('broken.json was not imported');
    expect(alert.textContent).toContain('Nothing was stored');
    const problems = within(alert).getAllByRole('listitem').map((item) => item.textContent);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^language: must be a language tag/),
        expect.stringMatching(/^rules\[3\]\.phrases\[0\]: must be at most 120 characters/),
        expect.stringMatching(/^rules\[4\]\.id: must be kebab-case/),
        expect.stringMatching(/^rules\[4\]\.severity: /),
      ]),
    );
    expect(await importedPacksItem.getValue()).toEqual([MY_PACK]);
  });

  it('refuses a file that is not JSON', async () => {
    render(<OptionsApp builtinPacks={BUILTIN} />);
    await chooseFile('notes.json', 'these are my notes');
    expect((await screen.findByRole('alert')).textContent).toMatch(/\(file\): not valid JSON/);
    expect(await importedPacksItem.getValue()).toEqual([]);
  });

  it('imports a valid pack, lists it and announces it', async () => {
    render(<OptionsApp builtinPacks={BUILTIN} />);
    await chooseFile('mine.json', JSON.stringify(MY_PACK));

    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Imported “My newsroom words” \(1 rule\)/));
    expect(await importedPacksItem.getValue()).toEqual([MY_PACK]);
    expect(screen.getByRole('switch', { name: 'My newsroom words' })).toBeTruthy();
  });

  it('asks before replacing an imported pack with the same id, and keeps it when told to', async () => {
    await importedPacksItem.setValue([MY_PACK]);
    render(<OptionsApp builtinPacks={BUILTIN} />);
    const newer = { ...MY_PACK, name: 'My newsroom words, revised', version: '1.1.0' };
    await chooseFile('mine-1.1.json', JSON.stringify(newer));

    const question = await screen.findByRole('alertdialog');
    expect(question.textContent).toContain('already imported');
    expect(question.textContent).toContain('version 1.1.0');
    expect(await importedPacksItem.getValue()).toEqual([MY_PACK]);

    fireEvent.click(within(question).getByRole('button', { name: 'Keep the existing pack' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(await importedPacksItem.getValue()).toEqual([MY_PACK]);

    await chooseFile('mine-1.1.json', JSON.stringify(newer));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Replace' }));
    await waitFor(async () => expect(await importedPacksItem.getValue()).toEqual([newer]));
    expect(await screen.findByRole('switch', { name: 'My newsroom words, revised' })).toBeTruthy();
  });

  it('asks before an import takes the place of a built-in pack', async () => {
    render(<OptionsApp builtinPacks={BUILTIN} />);
    await chooseFile('labels.json', JSON.stringify({ ...MY_PACK, id: LABELS_PACK.id, name: 'My labels' }));
    expect((await screen.findByRole('alertdialog')).textContent).toContain('built-in pack “Test labels”');
    expect(await importedPacksItem.getValue()).toEqual([]);
  });

  it('deletes an imported pack; built-in packs cannot be deleted', async () => {
    await importedPacksItem.setValue([MY_PACK]);
    render(<OptionsApp builtinPacks={BUILTIN} />);
    await screen.findByRole('switch', { name: 'My newsroom words' });
    expect(screen.queryByRole('button', { name: 'Delete imported pack Test labels' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Delete imported pack My newsroom words' }));
    await waitFor(async () => expect(await importedPacksItem.getValue()).toEqual([]));
    await waitFor(() => expect(screen.queryByRole('switch', { name: 'My newsroom words' })).toBeNull());
  });

  it('exports a pack as JSON that validates as the same pack', async () => {
    const download = vi.fn();
    render(<OptionsApp builtinPacks={BUILTIN} download={download} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export Test labels as JSON' }));

    const [fileName, content] = download.mock.calls[0];
    expect(fileName).toBe('test-labels-1.0.0.json');
    expect(PackSchema.parse(JSON.parse(content))).toEqual(LABELS_PACK);
  });
});

describe('options: severities and sites', () => {
  it('stores which severities are shown', async () => {
    render(<OptionsApp builtinPacks={BUILTIN} />);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Low' }));
    await waitFor(async () => expect((await readSettings()).severities).toEqual(['medium', 'high']));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Low' }));
    await waitFor(async () => expect((await readSettings()).severities).toEqual(['high', 'medium', 'low']));
  });

  it('adds a site by address and removes it again', async () => {
    render(<OptionsApp builtinPacks={BUILTIN} />);
    const input = await screen.findByLabelText('Switch off on a site');
    fireEvent.input(input, { target: { value: 'https://www.Example.org/news/story' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(async () => expect((await readSettings()).disabledSites).toEqual(['www.example.org']));

    fireEvent.click(await screen.findByRole('button', { name: 'Switch Unspun back on for www.example.org' }));
    await waitFor(async () => expect((await readSettings()).disabledSites).toEqual([]));
    expect(await screen.findByText('Unspun is on everywhere.')).toBeTruthy();
  });

  it('refuses something that is not a site and says why', async () => {
    render(<OptionsApp builtinPacks={BUILTIN} />);
    const input = await screen.findByLabelText('Switch off on a site');
    fireEvent.input(input, { target: { value: 'not a site' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByText(/is not a site/)).textContent).toContain('“not a site”');
    expect((await readSettings()).disabledSites).toEqual([]);
  });

  it('shows sites switched off from the popup while open', async () => {
    render(<OptionsApp builtinPacks={BUILTIN} />);
    await screen.findByText('Unspun is on everywhere.');
    await settingsItem.setValue({ ...(await readSettings()), disabledSites: ['news.example.com'] });
    expect(await screen.findByText('news.example.com')).toBeTruthy();
  });
});

describe('options: keyboard shortcuts', () => {
  it("lists the extension's commands with the keys the browser bound", async () => {
    const loadCommands = async () => [
      { name: '_execute_action', shortcut: '' },
      { name: 'next-flag', description: 'Jump to the next flag on the page', shortcut: 'Alt+Shift+N' },
      { name: 'previous-flag', description: 'Jump to the previous flag on the page', shortcut: '' },
    ];
    render(<OptionsApp builtinPacks={BUILTIN} loadCommands={loadCommands} />);
    const section = await screen.findByRole('region', { name: 'Keyboard shortcuts' });
    await waitFor(() => expect(within(section).getAllByRole('listitem')).toHaveLength(2));
    const [next, previous] = within(section).getAllByRole('listitem').map((item) => item.textContent);
    expect(next).toBe('Jump to the next flag on the page Alt+Shift+N');
    expect(previous).toBe('Jump to the previous flag on the page no key set');
  });
});
