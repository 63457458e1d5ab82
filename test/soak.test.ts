import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, REPO, tempDir } from './cli/run-cli.ts';

/**
 * A small soak inside `npm test`: the whole catalogue at two fixed non-zero seeds, each from an
 * empty counterexample store, must give the verdicts of verdicts.json — so every refutation is
 * found again by search and confirmed by its second route, and no true claim is refuted.
 */
const SEEDS = '101,202';

describe('soak at two fixed seeds', () => {
  it(`gives the baseline verdicts at seeds ${SEEDS} from an empty store`, () => {
    const out = tempDir();
    const r = spawnSync(process.execPath, [BIN, 'soak', '--seeds', SEEDS, '--workers', '2', '--quiet', '--out', out, '--baseline', join(REPO, 'verdicts.json')], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 400_000,
    });
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.changes, r.stdout + r.stderr).toEqual([]);
    expect([r.status, summary.seeds, summary.claims]).toEqual([0, [101, 202], 60]);
  }, 420_000);
});
