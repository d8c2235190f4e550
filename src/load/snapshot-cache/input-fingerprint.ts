import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { InputEntry } from '../read-inputs.js';

/** What is known of one input file: its identity on disk and the hash of its bytes. */
export interface FileStamp {
  file: string;
  size: string;
  mtimeNs: string;
  ctimeNs: string;
  ino: string;
  dev: string;
  /** SHA-512 of the bytes, hex. */
  hash: string;
  /** When the hash was taken (ns since the epoch). */
  hashedAtNs: string;
}

/** The inputs of one load, named by their contents. */
export interface Fingerprint {
  /** Names the load: the inputs' contents, the walk's findings and `context`. */
  key: string;
  stamps: FileStamp[];
}

/**
 * How much older than the moment it was hashed a file must be for its size, times and inode to
 * stand for its bytes later (git's "racy" rule): a file changed in the same clock tick as it was
 * read could keep its times. File systems' timestamps are as coarse as 2 s (FAT).
 */
const RACY_NS = 2_000_000_000n;

const CHUNK = 1 << 20;

interface Stat {
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  ino: bigint;
  dev: bigint;
}

const statOf = (file: string): Stat => statSync(file, { bigint: true });

const stampOf = (st: Stat): Pick<FileStamp, 'size' | 'mtimeNs' | 'ctimeNs' | 'ino' | 'dev'> => ({ size: String(st.size), mtimeNs: String(st.mtimeNs), ctimeNs: String(st.ctimeNs), ino: String(st.ino), dev: String(st.dev) });

/** Same file, unchanged since it was stamped, as far as the file system can tell. */
export function sameStat(stamp: Pick<FileStamp, 'size' | 'mtimeNs' | 'ctimeNs' | 'ino' | 'dev'>, st: Stat): boolean {
  return stamp.size === String(st.size) && stamp.mtimeNs === String(st.mtimeNs) && stamp.ctimeNs === String(st.ctimeNs) && stamp.ino === String(st.ino) && stamp.dev === String(st.dev);
}

/** A stamp whose times are old enough (RACY_NS before its hash) that unchanged times mean unchanged bytes. */
function trusted(stamp: FileStamp): boolean {
  const newest = BigInt(stamp.mtimeNs) > BigInt(stamp.ctimeNs) ? BigInt(stamp.mtimeNs) : BigInt(stamp.ctimeNs);
  return BigInt(stamp.hashedAtNs) - newest > RACY_NS;
}

/** SHA-512 of a file's bytes, read through one reused buffer: a 100 MB dump is not held in memory to be hashed. */
function hashFile(file: string, buf: Buffer): string {
  const hash = createHash('sha512');
  const fd = openSync(file, 'r');
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Names the load of `entries` (a walk of the inputs) by the contents of their files, the
 * problems the walk found, and `context` (everything else that shapes a load: the program, the
 * options). A file whose stamp in `known` still matches its size, times, inode and device, and
 * was old enough when it was hashed, is not read again (as git's index does); any other is
 * hashed. Undefined when the inputs cannot be named so (standard input) or a file cannot be read.
 */
export function fingerprintInputs(entries: readonly InputEntry[], context: string, known: readonly FileStamp[] = []): Fingerprint | undefined {
  const byFile = new Map(known.map((s) => [s.file, s]));
  const stamps: FileStamp[] = [];
  const parts: unknown[] = [];
  let buf: Buffer | undefined;
  for (const entry of entries) {
    if (entry.kind === 'stdin') return undefined;
    if (entry.kind === 'problem') {
      parts.push(['problem', entry.diagnostic]);
      continue;
    }
    let stamp: FileStamp;
    try {
      const st = statOf(entry.file);
      const old = byFile.get(entry.file);
      if (old && sameStat(old, st) && trusted(old)) stamp = old;
      else {
        // Taken before the bytes are read: a change from then on leaves other times.
        const hashedAtNs = BigInt(Date.now()) * 1_000_000n;
        const hash = hashFile(entry.file, (buf ??= Buffer.allocUnsafe(CHUNK)));
        stamp = { file: entry.file, ...stampOf(st), hash, hashedAtNs: String(hashedAtNs) };
        // Changed while it was read: the hash may be of neither version.
        if (!sameStat(stamp, statOf(entry.file))) return undefined;
      }
    } catch {
      return undefined;
    }
    stamps.push(stamp);
    parts.push(['file', entry.file, stamp.hash]);
  }
  const key = createHash('sha256').update(JSON.stringify({ context, parts })).digest('hex');
  return { key, stamps };
}

/** Whether every stamped file is still as stamped (checked after a load, before its result is kept). */
export function unchangedSince(stamps: readonly FileStamp[]): boolean {
  try {
    return stamps.every((s) => sameStat(s, statOf(s.file)));
  } catch {
    return false;
  }
}
