import type { ReachabilityMatrix } from '../engine/matrix.js';
import type { Severity } from '../model/diagnostic.js';
import type { Labels } from '../model/labels.js';
import type { NetworkPolicy } from '../model/policy.js';
import type { Snapshot } from '../model/snapshot.js';
import type { SourceRef } from '../model/source.js';
import type { SnapshotIndex } from './snapshot-index.js';

export interface RuleMeta<M extends string = string> {
  id: string;
  description: string;
  severity: Severity;
  rationale: string;
  fix: string;
  /** Message templates by id; tests assert ids, not wording. */
  messages: Record<M, string>;
  /** A snapshot (YAML) that triggers the rule, and one that does not. */
  examples: { bad: string; good: string };
}

export interface Finding {
  ruleId: string;
  messageId: string;
  severity: Severity;
  message: string;
  source?: SourceRef;
  /** `NetworkPolicy ns/name`, `Pod ns/name`, … */
  object?: string;
}

export interface LintContext {
  snapshot: Snapshot;
  /** Labels of every namespace, by name. */
  namespaceLabels: ReadonlyMap<string, Labels>;
  /** The reachability matrix, computed once on first use. */
  matrix(): ReachabilityMatrix;
  /** Pods by namespace, label, named port and IP: built once on first use, shared by the rules. */
  index(): SnapshotIndex;
}

export interface Reporter<M extends string> {
  report(messageId: M, data: Record<string, string | number>, at: { source?: SourceRef; object?: string }): void;
}

export interface LintRule<M extends string = string> {
  meta: RuleMeta<M>;
  /**
   * Loader diagnostics this rule speaks for (their code is the message id): problems the
   * loader finds while reading, reported under this rule's id with their own severity.
   */
  inputCodes?: readonly M[];
  check(ctx: LintContext, report: Reporter<M>['report']): void;
}

/** Identity with types: a rule's messages are checked against its message ids. */
export function defineRule<M extends string>(rule: LintRule<M>): LintRule<M> {
  return rule;
}

export function policyName(p: NetworkPolicy): string {
  return `NetworkPolicy ${p.namespace}/${p.name}`;
}

/** `{name}` placeholders filled from `data`. */
export function fill(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}
