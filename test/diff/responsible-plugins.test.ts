import { describe, expect, it } from 'vitest';
import { diff } from '../../src/api/diff.js';
import { loadTexts } from '../../src/load/load-snapshot.js';
import type { Snapshot } from '../../src/model/snapshot.js';

/**
 * `diff` names the rules behind each change (src/diff/responsible.ts) for every policy language
 * it evaluates: a change made by a Calico or Cilium policy is explained by that policy's rule,
 * not left without a reason or put on NetworkPolicy rules that did not decide it.
 */
const PODS = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c, image: x}]}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: shop, labels: {app: db}}
spec: {containers: [{name: c, image: x, ports: [{containerPort: 5432}]}]}
`;

const load = (...docs: string[]): Snapshot => {
  const r = loadTexts([{ file: 'pods.yaml', text: PODS }, ...docs.map((text, i) => ({ file: `policy-${i}.yaml`, text }))]);
  expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  return r.snapshot;
};

const webToDb = (base: Snapshot, head: Snapshot) => diff(base, head).changes.find((c) => c.change.src.startsWith('shop/web') && c.change.dst.startsWith('shop/db'))!;

// Calico docs, "Get started with Calico network policy" / "Global network policy": a
// GlobalNetworkPolicy with no rules and types [Ingress] denies ingress to what it selects.
const CALICO_DEFAULT_DENY = `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: default-deny}
spec:
  order: 2000
  selector: all()
  types: [Ingress]
`;
const CALICO_ALLOW_WEB = `apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: allow-web, namespace: shop}
spec:
  order: 100
  selector: app == 'db'
  ingress:
    - action: Allow
      protocol: TCP
      source: {selector: app == 'web'}
      destination: {ports: [5432]}
`;
const CALICO_DENY_WEB = `apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: deny-web, namespace: shop}
spec:
  order: 50
  selector: app == 'db'
  ingress:
    - action: Deny
      source: {selector: app == 'web'}
`;

describe('diff names Calico rules', () => {
  it('an added Allow rule is what opened the port', () => {
    const c = webToDb(load(CALICO_DEFAULT_DENY), load(CALICO_DEFAULT_DENY, CALICO_ALLOW_WEB));
    expect(c.change.added.toString()).toBe('TCP 5432');
    expect(c.reasons.addedBy).toEqual(["Calico NetworkPolicy shop/allow-web (order 100) ingress rule 0: Allow (policy-1.yaml:8:7)"]);
  });

  it('a removed Allow leaves the end of the tier to deny, and says so', () => {
    const c = webToDb(load(CALICO_DEFAULT_DENY, CALICO_ALLOW_WEB), load(CALICO_DEFAULT_DENY));
    expect(c.change.removed.toString()).toBe('TCP 5432');
    expect(c.reasons.removedFrom).toEqual(["Calico NetworkPolicy shop/allow-web (order 100) ingress rule 0: Allow (policy-1.yaml:8:7)"]);
    expect(c.reasons.deniedBy).toEqual(['the end of Calico tier default (default action Deny; no rule of the policies that select it decides)']);
  });

  it('an earlier Deny is what closed it', () => {
    const c = webToDb(load(CALICO_DEFAULT_DENY, CALICO_ALLOW_WEB), load(CALICO_DEFAULT_DENY, CALICO_ALLOW_WEB, CALICO_DENY_WEB));
    expect(c.change.removed.toString()).toBe('TCP 5432');
    expect(c.reasons.deniedBy).toEqual(["Calico NetworkPolicy shop/deny-web (order 50) ingress rule 0: Deny (policy-2.yaml:8:7)"]);
  });

  it('a side no policy selects any more names no rule, as with NetworkPolicy (the namespace profile allows it)', () => {
    const c = webToDb(load(CALICO_DEFAULT_DENY), load());
    expect(c.change.added.toString()).toBe('All Connections');
    expect(c.reasons.addedBy).toEqual([]);
  });
});

const CILIUM_DB_ISOLATED = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: db-from-web, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: db}}
  ingress:
    - fromEndpoints: [{matchLabels: {app: other}}]
`;
const CILIUM_DB_FROM_WEB = `${CILIUM_DB_ISOLATED}    - fromEndpoints: [{matchLabels: {app: web}}]
      toPorts: [{ports: [{port: "5432", protocol: TCP}]}]
`;
const CILIUM_DENY_WEB = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: deny-web, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: db}}
  ingressDeny:
    - fromEndpoints: [{matchLabels: {app: web}}]
`;

describe('diff names Cilium rules', () => {
  it('an allow rule is what opened the port', () => {
    const c = webToDb(load(CILIUM_DB_ISOLATED), load(CILIUM_DB_FROM_WEB));
    expect(c.change.added.toString()).toBe('TCP 5432');
    expect(c.reasons.addedBy).toEqual(['ingress rule 1 of CiliumNetworkPolicy shop/db-from-web (policy-0.yaml:4:1)']);
  });

  it('a deny rule is what closed it (Cilium: deny rules take precedence)', () => {
    const c = webToDb(load(CILIUM_DB_FROM_WEB), load(CILIUM_DB_FROM_WEB, CILIUM_DENY_WEB));
    expect(c.change.removed.toString()).toBe('TCP 5432');
    expect(c.reasons.removedFrom).toEqual(['ingress rule 1 of CiliumNetworkPolicy shop/db-from-web (policy-0.yaml:4:1)']);
    expect(c.reasons.deniedBy).toEqual(['ingressDeny rule 0 of CiliumNetworkPolicy shop/deny-web (policy-1.yaml:4:1)']);
  });
});
