import { runLint } from '../lint/run-lint.js';
import type { LintConfig } from '../lint/config.js';
import type { Finding } from '../lint/rule.js';
import { withProfile } from '../engine/with-profile.js';
import type { CniProfile } from '../model/cni.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Snapshot } from '../model/snapshot.js';

export interface LintOptions {
  /** Rule ids to skip (`netpol-check lint --disable`). */
  disable?: readonly string[];
  /** Severities per rule ('off' skips it), paths to ignore: a parsed `.netpol-check.yaml` (`parseLintConfig`). */
  config?: LintConfig;
  /** The network plugin's profile (docs/cni-profiles.md); default `generic`. */
  cni?: CniProfile;
}

/**
 * `netpol-check lint` as a function: the findings on a loaded snapshot, sorted by file, line and
 * rule. Pass the load's diagnostics too: input problems a rule speaks for (invalid CIDRs, port
 * ranges, schema errors) are findings under that rule.
 */
export function lint(loaded: { snapshot: Snapshot; diagnostics?: readonly Diagnostic[] }, options: LintOptions = {}): Finding[] {
  return runLint(withProfile(loaded.snapshot, options.cni ?? 'generic'), loaded.diagnostics ?? [], {
    ...(options.disable ? { disable: options.disable } : {}),
    ...(options.config ? { config: options.config } : {}),
  });
}
