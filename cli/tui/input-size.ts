import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Bytes of the manifests under `paths` (files, and *.yaml|*.yml|*.json in folders), for the loading screen; what cannot be read counts 0. */
export function manifestBytes(paths: readonly string[]): number {
  let bytes = 0;
  for (const path of paths) {
    try {
      const s = statSync(path);
      if (!s.isDirectory()) {
        bytes += s.size;
        continue;
      }
      for (const name of readdirSync(path, { recursive: true, encoding: 'utf8' })) {
        if (!MANIFEST_EXTENSIONS.has(extname(name).toLowerCase())) continue;
        const f = statSync(join(path, name), { throwIfNoEntry: false });
        if (f?.isFile()) bytes += f.size;
      }
    } catch {
      // Left to the loader, which names the file and the problem.
    }
  }
  return bytes;
}

/** `12.3 MB`, `840 kB`. */
export function formatBytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}
