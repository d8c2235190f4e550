import { chooseSelector } from './choose-selector.js';
import type { PodClass } from './pod-classes.js';
import { isOpen, openSides } from './open-sides.js';
import { NameAllocator, SUBDOMAIN, type NameRules } from './policy-names.js';
import type { PolicyPlan, PolicyWriter } from './policy-plan.js';
import type { Requirement } from './requirement.js';
import { sideRules, type ClassIndex } from './side-rules.js';
import { writeNetworkPolicy } from './write-networkpolicy.js';

/** A generated policy: its plan, and the object that is written. */
export interface GeneratedPolicy extends PolicyPlan {
  manifest: Record<string, unknown>;
}

export function classIndex(classes: readonly PodClass[]): ClassIndex {
  const byNamespace = new Map<string, PodClass[]>();
  for (const c of classes) byNamespace.set(c.namespace, [...(byNamespace.get(c.namespace) ?? []), c]);
  const selectors = new Map(classes.map((c) => [c, chooseSelector(c, byNamespace.get(c.namespace)!)]));
  return { classes, byNamespace, selectorOf: (c) => selectors.get(c)! };
}

/** A workload's name for its policies: `api` for `shop/api[Deployment]`. */
function baseName(c: PodClass): string {
  const owner = c.owners[0]!;
  return owner.slice(owner.indexOf('/') + 1).replace(/\[[^\]]*\]$/, '');
}

/**
 * Per managed namespace a default deny of both directions, then per class one policy per
 * direction in which it must allow something: everything where that side may stay open
 * (open-sides.ts), else the exact rules (side-rules.ts).
 */
export function buildPolicies(req: Requirement, index: ClassIndex, managed: ReadonlySet<string>, write: PolicyWriter = writeNetworkPolicy, nameRules: NameRules = SUBDOMAIN): GeneratedPolicy[] {
  const out: GeneratedPolicy[] = [];
  const add = (plan: PolicyPlan) => out.push({ ...plan, manifest: write(plan) });
  const open = openSides(req, index.classes, managed);
  for (const [ns, classes] of index.byNamespace) {
    if (!managed.has(ns)) continue;
    const names = new NameAllocator(nameRules);
    add({ namespace: ns, name: names.take('default-deny', ''), selector: { matchLabels: {}, matchExpressions: [] }, rules: [] });
    for (const c of classes) {
      for (const direction of ['ingress', 'egress'] as const) {
        const rules = isOpen(open, c, direction) ? [{}] : sideRules(req, c, index, direction);
        if (!rules.length) continue;
        add({ namespace: ns, name: names.take(baseName(c), `-${direction}`), forClass: c, selector: index.selectorOf(c), direction, rules });
      }
    }
  }
  return out;
}
