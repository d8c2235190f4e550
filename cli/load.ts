import { inputStatus, type InputStatus } from '../src/load/input-status.js';
import { loadSnapshot, type LoadOptions, type LoadResult } from '../src/load/load-snapshot.js';
import type { ReadOptions } from '../src/load/read-inputs.js';
import { describeSemantics } from '../src/model/semantics.js';
import type { Snapshot } from '../src/model/snapshot.js';
import { UsageError } from './errors.js';
import { codeIdentity } from './code-identity.js';
import { keepSnapshot, lookUpSnapshot, type CachedLoad } from '../src/load/snapshot-cache/snapshot-cache.js';
import { nameIndex, type NameLookup } from '../src/query/question-namespaces.js';
import { escapeTerminal } from '../src/text/escape/terminal.js';
import { clearProgress, progressFor } from './progress.js';
import { formatDiagnostic, type Io } from './io.js';

/**
 * Loads the snapshot and reports every diagnostic on stderr. Input errors do not stop the
 * analysis of the rest; the caller turns `errors > 0` into exit code 2.
 */
export function loadForCommand(files: string[], io: Io, options: LoadOptions & ReadOptions = {}): LoadResult & { errors: number; input: InputStatus } {
  return reportLoad(loadQuietly(files, io, options), files, io);
}

function loadQuietly(files: string[], io: Io, options: LoadOptions & ReadOptions): LoadResult {
  requireInput(files, options);
  const progress = progressFor(io);
  const result = loadSnapshot(files, { readStdin: io.readStdin, ...(progress ? { progress } : {}), ...options });
  clearProgress(io);
  return result;
}

function requireInput(files: string[], options: ReadOptions): void {
  if (files.length === 0 && !options.kustomize?.length) throw new UsageError('no input: give -f PATH (a file, a folder, or - for standard input) or -k DIR (a kustomize folder)');
}

/**
 * As `loadForCommand`, for a question (`can`, `verify`) whose `scope` names the namespaces it
 * needs (query/question-namespaces.ts): in big JSON lists only the pods, workloads and
 * NetworkPolicies of the namespaces it gives are read (load-snapshot.ts `podNamespaces`). When the names it looks up turn out to
 * need more (a name not found there, whose did-you-mean looks everywhere), everything is read.
 * What is printed is what the whole load prints, but for the diagnostics of the objects not
 * read: stderr says how many were left unread.
 */
export function loadForQuestion(files: string[], io: Io, options: LoadOptions & ReadOptions, scope: (names: NameLookup | 'given') => ReadonlySet<string> | 'all'): LoadResult & { errors: number; input: InputStatus } {
  const given = scope('given');
  if (given === 'all' || options.semantics === 'legacy') return loadForCommand(files, io, options);
  const result = loadQuietly(files, io, { ...options, podNamespaces: given });
  const unread = result.unread ?? 0;
  if (unread > 0) {
    const index = nameIndex(result.snapshot);
    const need = scope({ named: (name) => index.get(name) ?? [] });
    if (need === 'all' || [...need].some((ns) => !given.has(ns))) return loadForCommand(files, io, options);
    const namespaces = [...given].map((ns) => escapeTerminal(ns)).join(', ');
    io.err(`note: read only the pods, workloads and NetworkPolicies of ${given.size === 1 ? 'namespace' : 'namespaces'} ${namespaces} (what the question needs) from the big JSON list(s); ${unread} elsewhere were not read or checked (netpol-check lint checks every object)\n`);
  }
  return reportLoad(result, files, io, result.snapshot.pods.length + unread);
}

/**
 * As `loadForCommand`, through the snapshot cache at `cacheDir` (--cache-dir): when it holds
 * these inputs, only the namespaces `scope` asks for are read from it; otherwise the inputs are
 * loaded, and `keep()` (called after the answer is printed) keeps them there for the next run.
 * What is printed is the same either way.
 */
export function loadThroughCache(files: string[], io: Io, options: LoadOptions & ReadOptions, cacheDir: string, scope: (cached: CachedLoad) => ReadonlySet<string> | 'all'): LoadResult & { errors: number; input: InputStatus; keep: () => void } {
  requireInput(files, options);
  const lookup = lookUpSnapshot(cacheDir, files, options, codeIdentity());
  if (lookup.hit) {
    let result: LoadResult | undefined;
    try {
      result = lookup.hit.load(scope(lookup.hit));
    } catch {
      io.err('note: the snapshot cache entry could not be read; loading the inputs again\n');
    }
    if (result) return { ...reportLoad(result, files, io, lookup.hit.pods), keep: () => {} };
  }
  const loaded = loadForCommand(files, io, options);
  const { fingerprint } = lookup;
  if (!fingerprint && !files.includes('-') && !options.kustomize?.length) {
    io.err('note: the snapshot cache is not used: an input changed while it was read or could not be read, or no private secret to seal the cache could be kept ($XDG_CACHE_HOME or ~/.cache/netpol-check/cache-secret)\n');
  }
  // Called once the answer is out: keeping a big load takes a few seconds the answer need not wait for.
  const keep = (): void => {
    if (!fingerprint) return;
    try {
      keepSnapshot(cacheDir, fingerprint, loaded, nameIndex(loaded.snapshot));
    } catch (e) {
      io.err(`warning: snapshot cache not written: ${escapeTerminal((e as Error).message)}\n`);
    }
  };
  return { ...loaded, keep };
}

/**
 * Reports every diagnostic on stderr, the semantics, an empty snapshot (`pods`: how many the
 * whole snapshot holds) and the count of input errors.
 */
function reportLoad(result: LoadResult, files: string[], io: Io, pods = result.snapshot.pods.length): LoadResult & { errors: number; input: InputStatus } {
  for (const d of result.diagnostics) io.err(`${formatDiagnostic(d)}\n`);
  reportSemantics(result.snapshot, io);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  if (pods === 0) {
    io.err(`note: no pods or workloads found in ${files.join(', ')}: nothing to analyse (give Pod, Deployment, StatefulSet, … manifests)\n`);
  }
  if (errors > 0) io.err(`note: ${errors} input error(s); the result below leaves out what could not be read\n`);
  return { ...result, errors, input: inputStatus(result.diagnostics, result.snapshot) };
}

/** Says which semantics were applied, whenever the snapshot holds anything of the old generations. */
export function reportSemantics(snapshot: Snapshot, io: Io, prefix = ''): void {
  const s = snapshot.semantics;
  if (s && (s.mode === 'legacy' || s.legacyContent)) io.err(`${prefix}note: semantics: ${describeSemantics(s)}\n`);
}
