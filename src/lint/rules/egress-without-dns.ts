import type { ReachabilityMatrix } from '../../engine/matrix.js';
import type { Pod } from '../../model/snapshot.js';
import { defineRule } from '../rule.js';

/** The pods the rule reports: isolated for egress, and reaching no pod or address on UDP 53 or TCP 53 (`lint --fix` adds their DNS). */
export function podsWithoutDns(m: ReachabilityMatrix): Pod[] {
  const out: Pod[] = [];
  for (const c of m.pods.classes) {
    if (!m.isolated.egress.has(c.index)) continue;
    const row = m.rows[c.index]!;
    const dns = row.ids.some((id) => {
      const cs = m.pool.get(id);
      return cs.has('UDP', 53) || cs.has('TCP', 53);
    });
    if (!dns) out.push(...c.pods);
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'egress-without-dns',
    description: 'Pods isolated for egress that cannot reach any DNS server (port 53)',
    severity: 'warning',
    rationale: 'A default-deny egress policy without a DNS exception breaks name resolution: the most common outage such a policy causes.',
    fix: 'Allow egress to the cluster DNS pods (usually k8s-app=kube-dns in kube-system) on UDP and TCP 53.',
    messages: { noDns: '{pod} is isolated for egress and cannot reach any pod or address on UDP 53 or TCP 53' },
    examples: {
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]\n',
    },
  },
  check(ctx, report) {
    for (const pod of podsWithoutDns(ctx.matrix())) report('noDns', { pod: `${pod.namespace}/${pod.owner.name}[${pod.owner.kind}]` }, { source: pod.source, object: `Pod ${pod.id}` });
  },
});
