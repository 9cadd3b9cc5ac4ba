/** The analyze CLI as a rule author uses it: real process, real files, real packs. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const txt = 'tests/fixtures/cli/report.txt';
const html = 'tests/fixtures/cli/report.html';

function analyze(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/analyze.ts', ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run analyze', { timeout: 60_000 }, () => {
  it('prints one Vale-style line per flag: file:line:col  kind/category  "text"  explanation', () => {
    const { code, stdout } = analyze(txt);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^tests\/fixtures\/cli\/report\.txt:4:1 {2}vague-attribution\/vague-attribution {2}"Critics say" {2}\S.+$/m);
    expect(stdout).toMatch(/^tests\/fixtures\/cli\/report\.txt:5:5 {2}scare-quote\/distancing {2}"so-called" {2}\S.+$/m);
    expect(stdout).toMatch(/report\.txt:4:1 {2}unsourced-assertion\/certainty-marker {2}"clearly"/);
  });

  it('writes one JSON object per file with flags whose offsets index the file text', () => {
    const { code, stdout } = analyze('--json', txt, html);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.file)).toEqual([txt, html]);
    const text = readFileSync(txt, 'utf8');
    for (const flag of lines[0].flags) expect(text.slice(flag.start, flag.end)).toBe(flag.text);
    expect(lines[0].flags[0]).toEqual(
      expect.objectContaining({ kind: expect.any(String), packId: expect.any(String), ruleId: expect.any(String), category: expect.any(String), severity: expect.any(String), quoted: false, sentenceStart: expect.any(Number), sentenceEnd: expect.any(Number) }),
    );
    expect(lines[0].stats.words).toBeGreaterThan(30);
  });

  it('prints every file of a large run in full when its output goes to a pipe', () => {
    // More output than a pipe buffer holds: an early exit used to cut it short.
    const directory = mkdtempSync(join(tmpdir(), 'unspun-cli-many-'));
    const report = readFileSync(txt, 'utf8');
    const files = Array.from({ length: 200 }, (_, index) => {
      const file = join(directory, `report-${index}.txt`);
      writeFileSync(file, report);
      return file;
    });
    const { code, stdout } = analyze('--json', ...files);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.file)).toEqual(files);
    expect(stdout.length).toBeGreaterThan(200_000);
  });

  it('analyzes only the article body of an HTML page, not its navigation or footer', () => {
    const [result] = analyze('--json', html).stdout.trim().split('\n').map((line) => JSON.parse(line));
    const flagged = result.flags.map((flag: { text: string }) => flag.text);
    expect(flagged).toContain('Critics say');
    expect(flagged.join(' ')).not.toMatch(/Outrageous|Shocking/);
  });

  it('restricts analysis to the packs named with --packs', () => {
    const [result] = analyze('--json', '--packs', 'en-distancing', txt).stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(new Set(result.flags.map((flag: { packId: string }) => flag.packId))).toEqual(new Set(['en-distancing']));
  });

  it('names each bad file in a one-line error and still analyzes the good ones', () => {
    const directory = mkdtempSync(join(tmpdir(), 'unspun-cli-'));
    const binary = join(directory, 'image.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    const { code, stdout, stderr } = analyze('--json', join(directory, 'missing.txt'), binary, txt);
    expect(code).toBe(0);
    expect(stderr.trim().split('\n')).toEqual([
      `${join(directory, 'missing.txt')}: error: no such file`,
      `${binary}: error: looks like a binary file (contains NUL bytes)`,
    ]);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('exits non-zero when nothing could be analyzed', () => {
    expect(analyze('does-not-exist.txt').code).not.toBe(0);
  });

  it('refuses an unknown pack id and lists the known ones', () => {
    const { code, stderr } = analyze('--packs', 'no-such-pack', txt);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/unknown pack id "no-such-pack" \(known: .*en-loaded-labels/);
  });
});
