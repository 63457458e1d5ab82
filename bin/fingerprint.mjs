// The fingerprint of the sources dist/ is compiled from: every file under src/ and properties/ with
// its size and modification time, and CLAIMS.md. A change to any of them makes dist/ stale.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function sourceFingerprint(root) {
  const hash = createHash('sha256');
  const add = (path) => {
    const s = statSync(path);
    hash.update(`${relative(root, path)}\0${s.size}\0${s.mtimeMs}\n`);
  };
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else add(path);
    }
  };
  walk(join(root, 'src'));
  walk(join(root, 'properties'));
  add(join(root, 'CLAIMS.md'));
  return hash.digest('hex');
}
