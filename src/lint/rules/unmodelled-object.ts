import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'unmodelled-object',
    description: "A network plugin's policy netpol-check does not evaluate (Antrea, OVN, Istio), the parts of a Cilium or Calico policy it does not model, or an operator's resource that runs pods",
    severity: 'warning',
    rationale:
      "netpol-check evaluates Kubernetes NetworkPolicy, the admin network policies and Cilium's and Calico's policies (docs/cilium.md, docs/calico.md: all but some of their fields). Another plugin's own policy, or a part of a Cilium or Calico policy left unmodelled, may allow or deny the traffic of the pods it selects, so answers about those pods are undetermined (can and verify exit 3); an operator's resource (a Prometheus, say) runs pods that are not in a snapshot of the resource alone.",
    fix: "Keep in mind that answers for the selected pods leave the plugin's policy out; for an operator's resource, add its pods (kubectl get pods -o yaml).",
    messages: {
      policy: '{kind} {name} is a {owner} policy that netpol-check does not evaluate: answers for pods {scope} are undetermined',
      parts: '{kind} {name} is evaluated except {parts}, which netpol-check does not model: answers for pods {scope} are undetermined',
      pods: '{kind} {name} is run by {owner}, whose pods are not in the snapshot: add them with kubectl get pods -o yaml',
    },
    examples: {
      bad: 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: lock-db, namespace: shop}\nspec: {endpointSelector: {}, egress: [{toFQDNs: [{matchName: api.example.com}]}]}\n',
      good: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: lock-db, namespace: shop}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n',
    },
  },
  check(ctx, report) {
    for (const u of ctx.snapshot.unmodelled ?? []) {
      const name = `${u.namespace !== undefined ? `${u.namespace}/` : ''}${u.name}`;
      const scope = u.namespace !== undefined ? `in namespace ${u.namespace}` : 'of every namespace';
      const at = { source: u.source, object: `${u.kind} ${name}` };
      if (u.parts?.length) report('parts', { kind: u.kind, name, scope, parts: u.parts.join('; ') }, at);
      else report(u.effect, { kind: u.kind, name, owner: u.owner, scope }, at);
    }
  },
});
