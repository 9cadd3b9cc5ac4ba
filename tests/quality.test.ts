/**
 * Quality regression guard on the labeled corpora in ../shared/eval (scored as `npm run eval`
 * does). The corpora are never copied into the repo: without them this test skips, except
 * under CI=true, where their absence is a failure.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePacks } from '../core';
import { BUILTIN_PACKS } from '../core/builtin-packs';
import { scorePolnear, scorePtc } from '../scripts/quality';
import { sharedDirectoryPath } from '../scripts/shared-directory';

const evalDirectory = join(sharedDirectoryPath(), 'eval');
const available = existsSync(join(evalDirectory, 'ptc-dev')) && existsSync(join(evalDirectory, 'polnear-dev'));
if (!available && process.env.CI === 'true') {
  throw new Error(`the labeled corpora are missing at ${evalDirectory}; CI needs ../shared beside the repo`);
}
if (!available) console.warn(`quality.test.ts: skipped, no labeled corpora at ${evalDirectory}`);

describe.skipIf(!available)('flag quality on the labeled corpora', { timeout: 120_000 }, () => {
  const compiled = compilePacks(BUILTIN_PACKS);

  it('finds loaded language in ptc-dev with F1 of at least 0.45', () => {
    const { f1, precision, recall } = scorePtc(evalDirectory, compiled);
    expect(f1, `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`).toBeGreaterThanOrEqual(0.45);
  });

  // The target. The engine is at 4.9% (3 of 61), one flag inside it: see README "Quality".
  it('calls at most 5% of attributed statements in polnear-dev unsourced, while still flagging', () => {
    const { wrongShare, perThousandWords } = scorePolnear(evalDirectory, compiled);
    expect(wrongShare).toBeLessThanOrEqual(0.05);
    expect(perThousandWords).toBeGreaterThanOrEqual(0.5);
  });
});
