import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { LoadOptions, LoadResult } from '../load-snapshot.js';
import { walkInputs, type ReadOptions } from '../read-inputs.js';
import { fingerprintInputs, unchangedSince, type Fingerprint, type FileStamp } from './input-fingerprint.js';
import { joinLoad, splitLoad, type GlobalPart, type NamespacePart } from './snapshot-parts.js';
import { cacheSeal, type CacheSeal } from './cache-seal.js';

/**
 * A load kept on disk between runs (issue 24: CI asks many questions of one snapshot). Laid out
 * under DIR/netpol-check/snapshots-v1/: one folder per load, named by the SHA-256 of its inputs'
 * contents and of everything else that shapes a load (`context`), holding a global part, one
 * part per namespace and a name index; and `stamps/`, the files' sizes, times and hashes, so
 * that unchanged files are not hashed again. Every file name is a hash or a number: nothing from
 * a manifest reaches a path. Folders are created private (0700), and every file is sealed with
 * the user's own secret (cache-seal.ts): an entry someone else put there is not read.
 */
const FORMAT = 1;
const NAME_SHARDS = 64;
/** Loads kept; the least recently used go first. */
const MAX_ENTRIES = 8;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const rootOf = (dir: string): string => join(dir, 'netpol-check', `snapshots-v${FORMAT}`);

/** What shapes a load besides the files' bytes. */
function contextOf(code: string, options: ReadOptions & LoadOptions): string {
  return JSON.stringify({
    format: FORMAT,
    code,
    semantics: options.semantics ?? 'auto',
    names: options.names ?? 'refuse',
    // Not the default namespace (-n): it shapes a load only where an object names none; the entry says so (defaultNamespaceUsed).
    containerText: options.containerText === true,
    followSymlinks: options.followSymlinks === true,
    maxFileBytes: options.maxFileBytes ?? null,
  });
}

/** The shard of the name index a name is in (FNV-1a). */
function shardOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % NAME_SHARDS;
}

/** A part of an entry, its seal checked (named by the entry's key and the file's name: parts cannot be swapped). */
function readPart<T>(seal: CacheSeal, key: string, folder: string, name: string): T {
  const bytes = seal.open(`${key}/${name}`, readFileSync(join(folder, name)));
  if (!bytes) throw new Error(`snapshot cache file ${name} is not sealed by this user's secret`);
  return deserialize(bytes) as T;
}

function writePart(seal: CacheSeal, key: string, folder: string, name: string, value: unknown): void {
  writeFileSync(join(folder, name), seal.seal(`${key}/${name}`, serialize(value)), { mode: 0o600 });
}

/** A load found in the cache: read in parts, the namespaces a question needs. */
export class CachedLoad {
  constructor(
    private readonly seal: CacheSeal,
    private readonly key: string,
    private readonly folder: string,
    private readonly global: GlobalPart,
  ) {}

  /** How many pods the whole snapshot holds. */
  get pods(): number {
    return this.global.pods;
  }

  /** Every namespace with pods or NetworkPolicies (without ipBlocks). */
  get namespaces(): readonly string[] {
    return this.global.namespaces;
  }

  /** What the name index holds for `name` (whatever the caller kept: `keepSnapshot`'s `names`). */
  named(name: string): readonly string[] {
    return readPart<Map<string, string[]>>(this.seal, this.key, this.folder, `names-${shardOf(name)}.v8`).get(name) ?? [];
  }

  /** The load with the pods and NetworkPolicies of `wanted` only (all of them with 'all'). */
  load(wanted: ReadonlySet<string> | 'all'): LoadResult {
    const parts: NamespacePart[] = [];
    this.global.namespaces.forEach((ns, i) => {
      if (wanted === 'all' || wanted.has(ns)) parts.push(readPart<NamespacePart>(this.seal, this.key, this.folder, `part-${i}.v8`));
    });
    if (wanted === 'all' && parts.reduce((n, p) => n + p.pods.length, 0) !== this.global.pods) throw new Error('snapshot cache entry is incomplete');
    return joinLoad(this.global, parts);
  }
}

/** The cache of one set of inputs: where its entry is, whether it is there. */
export interface CacheLookup {
  /** Undefined when the inputs cannot be cached (standard input, kustomize, a file that cannot be read). */
  fingerprint?: Fingerprint;
  /** The entry, when the cache holds it. */
  hit?: CachedLoad;
}

/**
 * Looks the inputs up in the cache at `dir`. `code` names the program (a different build must
 * not read another's entries). Never throws: an unreadable or damaged entry is a miss.
 */
export function lookUpSnapshot(dir: string, paths: readonly string[], options: ReadOptions & LoadOptions, code: string, sealWith?: CacheSeal | null): CacheLookup {
  // null: no seal could be made (the cache is off); undefined: the user's own.
  const seal = sealWith === undefined ? cacheSeal() : sealWith;
  if (options.kustomize?.length || paths.includes('-') || !seal) return {};
  const root = rootOf(dir);
  const context = contextOf(code, options);
  const stampsFile = join(root, 'stamps', `${sha256(JSON.stringify({ context, paths: paths.map((p) => resolve(p)) }))}.json`);
  const stampsName = `stamps/${basename(stampsFile)}`;
  let known: FileStamp[] = [];
  try {
    const text = seal.open(stampsName, readFileSync(stampsFile));
    if (text) known = (JSON.parse(text.toString('utf8')) as { stamps: FileStamp[] }).stamps;
  } catch {
    // first use
  }
  const fingerprint = fingerprintInputs(walkInputs(paths, options), context, known);
  if (!fingerprint) return {};
  if (JSON.stringify(known) !== JSON.stringify(fingerprint.stamps)) writeAtomically(stampsFile, seal.seal(stampsName, Buffer.from(JSON.stringify({ stamps: fingerprint.stamps }))));
  const folder = join(root, fingerprint.key);
  try {
    const global = readPart<GlobalPart>(seal, fingerprint.key, folder, 'global.v8');
    const used = global.result.defaultNamespaceUsed;
    // Loaded with another -n, and some object took it: not this load.
    if (used !== undefined && used !== (options.defaultNamespace ?? 'default')) return { fingerprint };
    const now = new Date();
    utimesSync(folder, now, now);
    return { fingerprint, hit: new CachedLoad(seal, fingerprint.key, folder, global) };
  } catch {
    return { fingerprint };
  }
}

/**
 * Keeps a load in the cache under its fingerprint, with `names` (an index by name, read back
 * one name at a time with `named`) for questions to find their namespaces. Not kept when a file changed since it
 * was fingerprinted or the load cannot be cut in parts (legacy semantics). Throws on a file
 * system error or data the cache cannot keep (NotCacheable): callers warn and go on.
 */
export function keepSnapshot(dir: string, fingerprint: Fingerprint, result: LoadResult, names: ReadonlyMap<string, readonly string[]>, sealWith?: CacheSeal | null): boolean {
  const seal = sealWith === undefined ? cacheSeal() : sealWith;
  if (!seal || !unchangedSince(fingerprint.stamps)) return false;
  const split = splitLoad(result);
  if (!split) return false;
  const root = rootOf(dir);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const folder = join(root, fingerprint.key);
  const temp = `${folder}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  mkdirSync(temp, { mode: 0o700 });
  try {
    const key = fingerprint.key;
    split.parts.forEach((p, i) => writePart(seal, key, temp, `part-${i}.v8`, p));
    const shards = Array.from({ length: NAME_SHARDS }, () => new Map<string, readonly string[]>());
    for (const [name, namespaces] of names) shards[shardOf(name)]!.set(name, namespaces);
    shards.forEach((s, i) => writePart(seal, key, temp, `names-${i}.v8`, s));
    // Written last: an entry without it is not read.
    writePart(seal, key, temp, 'global.v8', split.global);
    try {
      renameSync(temp, folder);
    } catch {
      // Another run kept the same load first.
      rmSync(temp, { recursive: true, force: true });
    }
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
  evictOld(root);
  return true;
}

function writeAtomically(file: string, text: Buffer): void {
  try {
    mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
    const temp = `${file}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
    writeFileSync(temp, text, { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // The stamps only save hashing: without them the next run hashes again.
  }
}

/** Removes the least recently used entries past MAX_ENTRIES, and temporary folders left by a run that died. */
function evictOld(root: string): void {
  const entries = readdirSync(root)
    .filter((n) => /^[0-9a-f]{64}(\.tmp-\d+-[0-9a-f]{12})?$/.test(n))
    .map((n) => {
      try {
        return { name: n, used: statSync(join(root, n)).mtimeMs };
      } catch {
        return { name: n, used: 0 };
      }
    });
  const hour = 3_600_000;
  for (const e of entries) if (e.name.includes('.tmp-') && Date.now() - e.used > hour) rmSync(join(root, e.name), { recursive: true, force: true });
  const kept = entries.filter((e) => !e.name.includes('.tmp-')).sort((a, b) => b.used - a.used);
  for (const e of kept.slice(MAX_ENTRIES)) rmSync(join(root, e.name), { recursive: true, force: true });
}
