import { describe, expect, it } from 'vitest';
import { computeMatrix } from '../../src/engine/matrix.js';
import { ReferenceEvaluator } from '../../src/engine/reference.js';
import { Explainer } from '../../src/explain/explain.js';
import { assumptionsOf, PLUGINS } from '../../src/model/cni.js';
import { analyze, dedent, ns } from '../helpers/analyze.js';

/**
 * Calico matches every endpoint by its address (docs/calico.md, "Addresses"): the NetworkPolicy
 * reference, EntityRule: `nets` "Match packets with IP in any of the listed CIDRs", `notNets`
 * "Negative match on CIDRs"; Felix renders nets as address matches and selectors as IP sets that
 * hold the matching endpoints' addresses and the matching network sets' CIDRs
 * (felix/rules/policy.go, felix/calc/rule_scanner.go). So a pod whose known IP (status.podIP,
 * status.podIPs) is in `nets` is matched, `notNets` excludes it, and a network set holding it
 * makes a selector on the set's labels match it, whatever `--cni` says: Calico's policies are
 * enforced by Calico. A pod without a known IP is in no net, as an ipBlock treats it
 * (docs/cni-profiles.md).
 */
const indent = (s: string) => dedent(s).split('\n').map((l) => `  ${l}`).join('\n');
const gnp = (name: string, spec: string) => `apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata:\n  name: ${name}\nspec:\n${indent(spec)}\n`;
const podAt = (name: string, labels: Record<string, string>, ips: string[]) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: shop, labels: ${JSON.stringify(labels)}}\nspec: {containers: [{name: c, image: i}]}\n${ips.length ? `status: {podIP: ${ips[0]}, podIPs: [${ips.map((ip) => `{ip: '${ip}'}`).join(', ')}]}\n` : ''}`;

const cluster = [
  ns('shop'),
  podAt('client', { app: 'client' }, ['10.2.0.9']),
  podAt('legacy', { app: 'legacy' }, ['10.1.2.5']),
  podAt('dual', { app: 'dual' }, ['10.9.0.1', 'fd00::1']),
  podAt('template', { app: 'template' }, []),
];

/** The cluster with a Deny from the client to 10.1.0.0/16 (the legacy pod's IP is in it), then an Allow. */
const noLegacyNet = () =>
  analyze(...cluster, gnp('no-legacy-net', `
      selector: app == 'client'
      egress:
      - action: Deny
        destination: {nets: [10.1.0.0/16]}
      - action: Allow
    `));
const podOf = (a: ReturnType<typeof analyze>, id: string) => a.snapshot.pods.find((p) => p.id === id)!;

describe('Calico nets, notNets and network sets hold pods by their IPs', () => {
  it('"Match packets with IP in any of the listed CIDRs": a Deny on nets takes the pod whose IP is inside, not the others', () => {
    const a = noLegacyNet();
    expect(a.can('shop/client', 'shop/legacy', 'TCP', 80)).toBe(false); // 10.1.2.5 in 10.1.0.0/16
    expect(a.can('shop/client', 'shop/dual', 'TCP', 80)).toBe(true);
    expect(a.can('shop/client', 'shop/template', 'TCP', 80)).toBe(true); // no known IP: in no net
    expect(a.can('shop/client', '10.1.200.1', 'TCP', 80)).toBe(false);
  });

  it('"Negative match on CIDRs": notNets excludes a pod whose IP is inside; a pod with IPs of both families is matched by any of them', () => {
    const a = analyze(...cluster, gnp('all-but-legacy', `
      selector: app == 'client'
      egress:
      - action: Allow
        destination: {notNets: [10.1.0.0/16]}
    `), gnp('to-dual', `
      selector: app == 'legacy'
      egress:
      - action: Allow
        destination: {nets: [10.9.0.0/16]}
    `));
    expect(a.can('shop/client', 'shop/legacy', 'TCP', 80)).toBe(false);
    expect(a.can('shop/client', 'shop/dual', 'TCP', 80)).toBe(true);
    expect(a.can('shop/client', 'shop/template', 'TCP', 80)).toBe(true); // not known to be in notNets
    expect(a.can('shop/legacy', 'shop/dual', 'TCP', 80)).toBe(true); // 10.9.0.1 (of 10.9.0.1 and fd00::1) in 10.9.0.0/16
    expect(a.can('shop/legacy', 'shop/client', 'TCP', 80)).toBe(false);
  });

  it('a source nets holds a pod as it holds an outside address (ingress)', () => {
    const a = analyze(...cluster, gnp('from-net', `
      selector: app == 'legacy'
      ingress:
      - action: Allow
        source: {nets: [10.2.0.0/16]}
    `));
    expect(a.can('shop/client', 'shop/legacy', 'TCP', 443)).toBe(true); // 10.2.0.9
    expect(a.can('shop/template', 'shop/legacy', 'TCP', 443)).toBe(false);
    expect(a.can('shop/dual', 'shop/legacy', 'TCP', 443)).toBe(false);
  });

  it('a network set holding a pod\'s IP makes a selector on the set\'s labels match the pod (Felix puts the set\'s CIDRs in the selector\'s IP set)', () => {
    const a = analyze(...cluster, 'apiVersion: projectcalico.org/v3\nkind: GlobalNetworkSet\nmetadata: {name: old-range, labels: {zone: old}}\nspec: {nets: [10.1.2.0/24]}\n', gnp('no-old-zone', `
      selector: app == 'client'
      egress:
      - action: Deny
        destination: {selector: zone == 'old'}
      - action: Allow
    `));
    expect(a.can('shop/client', 'shop/legacy', 'TCP', 80)).toBe(false);
    expect(a.can('shop/client', 'shop/dual', 'TCP', 80)).toBe(true);
  });

  it('the explanation names the pod\'s IP the nets matched', () => {
    const a = noLegacyNet();
    const client = podOf(a, 'shop/client');
    const legacy = podOf(a, 'shop/legacy');
    const e = new Explainer(a.snapshot).explain({ kind: 'pod', pod: client }, { kind: 'pod', pod: legacy });
    expect(e.egress.calico!.tiers[0]!.steps[0]).toMatchObject({ kind: 'rule', podNets: { destination: '10.1.2.5' } });
    expect(e.connections.isEmpty()).toBe(true);
  });

  it('whatever --cni says: the same answers under every plugin profile', () => {
    const a = noLegacyNet();
    const client = podOf(a, 'shop/client');
    const legacy = podOf(a, 'shop/legacy');
    for (const plugin of PLUGINS) {
      const snapshot = { ...a.snapshot, assumptions: assumptionsOf(plugin) };
      const t = { src: { kind: 'pod' as const, pod: client }, dst: { kind: 'pod' as const, pod: legacy }, protocol: 'TCP' as const, port: 80 };
      expect([plugin, computeMatrix(snapshot).isAllowed(t), new ReferenceEvaluator(snapshot).allowed(t)]).toEqual([plugin, false, false]);
    }
  });
});
