/**
 * `npm run analyze -- [--json] [--packs id,id] [--pack FILE.json] FILE...`
 *
 * For rule authors and evaluation: runs the same core and packs as the extension on text or
 * HTML files. `.txt` is analyzed as is (every line break ends a block); `.html` is reduced to
 * its article body exactly as the content script does it, and offsets index that text.
 * Bad input gets a one-line error naming the file; the exit code is non-zero only when
 * nothing could be analyzed.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeText, compilePacks, findRule, parsePackJson, type Pack } from '../core';
import { BUILTIN_PACKS } from '../core/builtin-packs';
import { extractArticleText } from './html-article-text';

const usage = 'usage: npm run analyze -- [--json] [--packs id,id] [--pack FILE.json] FILE...';

function fail(message: string): never {
  console.error(`unspun: ${message}`);
  process.exit(2);
}

function parseCommandLine() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        packs: { type: 'string' },
        pack: { type: 'string', multiple: true },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`);
  }
}

const { values: options, positionals: files } = parseCommandLine();
if (options.help) {
  console.log(usage);
  process.exit(0);
}
if (files.length === 0) fail(`no input files\n${usage}`);

const available: Pack[] = [...BUILTIN_PACKS];
for (const path of options.pack ?? []) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    fail(`${path}: cannot read pack: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const result = parsePackJson(text);
  if (!result.ok) fail(`${path}: invalid pack: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  available.push(result.pack);
}

let packs = available;
if (options.packs) {
  const wanted = options.packs.split(',').map((id) => id.trim()).filter(Boolean);
  const unknown = wanted.filter((id) => !available.some((pack) => pack.id === id));
  if (unknown.length) {
    fail(`unknown pack id ${unknown.map((id) => `"${id}"`).join(', ')} (known: ${available.map((pack) => pack.id).join(', ')})`);
  }
  packs = available.filter((pack) => wanted.includes(pack.id));
}
const compiled = compilePacks(packs);

/** Reads a file as UTF-8 text, refusing binary content rather than analyzing noise. */
function readText(path: string): string {
  const bytes = readFileSync(path);
  if (bytes.subarray(0, 8192).includes(0)) throw new Error('looks like a binary file (contains NUL bytes)');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new Error('is not valid UTF-8 text');
  }
}

/** 1-based line and column of an offset, for editor-clickable `file:line:col` output. */
function lineColumn(lineStarts: number[], offset: number): [number, number] {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return [low + 1, offset - lineStarts[low] + 1];
}

let analyzedCount = 0;
const out: string[] = [];
for (const file of files) {
  let content: string;
  try {
    content = readText(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code ? `cannot read (${code})` : (error as Error).message;
    console.error(`${file}: error: ${reason}`);
    continue;
  }
  const extension = extname(file).toLowerCase();
  let text = content;
  let hints;
  if (extension === '.html' || extension === '.htm') {
    const extracted = extractArticleText(content);
    text = extracted.text;
    hints = extracted.hints;
  }
  const result = analyzeText(text, compiled, hints);
  analyzedCount++;
  if (options.json) {
    out.push(JSON.stringify({ file, flags: result.flags, stats: result.stats }));
    continue;
  }
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') lineStarts.push(index + 1);
  for (const flag of result.flags) {
    const [line, column] = lineColumn(lineStarts, flag.start);
    const rule = findRule(packs, flag.packId, flag.ruleId)?.rule;
    const shown = (flag.kind === 'unsourced-assertion' && flag.trigger ? flag.trigger.text : flag.text).replace(/\s+/g, ' ');
    const quoted = flag.quoted ? ' (quoted)' : '';
    out.push(`${file}:${line}:${column}  ${flag.kind}/${flag.category}  "${shown}"${quoted}  ${rule?.explanation ?? ''}`);
  }
  const { stats } = result;
  out.push(`${file}: ${stats.flags} flags in ${stats.words} words (${Object.entries(stats.byKind).map(([kind, count]) => `${kind} ${count}`).join(', ')})`);
}
if (out.length) process.stdout.write(`${out.join('\n')}\n`);
// exitCode, not exit(): stdout to a pipe is written asynchronously, and exiting at once would cut
// the output of a large run short (193 files printed 22 lines into `| wc -l`).
process.exitCode = analyzedCount > 0 ? 0 : 1;
