import { verifyTotals } from '../format/verify/text.js';
import type { CniProfile } from '../model/cni.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Snapshot } from '../model/snapshot.js';
import { checkExpectations, type CheckResult } from '../verify/check.js';
import { parseExpectations, type Expectation } from '../verify/expectations.js';

export interface VerifyOptions {
  /** The network plugin's profile (docs/cni-profiles.md); default `generic`. */
  cni?: CniProfile;
  /** The name positions in `problems` refer to, when expectations are given as text (default `expectations.yaml`). */
  file?: string;
}

export type VerifyResult =
  | { ok: true; results: CheckResult[]; totals: { passed: number; failed: number; undetermined: number } }
  /** The expectations file does not parse or does not match docs/expectations.schema.json: nothing was checked. */
  | { ok: false; problems: Diagnostic[] };

/**
 * `netpol-check verify` as a function: written expectations (the YAML text of an expectations
 * file, or expectations already parsed) checked against the snapshot.
 */
export function verify(snapshot: Snapshot, expectations: string | readonly Expectation[], options: VerifyOptions = {}): VerifyResult {
  let list: readonly Expectation[];
  if (typeof expectations === 'string') {
    const parsed = parseExpectations(options.file ?? 'expectations.yaml', expectations);
    if (parsed.problems.length) return { ok: false, problems: parsed.problems };
    list = parsed.expectations;
  } else list = expectations;
  const results = checkExpectations(snapshot, list, options.cni ?? 'generic');
  return { ok: true, results, totals: verifyTotals(results) };
}
