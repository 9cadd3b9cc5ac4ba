import { useEffect, useRef, useState } from 'preact/hooks';
import type { Pack, PackProblem } from '../core/schema';
import { checkPackImport, storeImportedPack } from '../utils/imported-packs';

type ImportState =
  | { status: 'idle' }
  | { status: 'invalid'; fileName: string; problems: PackProblem[] }
  | { status: 'confirm'; fileName: string; pack: Pack; data: unknown; replaces: { pack: Pack; builtin: boolean } };

/**
 * Imports a pack from a JSON file. The file is checked with the built-in packs' schema first;
 * an invalid file is refused with every problem by JSON path and nothing is stored. A pack whose
 * id is taken is stored only after the reader explicitly chooses to replace.
 */
export function PackImport({
  builtin,
  imported,
  onNotice,
}: {
  builtin: readonly Pack[];
  imported: readonly Pack[];
  /** Announces progress in the page's one status region ('' clears it). */
  onNotice: (message: string) => void;
}) {
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const replaceButton = useRef<HTMLButtonElement>(null);

  // The question needs an answer before anything else happens: take keyboard focus to it.
  useEffect(() => {
    if (state.status === 'confirm') replaceButton.current?.focus();
  }, [state.status]);

  async function store(pack: Pack, data: unknown) {
    await storeImportedPack(data);
    setState({ status: 'idle' });
    const rules = `${pack.rules.length} ${pack.rules.length === 1 ? 'rule' : 'rules'}`;
    onNotice(`Imported “${pack.name}” (${rules}). It is in use on pages now.`);
  }

  async function onFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    onNotice('');
    const text = await file.text();
    // Clearing lets the reader pick the same file again after fixing it.
    input.value = '';
    const check = checkPackImport(text, builtin, imported);
    if (!check.ok) {
      setState({ status: 'invalid', fileName: file.name, problems: check.problems });
    } else if (check.replaces) {
      setState({ status: 'confirm', fileName: file.name, pack: check.pack, data: check.data, replaces: check.replaces });
    } else {
      await store(check.pack, check.data);
    }
  }

  return (
    <div class="pack-import">
      <label for="pack-file">Import a rule pack (JSON file)</label>
      <input
        id="pack-file"
        type="file"
        accept=".json,application/json"
        onChange={(event) => void onFile(event.currentTarget)}
      />

      {state.status === 'invalid' && (
        <div class="problems" role="alert">
          <p>
            <strong>
              {state.fileName} was not imported: {state.problems.length}{' '}
              {state.problems.length === 1 ? 'problem' : 'problems'}.
            </strong>{' '}
            Nothing was stored.
          </p>
          <ul>
            {state.problems.map((problem, index) => (
              <li key={index}>
                <code>{problem.path}</code>: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      {state.status === 'confirm' && (
        <div class="confirm" role="alertdialog" aria-labelledby="replace-question">
          <p id="replace-question">
            {state.replaces.builtin
              ? `“${state.pack.name}” has the id “${state.pack.id}” of the built-in pack “${state.replaces.pack.name}”. Use the imported pack instead of the built-in one?`
              : `A pack with the id “${state.pack.id}” is already imported (“${state.replaces.pack.name}”, version ${state.replaces.pack.version}). Replace it with version ${state.pack.version}?`}
          </p>
          <div class="button-row">
            <button
              ref={replaceButton}
              type="button"
              class="primary"
              onClick={() => void store(state.pack, state.data)}
            >
              Replace
            </button>
            <button
              type="button"
              onClick={() => {
                setState({ status: 'idle' });
                onNotice(`Nothing imported: kept the existing “${state.replaces.pack.name}”.`);
              }}
            >
              Keep the existing pack
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
