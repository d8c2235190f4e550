import { describe, expect, it } from 'vitest';
import { formatGroupedTxt } from '../../src/format/grouped/txt.js';
import { formatNamespaceTxt } from '../../src/format/namespace-matrix/txt.js';
import { groupedMatrix } from '../../src/summary/grouped.js';
import { namespaceMatrix } from '../../src/summary/namespace-matrix.js';
import { analyze } from '../helpers/analyze.js';

const pod = (ns: string, name: string, labels: Record<string, string>, owner?: string): string =>
  `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: ${ns}
  labels: ${JSON.stringify(labels)}
${owner ? `  ownerReferences: [{apiVersion: apps/v1, kind: StatefulSet, name: ${owner}, controller: true, uid: u-${owner}}]\n` : ''}`;

const denyAll = (ns: string): string => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: ${ns}}
spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
`;

const grouped = (...docs: string[]): string => formatGroupedTxt(groupedMatrix(analyze(...docs).matrix));
const byNamespace = (...docs: string[]): string => formatNamespaceTxt(namespaceMatrix(analyze(...docs).matrix));

describe('matrix --grouped on hand-made clusters', () => {
  it('no policy: every workload to every other and to the outside, in two lines', () => {
    expect(grouped(pod('a', 'web', { app: 'web' }), pod('a', 'api', { app: 'api' }), pod('b', 'db', { app: 'db' }))).toBe(
      ['* => * + 0.0.0.0/0 : All Connections', '0.0.0.0/0 => * : All Connections', ''].join('\n'),
    );
  });

  it('a policy denying everything in a namespace: the others stay open, named by namespace', () => {
    expect(grouped(pod('a', 'web', { app: 'web' }), pod('b', 'api', { app: 'api' }), pod('c', 'db', { app: 'db' }), pod('c', 'cache', { app: 'cache' }), denyAll('a'))).toBe(
      ['0.0.0.0/0 => b/* + c/* : All Connections', 'b/* + c/* => b/* + c/* + 0.0.0.0/0 : All Connections', ''].join('\n'),
    );
  });

  it("a peer's selector in every namespace names the sources; a label is used across namespaces when it takes whole workloads", () => {
    const policy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: a}
spec:
  podSelector: {matchLabels: {app: db}}
  policyTypes: [Ingress]
  ingress: [{from: [{podSelector: {matchLabels: {tier: web}}, namespaceSelector: {}}], ports: [{port: 5432}]}]
`;
    const out = grouped(pod('a', 'db', { app: 'db' }), pod('a', 'web1', { tier: 'web' }), pod('b', 'web2', { tier: 'web' }), pod('b', 'api', { tier: 'api' }), policy);
    expect(out).toBe(['* => b/* + tier=web + 0.0.0.0/0 : All Connections', '0.0.0.0/0 => b/* + tier=web : All Connections', 'tier=web => app=db : TCP 5432', ''].join('\n'));
  });

  it('a workload whose pods differ in labels is named, not split', () => {
    // The two pods of StatefulSet s differ in labels: role=primary would take one pod of s, so it is not used.
    const denyWeb = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: a}
spec: {podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress, Egress]}
`;
    const out = grouped(pod('a', 's-0', { role: 'primary' }, 's'), pod('a', 's-1', { role: 'replica' }, 's'), pod('a', 'web', { app: 'web', role: 'primary' }), denyWeb);
    expect(out).toBe(['0.0.0.0/0 => a/statefulset/s : All Connections', 'a/statefulset/s => 0.0.0.0/0 : All Connections', ''].join('\n'));
  });
});

describe('matrix --level namespace on hand-made clusters', () => {
  it('counts pod pairs: a namespace to itself leaves out a pod and itself', () => {
    expect(byNamespace(pod('a', 'web1', {}), pod('a', 'web2', {}), pod('b', 'db', {}), denyAll('b'))).toBe(
      [
        '0.0.0.0-255.255.255.255[External] => a : All Connections : all (2)',
        'a => 0.0.0.0-255.255.255.255[External] : All Connections : all (2)',
        'a => a : All Connections : all (2)',
        '',
      ].join('\n'),
    );
  });

  it('some (allowed/all) when only part of the pairs are allowed', () => {
    const allowWeb = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: b}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress: [{from: [{namespaceSelector: {}}], ports: [{port: 80}]}]
`;
    const denyIngress = denyAll('b').replace('Ingress, Egress', 'Ingress');
    expect(byNamespace(pod('a', 'web1', {}), pod('a', 'web2', {}), pod('b', 'web', { app: 'web' }), pod('b', 'db', { app: 'db' }), denyIngress, allowWeb)).toContain('a => b : TCP 80 : some (2/4)');
  });
});
