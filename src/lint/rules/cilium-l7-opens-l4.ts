import { ciliumRuleConnections } from '../../engine/cilium-ports.js';
import { compileCilium } from '../../engine/compile-cilium.js';
import { computeMatrix, type ReachabilityMatrix } from '../../engine/matrix.js';
import { ciliumPolicyRef, type CiliumL7, type CiliumPolicy, type CiliumRule } from '../../model/cilium-policy.js';
import type { Direction } from '../../model/policy.js';
import { formatIp } from '../../net/ip-address.js';
import { l4SideSnapshot } from '../l4-side-snapshot.js';
import { defineRule } from '../rule.js';

const LAYER7 = 'Cilium docs, Layer 7 Policies';

export default defineRule({
  meta: {
    id: 'cilium-l7-opens-l4',
    description: 'Cilium L7 rules that filter nothing: an L4 rule allows the same peer and port, or a rule list that matches every request',
    severity: 'warning',
    rationale: `L7 rules (toPorts[].rules: http, kafka, dns, l7proto) let the proxy filter requests on a port the rule opens at L4. They filter nothing when another allow rule (Cilium or NetworkPolicy) opens the same port to the same peer without L7 rules: "If a layer 4 rule is specified in the policy, and a similar layer 4 rule with layer 7 rules is also specified, then the layer 7 portions of the latter rule will have no effect" (${LAYER7}; Cilium's wildcardL3L4Rule adds an allow-all L7 rule for "all the endpoints allowed at L3 or L4", L3-only rules included). Nor when the list is empty or holds a rule without fields: "A layer 7 request is permitted if at least one of the rules matches. If no rules are specified, then all traffic is permitted" (same page) — fine for visibility, not as a filter.`,
    fix: 'Take the port (or the peer) out of the L4 rule so that only the L7 rule opens it, or give each L7 rule the fields that restrict it (method, path, matchPattern, topic, …).',
    messages: {
      shadowed: '{section} rule {rule}: its {protocol} rules on {ports} filter nothing for {pair}{more}: other rules allow {allowed} there at L4, which makes the L7 part of this rule ineffective',
      matchAll: '{section} rule {rule}: {protocol} rule {index} has no field and matches every request: the proxy lets all of {ports} through',
      noRules: '{section} rule {rule}: rules names no {protocol} rule, so every request on {ports} is permitted',
    },
    examples: {
      bad: "apiVersion: v1\nkind: Pod\nmetadata: {name: api, namespace: shop, labels: {app: api}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\n---\napiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: api, namespace: shop}\nspec:\n  endpointSelector: {matchLabels: {app: api}}\n  ingress:\n  - fromEndpoints: [{matchLabels: {app: web}}]\n    toPorts: [{ports: [{port: '80', protocol: TCP}], rules: {http: [{method: GET, path: /public/.*}]}}]\n  - fromEndpoints: [{}]\n",
      good: "apiVersion: v1\nkind: Pod\nmetadata: {name: api, namespace: shop, labels: {app: api}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\n---\napiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: api, namespace: shop}\nspec:\n  endpointSelector: {matchLabels: {app: api}}\n  ingress:\n  - fromEndpoints: [{matchLabels: {app: web}}]\n    toPorts: [{ports: [{port: '80', protocol: TCP}], rules: {http: [{method: GET, path: /public/.*}]}}]\n  - fromEndpoints: [{}]\n    toPorts: [{ports: [{port: '9090', protocol: TCP}]}]\n",
    },
  },
  check(ctx, report) {
    const policies = ctx.snapshot.ciliumPolicies ?? [];
    const withL7 = policies.filter((p) => !p.selectsNoPod && p.rules.some((r) => r.l7 && !r.deny));
    if (withL7.length === 0) return;
    const sides = new Map<Direction, ReachabilityMatrix>();
    const side = (d: Direction): ReachabilityMatrix => {
      let m = sides.get(d);
      if (!m) sides.set(d, (m = computeMatrix(l4SideSnapshot(ctx.snapshot, d))));
      return m;
    };
    for (const p of withL7) {
      const object = ciliumPolicyRef(p);
      for (const rule of p.rules) {
        if (!rule.l7 || rule.deny) continue;
        for (const item of rule.l7) {
          const at = { source: item.source, object };
          const base = { section: rule.section, rule: rule.index, protocol: item.protocol, ports: portsText(item) };
          if (item.count === 0) {
            report('noRules', base, at);
            continue;
          }
          if (item.matchAll.length) {
            report('matchAll', { ...base, index: item.matchAll[0]! }, at);
            continue;
          }
          if (ctx.snapshot.pods.length === 0) continue;
          const found = shadowed(side(rule.direction), p, rule, item);
          if (found) report('shadowed', { ...base, ...found }, at);
        }
      }
    }
  },
});

function portsText(item: CiliumL7): string {
  if (item.ports === 'any') return 'every port';
  return item.ports.map((p) => `${p.protocol === 'ANY' ? '' : `${p.protocol} `}${p.kind === 'named' ? p.name : p.from === p.to ? p.from : `${p.from}-${p.to}`}`).join(', ');
}

/**
 * The pairs (subject pod class, peer entity) the L7 item applies to where the L4-only side
 * matrix already lets some of the item's ports through: the first, and how many more.
 */
function shadowed(m: ReachabilityMatrix, p: CiliumPolicy, rule: CiliumRule, item: CiliumL7): { pair: string; more: string; allowed: string } | undefined {
  const only: CiliumRule = { ...rule, ports: item.ports };
  const compiled = compileCilium([{ ...p, rules: [only] }], m.universe);
  const classes = m.pods.classes;
  const P = classes.length;
  const isolated = m.isolated[rule.direction];
  let first: { pair: string; allowed: string } | undefined;
  let count = 0;
  compiled[rule.direction].forEach((s, c) => {
    if (!s || !isolated.has(c)) return; // not in default deny: nothing is filtered at L4 (enableDefaultDeny false)
    for (const e of s.allow[0]!.peers.indices()) {
      const [src, dst] = rule.direction === 'ingress' ? [e, c] : [c, e];
      const l7 = ciliumRuleConnections(only, dst < P ? classes[dst]!.ports : null);
      const overlap = m.connections(src, dst).intersect(l7);
      if (overlap.isEmpty()) continue;
      count++;
      first ??= { pair: `${name(m, src)} → ${name(m, dst)}`, allowed: overlap.toString() };
    }
  });
  return first ? { ...first, more: count > 1 ? ` (and ${count - 1} more pairs)` : '' } : undefined;
}

function name(m: ReachabilityMatrix, entity: number): string {
  const P = m.pods.classes.length;
  if (entity < P) return m.pods.classes[entity]!.pods[0]!.id;
  const b = m.blocks[entity - P]!;
  return b.lo === b.hi ? formatIp(b.family, b.lo) : `${formatIp(b.family, b.lo)}-${formatIp(b.family, b.hi)}`;
}
