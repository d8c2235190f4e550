import { describe, expect, it } from 'vitest';
import { analyze, ns, pod } from '../helpers/analyze.js';

/**
 * The examples of Cilium's policy documentation (docs.cilium.io, Security → Network Policy:
 * Layer 3, Layer 4, Using Kubernetes Constructs, Deny Policies), each with the documentation's
 * policy (examples/policies/… in cilium/cilium, transcribed) and expected pairs that quote the
 * sentence saying so. Every `can` is answered by the engine and the reference evaluator, which
 * must agree. Pods are ours: one that the sentence speaks of, and one it does not.
 */
const withIp = (doc: string, ip: string) => `${doc}status:\n  podIP: ${ip}\n`;

describe('Layer 3 Policies → Endpoints based', () => {
  const pods = [pod('frontend', { role: 'frontend' }), pod('backend', { role: 'backend' }), pod('other', { role: 'other' })];

  it('Simple Ingress Allow (l3/simple/l3.yaml): "allow communication from endpoints with the label role=frontend to endpoints with the label role=backend"', () => {
    const a = analyze(...pods, 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: l3-rule}\nspec:\n  endpointSelector: {matchLabels: {role: backend}}\n  ingress:\n  - fromEndpoints: [{matchLabels: {role: frontend}}]\n');
    expect(a.can('frontend', 'backend')).toBe(true);
    expect(a.can('other', 'backend')).toBe(false);
  });

  it('Egress Allow All Endpoints (l3/egress-allow-all): "allows all egress traffic from endpoints with the label role=frontend to all other endpoints in the same namespace"', () => {
    const a = analyze(...pods, pod('elsewhere', { role: 'backend' }, { ns: 'other' }), 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: allow-all-from-frontend}\nspec:\n  endpointSelector: {matchLabels: {role: frontend}}\n  egress:\n  - toEndpoints: [{}]\n');
    expect(a.can('frontend', 'backend')).toBe(true);
    expect(a.can('frontend', 'other')).toBe(true);
    expect(a.can('frontend', 'other/elsewhere')).toBe(false);
  });

  it('Simple Egress Deny (l3/egress-deny): "If an egressDeny rule matches, egress traffic is denied even if the policy contains egress rules that would otherwise allow it."', () => {
    const a = analyze(...pods, 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: deny-egress-example}\nspec:\n  endpointSelector: {matchLabels: {role: frontend}}\n  egress:\n  - toEntities: [all]\n  egressDeny:\n  - toEndpoints: [{matchLabels: {role: backend}}]\n');
    expect(a.can('frontend', 'backend')).toBe(false);
    expect(a.can('frontend', 'other')).toBe(true);
    expect(a.can('frontend', '192.0.2.1')).toBe(true);
  });
});

describe('Layer 3 Policies → Entities based', () => {
  it('Access to/from outside cluster (l3/entities/world.yaml): "enable access from outside of the cluster to all endpoints that have the label role=public"', () => {
    const a = analyze(pod('public', { role: 'public' }), pod('inside', { role: 'client' }), 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: from-world-to-role-public}\nspec:\n  endpointSelector: {matchLabels: {role: public}}\n  ingress:\n  - fromEntities: [world]\n');
    expect(a.can('203.0.113.7', 'public')).toBe(true);
    // "The world entity corresponds to all endpoints outside of the cluster": not the cluster's pods.
    expect(a.can('inside', 'public')).toBe(false);
  });
});

describe('Layer 3 Policies → IP/CIDR based', () => {
  it('Allow to external CIDR block (l3/cidr/cidr.yaml): "allow all endpoints with the label app=myService to talk to the external IP 20.1.1.1, as well as the CIDR prefix 10.0.0.0/8, but not CIDR prefix 10.96.0.0/12"', () => {
    const a = analyze(pod('svc', { app: 'myService' }), withIp(pod('peer', { app: 'peer' }), '10.1.0.9'), 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: cidr-rule}\nspec:\n  endpointSelector: {matchLabels: {app: myService}}\n  egress:\n  - toCIDR: [20.1.1.1/32]\n  - toCIDRSet:\n    - cidr: 10.0.0.0/8\n      except: [10.96.0.0/12]\n');
    expect(a.can('svc', '20.1.1.1')).toBe(true);
    expect(a.can('svc', '20.1.1.2')).toBe(false);
    expect(a.can('svc', '10.1.2.3')).toBe(true);
    expect(a.can('svc', '10.96.0.10')).toBe(false);
    // "CIDR rules do not apply to traffic where both sides of the connection are either managed by Cilium …"
    expect(a.can('svc', 'peer')).toBe(false);
  });
});

describe('Layer 4 Policies', () => {
  const svc = [pod('svc', { app: 'myService' }), pod('other', { app: 'other' })];

  it('Example (L4) (l4/l4.yaml): "limits all endpoints with the label app=myService to only be able to emit packets using TCP on port 80, to any layer 3 destination"', () => {
    const a = analyze(...svc, "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: l4-rule}\nspec:\n  endpointSelector: {matchLabels: {app: myService}}\n  egress:\n  - toPorts: [{ports: [{port: '80', protocol: TCP}]}]\n");
    expect(a.can('svc', 'other', 'TCP', 80)).toBe(true);
    expect(a.can('svc', '198.51.100.1', 'TCP', 80)).toBe(true);
    expect(a.can('svc', 'other', 'TCP', 81)).toBe(false);
    expect(a.can('svc', 'other', 'UDP', 80)).toBe(false);
  });

  it('Example Port Ranges (l4/l4_port_range.yaml): "only be able to emit packets using TCP on ports 80-444, to any layer 3 destination"', () => {
    const a = analyze(...svc, "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: l4-port-range-rule}\nspec:\n  endpointSelector: {matchLabels: {app: myService}}\n  egress:\n  - toPorts: [{ports: [{port: '80', endPort: 444, protocol: TCP}]}]\n");
    expect(a.can('svc', '198.51.100.1', 'TCP', 80)).toBe(true);
    expect(a.can('svc', '198.51.100.1', 'TCP', 444)).toBe(true);
    expect(a.can('svc', '198.51.100.1', 'TCP', 445)).toBe(false);
    expect(a.can('svc', '198.51.100.1', 'TCP', 79)).toBe(false);
  });

  it('Labels-dependent Layer 4 rule (l4/l3_l4_combined.yaml): "Endpoints with other labels will not be able to communicate with the endpoints with the label role=backend, and endpoints with the label role=frontend will not be able to communicate with role=backend on ports other than 80"', () => {
    const a = analyze(pod('frontend', { role: 'frontend' }), pod('backend', { role: 'backend' }), pod('other', { role: 'other' }), "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: l4-rule}\nspec:\n  endpointSelector: {matchLabels: {role: backend}}\n  ingress:\n  - fromEndpoints: [{matchLabels: {role: frontend}}]\n    toPorts: [{ports: [{port: '80', protocol: TCP}]}]\n");
    expect(a.can('frontend', 'backend', 'TCP', 80)).toBe(true);
    expect(a.can('frontend', 'backend', 'TCP', 8080)).toBe(false);
    expect(a.can('other', 'backend', 'TCP', 80)).toBe(false);
  });

  it('CIDR-dependent Layer 4 Rule (l4/cidr_l4_combined.yaml): "endpoints with the label role=crawler will not be able to communicate with destinations in the CIDR 192.0.2.0/24 on ports other than port 80"', () => {
    const a = analyze(pod('crawler', { role: 'crawler' }), pod('other', { role: 'other' }), "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: cidr-l4-rule}\nspec:\n  endpointSelector: {matchLabels: {role: crawler}}\n  egress:\n  - toCIDR: [192.0.2.0/24]\n    toPorts: [{ports: [{port: '80', protocol: TCP}]}]\n");
    expect(a.can('crawler', '192.0.2.10', 'TCP', 80)).toBe(true);
    expect(a.can('crawler', '192.0.2.10', 'TCP', 443)).toBe(false);
    expect(a.can('crawler', '198.51.100.1', 'TCP', 80)).toBe(false);
    // "The policy does not allow Endpoints without the label role=crawler …": other is not selected, so not isolated either.
    expect(a.can('other', '192.0.2.10', 'TCP', 443)).toBe(true);
  });
});

describe('Using Kubernetes Constructs in Policy → Namespaces', () => {
  it('Example: Expose pods across namespaces (namespace-policy.yaml): "exposes all pods with the label name=leia in the namespace ns1 to all pods with the label name=luke in the namespace ns2"', () => {
    const a = analyze(ns('ns1'), ns('ns2'), pod('leia', { name: 'leia' }, { ns: 'ns1' }), pod('luke', { name: 'luke' }, { ns: 'ns2' }), pod('luke', { name: 'luke' }, { ns: 'ns1' }), "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: k8s-expose-across-namespace, namespace: ns1}\nspec:\n  endpointSelector: {matchLabels: {name: leia}}\n  ingress:\n  - fromEndpoints: [{matchLabels: {'k8s:io.kubernetes.pod.namespace': ns2, name: luke}}]\n");
    expect(a.can('ns2/luke', 'ns1/leia')).toBe(true);
    expect(a.can('ns1/luke', 'ns1/leia')).toBe(false);
  });

  it('Example: Allow egress to kube-dns in kube-system namespace (kubedns-policy.yaml): "allows all pods in the public namespace in which the policy is created to communicate with kube-dns on port 53/UDP in the kube-system namespace"', () => {
    const a = analyze(ns('public'), ns('kube-system'), pod('app', { app: 'web' }, { ns: 'public' }), pod('coredns', { 'k8s-app': 'kube-dns' }, { ns: 'kube-system' }), "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: allow-to-kubedns, namespace: public}\nspec:\n  endpointSelector: {}\n  egress:\n  - toEndpoints: [{matchLabels: {'k8s:io.kubernetes.pod.namespace': kube-system, k8s-app: kube-dns}}]\n    toPorts: [{ports: [{port: '53', protocol: UDP}]}]\n");
    expect(a.can('public/app', 'kube-system/coredns', 'UDP', 53)).toBe(true);
    expect(a.can('public/app', 'kube-system/coredns', 'TCP', 53)).toBe(false);
  });

  it('Clusterwide Policies (clusterscope-policy.yaml): "allow ingress traffic from pods matching the label name=luke from any namespace to pods matching the labels name=leia in any namespace"', () => {
    const a = analyze(ns('ns1'), ns('ns2'), pod('leia', { name: 'leia' }, { ns: 'ns1' }), pod('luke', { name: 'luke' }, { ns: 'ns2' }), pod('han', { name: 'han' }, { ns: 'ns2' }), 'apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata: {name: interns-policy}\nspec:\n  endpointSelector: {matchLabels: {name: leia}}\n  ingress:\n  - fromEndpoints: [{matchLabels: {name: luke}}]\n');
    expect(a.can('ns2/luke', 'ns1/leia')).toBe(true);
    expect(a.can('ns2/han', 'ns1/leia')).toBe(false);
  });
});

describe('Deny Policies', () => {
  it('from_world_deny.yaml: "will deny ingress from "world" on all namespaces on all Pods managed by Cilium. Existing inter-cluster policies will still be allowed as this policy is allowing traffic from everywhere except from "world"."', () => {
    const a = analyze(ns('a'), ns('b'), pod('x', { app: 'x' }, { ns: 'a' }), pod('y', { app: 'y' }, { ns: 'b' }), 'apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata: {name: external-lockdown}\nspec:\n  endpointSelector: {}\n  ingressDeny:\n  - fromEntities: [world]\n  ingress:\n  - fromEntities: [all]\n');
    expect(a.can('203.0.113.7', 'a/x')).toBe(false);
    expect(a.can('b/y', 'a/x')).toBe(true);
    expect(a.can('a/x', 'b/y', 'UDP', 53)).toBe(true);
  });
});
