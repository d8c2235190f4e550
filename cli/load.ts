import { inputStatus, type InputStatus } from '../src/load/input-status.js';
import { loadSnapshot, type LoadOptions, type LoadResult } from '../src/load/load-snapshot.js';
import type { ReadOptions } from '../src/load/read-inputs.js';
import { describeSemantics } from '../src/model/semantics.js';
import type { Snapshot } from '../src/model/snapshot.js';
import { UsageError } from './errors.js';
import { clearProgress, progressFor } from './progress.js';
import { formatDiagnostic, type Io } from './io.js';

/**
 * Loads the snapshot and reports every diagnostic on stderr. Input errors do not stop the
 * analysis of the rest; the caller turns `errors > 0` into exit code 2.
 */
export function loadForCommand(files: string[], io: Io, options: LoadOptions & ReadOptions = {}): LoadResult & { errors: number; input: InputStatus } {
  if (files.length === 0 && !options.kustomize?.length) throw new UsageError('no input: give -f PATH (a file, a folder, or - for standard input) or -k DIR (a kustomize folder)');
  const progress = progressFor(io);
  const result = loadSnapshot(files, { readStdin: io.readStdin, ...(progress ? { progress } : {}), ...options });
  clearProgress(io);
  for (const d of result.diagnostics) io.err(`${formatDiagnostic(d)}\n`);
  reportSemantics(result.snapshot, io);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  if (result.snapshot.pods.length === 0) {
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
