import type { Diagnostic } from '../model/diagnostic.js';
import type { Snapshot } from '../model/snapshot.js';
import type { UnmodelledObject } from '../model/unmodelled.js';
import type { PluginStatus } from '../model/cni.js';

/**
 * Whether an answer stands on the whole input: any error means something was left out (a
 * document that could not be read, an object the API server would refuse), so the answer is
 * partial and must say so itself, not only on stderr.
 */
export interface InputStatus {
  complete: boolean;
  /** The errors, each naming what was left out and where. */
  errors: InputError[];
  /** Objects read but not evaluated that the answer may depend on (plugin policies, operators' resources). */
  unmodelled?: UnmodelledEntry[];
  /** The network plugin profile the answer assumes, and the pairs plugins answer differently (set by commands that build a matrix). */
  plugin?: PluginStatus;
}

export interface UnmodelledEntry {
  kind: string;
  apiVersion: string;
  name: string;
  namespace?: string;
  effect: UnmodelledObject['effect'];
  owner: string;
  file?: string;
  line?: number;
}

export interface InputError {
  file?: string;
  line?: number;
  col?: number;
  field?: string;
  code: string;
  message: string;
  object?: string;
}

export function inputStatus(diagnostics: readonly Diagnostic[], snapshot?: Pick<Snapshot, 'unmodelled'>): InputStatus {
  const unmodelled = (snapshot?.unmodelled ?? []).map((u) => ({
    kind: u.kind,
    apiVersion: u.apiVersion,
    name: u.name,
    ...(u.namespace !== undefined ? { namespace: u.namespace } : {}),
    effect: u.effect,
    owner: u.owner,
    file: u.source.file,
    line: u.source.line,
  }));
  const errors = diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => ({
      ...(d.source ? { file: d.source.file, line: d.source.line, col: d.source.col, ...(d.source.field ? { field: d.source.field } : {}) } : {}),
      code: d.code,
      message: d.message,
      ...(d.object ? { object: d.object } : {}),
    }));
  return { complete: errors.length === 0, errors, ...(unmodelled.length ? { unmodelled } : {}) };
}
