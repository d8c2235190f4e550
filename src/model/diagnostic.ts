import type { SourceRef } from './source.js';

export type Severity = 'error' | 'warning' | 'info';

/** A problem found in the input. Input problems are data, never exceptions. */
export interface Diagnostic {
  severity: Severity;
  /** Stable identifier, e.g. `invalid-cidr`, `yaml-syntax`. */
  code: string;
  message: string;
  source?: SourceRef;
  /** `Kind ns/name` of the object concerned, when known. */
  object?: string;
}
