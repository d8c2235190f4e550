/**
 * Build step after tsc: bundles the command line (dist/cli/main.js and what it imports from
 * src/ and cli/) with esbuild into dist/bin/, one chunk per command, dependencies left as
 * imports of node_modules. Why: a start-up otherwise loads a hundred small ES modules, each
 * resolved, read and compiled on its own (~40 ms of a 250 ms `can` on this project's machines);
 * the source stays in small files. dist/cli/main.js becomes the entry that loads the bundle, so
 * the bin, the Action and the tests run the bundle.
 */
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

// A fresh folder: chunk names carry content hashes, and old chunks would be packed with the new.
rmSync('dist/bin', { recursive: true, force: true });
await build({
  entryPoints: ['dist/cli/main.js'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outdir: 'dist/bin',
  logLevel: 'warning',
});
writeFileSync('dist/cli/main.js', "#!/usr/bin/env node\n// The bundled command line (see cli/build-bundle.ts).\nimport '../bin/main.js';\n");
chmodSync('dist/cli/main.js', 0o755);
