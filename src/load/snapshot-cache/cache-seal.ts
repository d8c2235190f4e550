import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The cache's files are sealed with an HMAC under a secret of the user's own, kept outside any
 * cache folder: a cache folder can sit where others write (a pull request can commit one into
 * the checkout CI runs in, with entries named by the very hashes netpol-check would compute), and
 * an entry read from it would decide answers. A file whose seal does not verify is not read.
 */
export interface CacheSeal {
  seal(name: string, bytes: Uint8Array): Buffer;
  /** The bytes, or undefined when the seal does not verify. */
  open(name: string, sealed: Buffer): Buffer | undefined;
}

const MAC_BYTES = 32;

/** `$XDG_CACHE_HOME/netpol-check/cache-secret`, else `~/.cache/netpol-check/cache-secret`. */
export function defaultSecretFile(): string {
  const base = process.env.XDG_CACHE_HOME && process.env.XDG_CACHE_HOME.startsWith('/') ? process.env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'netpol-check', 'cache-secret');
}

/**
 * The seal of the secret in `file`, made (32 random bytes, mode 0600, in a 0700 folder) when
 * there is none. Null when it cannot be made or read, or when the file is not the user's
 * own and private: then the cache is not used.
 */
export function cacheSeal(file: string = defaultSecretFile()): CacheSeal | null {
  let secret: Buffer | undefined;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    try {
      const fd = openSync(file, 'wx', 0o600);
      try {
        writeSync(fd, randomBytes(MAC_BYTES));
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return null;
    }
    const fd = openSync(file, 'r');
    try {
      const st = fstatSync(fd);
      const uid = process.getuid?.();
      if (!st.isFile() || (st.mode & 0o077) !== 0 || (uid !== undefined && st.uid !== uid)) return null;
      secret = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  if (secret.length < MAC_BYTES) return null;
  const mac = (name: string, bytes: Uint8Array): Buffer => createHmac('sha256', secret!).update(name).update('\0').update(bytes).digest();
  return {
    seal: (name, bytes) => Buffer.concat([mac(name, bytes), bytes]),
    open: (name, sealed) => {
      if (sealed.length < MAC_BYTES) return undefined;
      const bytes = sealed.subarray(MAC_BYTES);
      return timingSafeEqual(sealed.subarray(0, MAC_BYTES), mac(name, bytes)) ? bytes : undefined;
    },
  };
}
