import { calicoPolicyRef, calicoRuleFamily, type CalicoEntityRule, type CalicoPort, type CalicoRule } from '../../model/calico-policy.js';
import { defineRule } from '../rule.js';

/** Whether `x`, written in an earlier rule, holds `y` of a later one: absent holds everything, else the same value. */
const holds = (x: unknown, y: unknown): boolean => x === undefined || JSON.stringify(x, withBigInts) === JSON.stringify(y, withBigInts);

/** Address ranges hold bigints, which JSON.stringify refuses: compared as their text. */
const withBigInts = (_: string, v: unknown): unknown => (typeof v === 'bigint' ? `${v}n` : v);

/** Whether every port of `later` is inside a numeric item of `earlier` (named ports only when the same name is there). */
function portsCover(earlier: readonly CalicoPort[] | undefined, later: readonly CalicoPort[] | undefined): boolean {
  if (earlier === undefined) return true;
  if (later === undefined) return false;
  return later.every((l) => earlier.some((e) => (e.kind === 'named' ? l.kind === 'named' && l.name === e.name : l.kind === 'range' && e.from <= l.from && l.to <= e.to)));
}

/** Whether `earlier`'s source or destination matches at least what `later`'s does (written the same, or not restricted). */
function entityCovers(earlier: CalicoEntityRule, later: CalicoEntityRule): boolean {
  return (
    holds(earlier.nets, later.nets) &&
    (earlier.notNets.length === 0 || holds(earlier.notNets, later.notNets)) &&
    holds(earlier.selector, later.selector) &&
    holds(earlier.notSelector, later.notSelector) &&
    holds(earlier.namespaceSelector, later.namespaceSelector) &&
    holds(earlier.serviceAccountNames, later.serviceAccountNames) &&
    holds(earlier.serviceAccountSelector, later.serviceAccountSelector) &&
    (earlier.services === undefined || (later.services !== undefined && earlier.services.namespace === later.services.namespace && earlier.services.name === later.services.name)) &&
    portsCover(earlier.ports, later.ports) &&
    (earlier.notPorts.length === 0 || holds(earlier.notPorts, later.notPorts))
  );
}

/** Whether the Deny rule `earlier` matches every connection `later` matches (so `later` never decides). */
export function denyShadows(earlier: CalicoRule, later: CalicoRule): boolean {
  if (earlier.action !== 'Deny' || earlier.unmodelled.length) return false;
  // A Deny rendered for one address family (ipVersion, or nets of one family) covers only rules of that family.
  const family = calicoRuleFamily(earlier);
  if (family !== undefined && calicoRuleFamily(later) !== family) return false;
  return later.protocols.every((p) => earlier.protocols.includes(p)) && entityCovers(earlier.source, later.source) && entityCovers(earlier.destination, later.destination);
}

export default defineRule({
  meta: {
    id: 'calico-shadowed-rule',
    description: 'A rule of a Calico policy that an earlier Deny rule of the same policy always matches first: it never decides anything',
    severity: 'warning',
    rationale:
      'Calico evaluates a policy\'s rules in order and the first Allow, Deny or Pass that matches decides (NetworkPolicy reference, "Spec"): a rule after a Deny that matches all it matches is dead, and an Allow written there was usually meant to be an exception placed before the Deny.',
    fix: 'Move the rule above the Deny rule (exceptions first), or narrow the Deny.',
    messages: { shadowed: '{direction} rule {rule} ({action}) is never reached: {direction} rule {earlier} (Deny) matches every connection it matches' },
    examples: {
      bad: "apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: db}\nspec:\n  selector: app == 'db'\n  ingress:\n  - action: Deny\n    protocol: TCP\n  - action: Allow\n    protocol: TCP\n    source: {selector: app == 'api'}\n    destination: {ports: [5432]}\n",
      good: "apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: db}\nspec:\n  selector: app == 'db'\n  ingress:\n  - action: Allow\n    protocol: TCP\n    source: {selector: app == 'api'}\n    destination: {ports: [5432]}\n  - action: Deny\n    protocol: TCP\n",
    },
  },
  check(ctx, report) {
    for (const p of ctx.snapshot.calico?.policies ?? []) {
      for (const rules of [p.ingress, p.egress]) {
        rules.forEach((later, j) => {
          const earlier = rules.slice(0, j).find((r) => denyShadows(r, later));
          if (earlier) report('shadowed', { direction: later.direction, rule: later.index, action: later.action, earlier: earlier.index }, { source: later.at, object: calicoPolicyRef(p) });
        });
      }
    }
  },
});
