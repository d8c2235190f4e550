import type { LabelSelector } from '../model/labels.js';
import type { Direction } from '../model/policy.js';
import type { PodClass } from './pod-classes.js';
import type { RuleItem } from './side-rules.js';

/**
 * One generated policy before it is written in a kind's own words (write-*.ts): the pods it
 * selects, and either one direction's rules or, with `direction` absent, a default deny of both.
 */
export interface PolicyPlan {
  namespace: string;
  name: string;
  /** The class it selects (absent: the namespace's default deny). */
  forClass?: PodClass;
  selector: LabelSelector;
  direction?: Direction;
  rules: readonly RuleItem[];
}

/** The label every generated policy carries. */
export const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'netpol-check' };

/** Writes a plan as the manifest of one kind of policy. */
export type PolicyWriter = (plan: PolicyPlan) => Record<string, unknown>;
