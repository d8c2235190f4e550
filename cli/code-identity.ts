import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let identity: string | undefined;

/**
 * Names this build of netpol-check for the snapshot cache: a SHA-256 of the bundle's files
 * (dist/bin), so that another build never reads an entry this one wrote (a load's result depends
 * on the loader's code, not only on the version number). Run from sources (no bundle beside
 * this file), a name of its own per process: the cache is then written but never read back.
 */
export function codeIdentity(): string {
  if (identity) return identity;
  const here = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  try {
    const names = readdirSync(here).filter((n) => n.endsWith('.js')).sort();
    if (!names.some((n) => n.startsWith('chunk-'))) throw new Error('not the bundle');
    for (const n of names) hash.update(n).update('\0').update(readFileSync(join(here, n))).update('\0');
    identity = hash.digest('hex');
  } catch {
    identity = `unbundled-${randomBytes(16).toString('hex')}`;
  }
  return identity;
}
