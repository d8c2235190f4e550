import { describe, expect, it } from 'vitest';
import { analyze, dedent, ns } from '../helpers/analyze.js';

/**
 * Address families (docs/calico.md, "Address families"). `ipVersion` "restricts the rule to only
 * match a specific IP version" (Rule, api/pkg/apis/projectcalico/v3/policy_common.go); Felix
 * renders a rule for one family when its ipVersion says so, or when its nets or notNets have no
 * CIDR of the other family (felix/rules/policy.go FilterRuleToIPVersion, filterNets), at
 * projectcalico/calico 87c15906f2. A connection's family is one both ends have: an address its
 * own, a pod those of its known IPs (status.podIPs).
 */
const indent = (s: string) => dedent(s).split('\n').map((l) => `  ${l}`).join('\n');
const gnp = (name: string, spec: string) => `apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata:\n  name: ${name}\nspec:\n${indent(spec)}\n`;
const podAt = (name: string, labels: Record<string, string>, ips: string[]) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: shop, labels: ${JSON.stringify(labels)}}\nspec: {containers: [{name: c, image: i}]}\n${ips.length ? `status: {podIP: '${ips[0]}', podIPs: [${ips.map((ip) => `{ip: '${ip}'}`).join(', ')}]}\n` : ''}`;

const v4 = [ns('shop'), podAt('client', { app: 'client' }, ['10.2.0.9']), podAt('db', { app: 'db' }, ['10.2.0.10'])];
const only = (version: number) => gnp('only', `
  selector: app == 'client'
  egress:
  - action: Allow
    ipVersion: ${version}
`);

describe('Calico ipVersion and the family of a rule', () => {
  it('between pods of known IPv4 addresses, an ipVersion 6 rule matches nothing and an ipVersion 4 rule everything; decided, not undetermined', () => {
    const six = analyze(...v4, only(6));
    expect(six.can('shop/client', 'shop/db', 'TCP', 80)).toBe(false);
    expect(six.snapshot.unmodelled ?? []).toEqual([]);
    const four = analyze(...v4, only(4));
    expect(four.can('shop/client', 'shop/db', 'TCP', 80)).toBe(true);
    expect(four.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('towards outside addresses, the family is the address\'s', () => {
    const a = analyze(...v4, podAt('dual', { app: 'client' }, ['10.2.0.11', 'fd00::11']), only(6));
    expect(a.can('shop/dual', '2001:db8::1', 'TCP', 443)).toBe(true);
    expect(a.can('shop/dual', '203.0.113.1', 'TCP', 443)).toBe(false);
    expect(a.can('shop/client', '2001:db8::1', 'TCP', 443)).toBe(false); // an IPv4-only pod opens no IPv6 connection
  });

  it('a pod with IPs of both families meets an IPv4-only pod over IPv4', () => {
    const a = analyze(...v4, podAt('dual', { app: 'client' }, ['10.2.0.11', 'fd00::11']), only(4));
    expect(a.can('shop/dual', 'shop/db', 'TCP', 80)).toBe(true);
    const six = analyze(...v4, podAt('dual', { app: 'client' }, ['10.2.0.11', 'fd00::11']), only(6));
    expect(six.can('shop/dual', 'shop/db', 'TCP', 80)).toBe(false);
  });

  it('nets or notNets of one family make the rule that family\'s (FilterRuleToIPVersion): a notNets of IPv4 matches no IPv6 peer', () => {
    const a = analyze(...v4, podAt('six', { app: 'six' }, ['fd00::6']), gnp('not-internal', `
      selector: has(app)
      egress:
      - action: Allow
        destination: {notNets: [192.168.0.0/16]}
    `));
    expect(a.can('shop/client', '203.0.113.1', 'TCP', 80)).toBe(true);
    expect(a.can('shop/six', '2001:db8::1', 'TCP', 80)).toBe(false);
    expect(a.can('shop/client', 'shop/db', 'TCP', 80)).toBe(true);
    expect(a.snapshot.unmodelled ?? []).toEqual([]);
  });

  it('a nets rule of IPv6 does not match a connection from an IPv4-only pod to a pod with both families', () => {
    const a = analyze(...v4, podAt('dual', { app: 'dual' }, ['10.9.0.1', 'fd00::1']), gnp('v6-to-dual', `
      selector: app == 'client'
      egress:
      - action: Allow
        destination: {nets: ['fd00::/64']}
    `));
    expect(a.can('shop/client', 'shop/dual', 'TCP', 80)).toBe(false);
  });

  it('pods whose family is not known (no IP in the snapshot, or both families on each side): the rule is reported and answers are undetermined', () => {
    const a = analyze(ns('shop'), podAt('client', { app: 'client' }, []), podAt('db', { app: 'db' }, []), only(6));
    expect(a.diagnostics.filter((d) => d.code === 'calico-unmodelled').map((d) => d.message)).toEqual([
      'ipVersion (the address family of connections between pods such as shop/client and shop/db is not known: they have no known IP or IPs of both families) is not modelled: answers for the endpoints this policy selects are undetermined (kubectl get pods -o yaml gives the pods\' IPs)',
    ]);
    expect(a.snapshot.unmodelled?.map((u) => `${u.kind} ${u.name}`)).toEqual(['GlobalNetworkPolicy only']);
    // One pod of known family decides every pair it is in.
    const b = analyze(...v4, podAt('template', { app: 'client' }, []), only(6));
    expect(b.snapshot.unmodelled ?? []).toEqual([]);
    expect(b.can('shop/template', 'shop/db', 'TCP', 80)).toBe(false);
  });

  it('protocol ICMP with ipVersion 6 (or ICMPv6 with 4) is refused (Rule XValidation)', () => {
    const a = analyze(...v4, gnp('icmp', `
      selector: all()
      ingress:
      - action: Allow
        protocol: ICMP
        ipVersion: 6
    `));
    expect(a.diagnostics.some((d) => d.severity === 'error' && d.message === 'protocol ICMP requires ipVersion 4')).toBe(true);
  });
});

describe('Calico notICMP', () => {
  it('on an ICMP rule it changes no TCP, UDP or SCTP answer: an info note, not undetermined', () => {
    const a = analyze(...v4, gnp('ping', `
      selector: app == 'db'
      ingress:
      - action: Allow
        protocol: ICMP
        notICMP: {type: 8}
    `));
    expect(a.snapshot.unmodelled ?? []).toEqual([]);
    expect(a.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['info calico-unmodelled']);
    expect(a.can('shop/client', 'shop/db', 'TCP', 80)).toBe(false);
  });

  it('on a rule that also matches TCP it stays undetermined: Calico\'s nftables dataplane reads `icmp type != 8` as ICMP only (felix/nftables/match_builder.go NotICMPType)', () => {
    const a = analyze(...v4, gnp('not-ping', `
      selector: app == 'db'
      ingress:
      - action: Allow
        notICMP: {type: 8}
    `));
    expect(a.snapshot.unmodelled?.map((u) => u.name)).toEqual(['not-ping']);
  });
});
