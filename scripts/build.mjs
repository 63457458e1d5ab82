#!/usr/bin/env node
// Compiles the library and the built-in claims to JavaScript in dist/ (run by `npm ci` through
// `prepare`): the command then starts without transpiling TypeScript. Also writes
// dist/claims.json (what `list` shows, without loading every claim module) and dist/stamp.json,
// the fingerprint of the sources it was built from (bin/ falls back to the sources when they changed).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sourceFingerprint } from '../bin/fingerprint.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (compiled.status !== 0) {
  rmSync(dist, { recursive: true, force: true });
  process.exit(compiled.status ?? 1);
}

// Plain JavaScript modules (worker entries) are not emitted by tsc: copy them beside their siblings.
function copyModules(dir) {
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, name.name);
    if (name.isDirectory()) copyModules(path);
    else if (name.name.endsWith('.mjs')) {
      const target = join(dist, relative(root, path));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(path, target);
    }
  }
}
copyModules(join(root, 'src'));

const { loadClaimModules, buildRegistry } = await import(pathToFileURL(join(dist, 'src', 'claims', 'registry.js')).href);
const { loadCatalogue } = await import(pathToFileURL(join(dist, 'src', 'claims', 'catalogue.js')).href);
const registry = buildRegistry(await loadClaimModules([join(dist, 'properties')]), loadCatalogue(join(root, 'CLAIMS.md')), { requireCatalogued: true });
const claims = registry.claims.map((c) => ({ id: c.id, paper: c.paper, title: c.title, statement: c.statement, kind: c.kind }));
writeFileSync(join(dist, 'claims.json'), `${JSON.stringify({ claims, notImplemented: registry.notImplemented }, null, 2)}\n`);
writeFileSync(join(dist, 'stamp.json'), `${JSON.stringify({ sources: sourceFingerprint(root) })}\n`);
console.log(`built dist/: ${claims.length} claims`);
