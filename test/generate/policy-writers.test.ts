import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { PolicyPlan } from '../../src/generate/policy-plan.js';
import type { PortItem } from '../../src/generate/port-items.js';
import type { RuleItem } from '../../src/generate/side-rules.js';
import { calicoSelectorText, writeCalicoPolicy } from '../../src/generate/write-calico.js';
import { writeCiliumPolicy } from '../../src/generate/write-cilium.js';
import { loadTexts } from '../../src/load/load-snapshot.js';
import { yamlLib } from '../../src/load/yaml-lib.js';
import { parseCalicoSelector } from '../../src/select/calico-selector.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const web = { matchLabels: { app: 'web' }, matchExpressions: [] };
const plan = (direction: 'ingress' | 'egress', rules: RuleItem[]): PolicyPlan => ({ namespace: 'shop', name: `web-${direction}`, selector: web, direction, rules });
const spec = (m: Record<string, unknown>) => m.spec as Record<string, unknown>;
/** Read back by netpol-check's loader: no error, no warning. */
function readsBack(m: Record<string, unknown>): void {
  const read = loadTexts([{ file: 'x.yaml', text: yamlLib().stringify(m, { version: '1.1' }) }]);
  expect(read.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
}

const peers: RuleItem['peers'] = [
  { kind: 'pods', namespace: 'shop', own: true, selector: { matchLabels: { app: 'api' }, matchExpressions: [{ key: 'canary', operator: 'DoesNotExist', values: [] }] } },
  { kind: 'pods', namespace: 'shop', own: true, selector: { matchLabels: { app: 'db' }, matchExpressions: [] } },
  { kind: 'pods', namespace: 'kube-system', own: false, selector: { matchLabels: { 'k8s-app': 'kube-dns' }, matchExpressions: [] } },
  { kind: 'pods', namespace: 'ops', own: false },
  { kind: 'ipBlock', ipBlock: { cidr: '10.0.0.0/8', except: [] } },
  { kind: 'ipBlock', ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } },
  { kind: 'ipBlock', ipBlock: { cidr: '2001:db8::/32', except: [] } },
];
const ports: PortItem[] = [
  { protocol: 'TCP', port: 'http' },
  { protocol: 'TCP', port: 8000, endPort: 8080 },
  { protocol: 'UDP', port: 53 },
  { protocol: 'SCTP' },
];

describe('CiliumNetworkPolicy writer (Cilium docs: Layer 3, Layer 4, Kubernetes namespaces)', () => {
  it('pods by their labels (the namespace as k8s:io.kubernetes.pod.namespace), addresses as CIDRSet in a rule of their own, ports as strings', () => {
    const m = writeCiliumPolicy(plan('ingress', [{ peers, ports }]));
    expect(m).toMatchObject({ apiVersion: 'cilium.io/v2', kind: 'CiliumNetworkPolicy', metadata: { name: 'web-ingress', namespace: 'shop' } });
    const toPorts = [{ ports: [{ port: 'http', protocol: 'TCP' }, { port: '8000', endPort: 8080, protocol: 'TCP' }, { port: '53', protocol: 'UDP' }, { port: '0', protocol: 'SCTP' }] }];
    expect(spec(m)).toEqual({
      endpointSelector: { matchLabels: { app: 'web' } },
      ingress: [
        {
          fromEndpoints: [
            { matchLabels: { app: 'api' }, matchExpressions: [{ key: 'canary', operator: 'DoesNotExist' }] },
            { matchLabels: { app: 'db' } },
            { matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'kube-system', 'k8s-app': 'kube-dns' } },
            { matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'ops' } },
          ],
          toPorts,
        },
        { fromCIDRSet: [{ cidr: '10.0.0.0/8' }, { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] }, { cidr: '2001:db8::/32' }], toPorts },
      ],
    });
    readsBack(m);
  });

  it('every namespace as an Exists on the namespace label; no peer and no port as the all entity; ports alone as an L4-only rule', () => {
    const m = writeCiliumPolicy(plan('egress', [{ peers: [{ kind: 'every-namespace' }] }, {}, { ports: [{ protocol: 'TCP', port: 443 }] }]));
    expect(spec(m).egress).toEqual([{ toEndpoints: [{ matchExpressions: [{ key: 'k8s:io.kubernetes.pod.namespace', operator: 'Exists' }] }] }, { toEntities: ['all'] }, { toPorts: [{ ports: [{ port: '443', protocol: 'TCP' }] }] }]);
    readsBack(m);
  });

  it('at most 40 ports per toPorts item (maxPorts, rule_validation.go)', () => {
    const many: PortItem[] = Array.from({ length: 45 }, (_, i) => ({ protocol: 'TCP', port: 1000 + 2 * i }));
    const m = writeCiliumPolicy(plan('ingress', [{ ports: many }]));
    const items = (spec(m).ingress as { toPorts: { ports: unknown[] }[] }[])[0]!.toPorts;
    expect(items.map((i) => i.ports.length)).toEqual([40, 5]);
    readsBack(m);
  });

  it('a default deny: every endpoint, an empty rule each way (Cilium examples/policies/l3/egress-default-deny)', () => {
    const m = writeCiliumPolicy({ namespace: 'shop', name: 'default-deny', selector: { matchLabels: {}, matchExpressions: [] }, rules: [] });
    expect(spec(m)).toEqual({ endpointSelector: {}, ingress: [{}], egress: [{}] });
    readsBack(m);
  });
});

describe('Calico NetworkPolicy writer (Calico NetworkPolicy reference: selectors, rules, entity rules)', () => {
  it('label selectors in Calico\'s language, each parsed by Calico\'s grammar', () => {
    const cases: [Parameters<typeof calicoSelectorText>[0], string][] = [
      [{ matchLabels: {}, matchExpressions: [] }, 'all()'],
      [web, "app == 'web'"],
      [{ matchLabels: { app: 'api', tier: 'be' }, matchExpressions: [{ key: 'canary', operator: 'DoesNotExist', values: [] }, { key: 'team', operator: 'Exists', values: [] }] }, "app == 'api' && tier == 'be' && !has(canary) && has(team)"],
      [{ matchLabels: {}, matchExpressions: [{ key: 'env', operator: 'In', values: ['a', 'b'] }, { key: 'zone', operator: 'NotIn', values: ['x'] }] }, "env in {'a', 'b'} && zone not in {'x'}"],
    ];
    for (const [s, text] of cases) {
      expect(calicoSelectorText(s)).toBe(text);
      expect(parseCalicoSelector(text).ok).toBe(true);
    }
  });

  it('manifest text never becomes selector syntax: a key outside Calico\'s label grammar, or a value with both quotes (labels the loader refuses), selects nothing', () => {
    const hostile = [
      { matchLabels: { "app') || all() || has(x": 'y' }, matchExpressions: [] },
      { matchLabels: { app: `a' || all() || "b` }, matchExpressions: [] },
      { matchLabels: {}, matchExpressions: [{ key: 'k) || all() || has(j', operator: 'Exists' as const, values: [] }] },
    ];
    for (const s of hostile) expect(calicoSelectorText(s)).toBe('!all()');
    expect(calicoSelectorText({ matchLabels: { app: "it's" }, matchExpressions: [] })).toBe(`app == "it's"`);
  });

  it('one rule per protocol and peer group: selectors of a namespace ORed, other namespaces by projectcalico.org/name, nets by family, an except as notNets', () => {
    const m = writeCalicoPolicy(plan('ingress', [{ peers, ports }]));
    expect(m).toMatchObject({ apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', spec: { order: 1000, selector: "app == 'web'", types: ['Ingress'] } });
    const rules = spec(m).ingress as { protocol?: string; source?: Record<string, unknown>; destination?: Record<string, unknown> }[];
    const sources = [
      { selector: "(app == 'api' && !has(canary)) || app == 'db'" },
      { namespaceSelector: "projectcalico.org/name == 'kube-system'", selector: "k8s-app == 'kube-dns'" },
      { namespaceSelector: "projectcalico.org/name == 'ops'" },
      { nets: ['10.0.0.0/8'] },
      { nets: ['0.0.0.0/0'], notNets: ['10.0.0.0/8'] },
      { nets: ['2001:db8::/32'] },
    ];
    expect(rules).toEqual(
      sources.flatMap((source) => [
        { action: 'Allow', protocol: 'TCP', source, destination: { ports: ['http', '8000:8080'] } },
        { action: 'Allow', protocol: 'UDP', source, destination: { ports: [53] } },
        { action: 'Allow', protocol: 'SCTP', source },
      ]),
    );
    readsBack(m);
  });

  it('egress: the peer and the ports in the destination; every namespace as namespaceSelector all(); no peer and no port: a bare Allow', () => {
    const m = writeCalicoPolicy(plan('egress', [{ peers: [{ kind: 'every-namespace' }], ports: [{ protocol: 'TCP', port: 443 }] }, {}]));
    expect(spec(m).egress).toEqual([{ action: 'Allow', protocol: 'TCP', destination: { namespaceSelector: 'all()', ports: [443] } }, { action: 'Allow' }]);
    readsBack(m);
  });

  it('a default deny: all() for both directions, no rule (the default tier drops what it does not allow)', () => {
    const m = writeCalicoPolicy({ namespace: 'shop', name: 'default-deny', selector: { matchLabels: {}, matchExpressions: [] }, rules: [] });
    expect(spec(m)).toEqual({ order: 1000, selector: 'all()', types: ['Ingress', 'Egress'] });
    readsBack(m);
  });
});

describe('netpol-check generate --policy-kind', () => {
  it('writes CiliumNetworkPolicies, proven as Cilium reads them', async () => {
    const r = await runCli(['generate', '-f', 'examples/three-tier', '--freeze', '--policy-kind', 'cilium']);
    expect(r.code).toBe(0);
    const docs = r.out.split(/^---$/m).map((d) => parseYaml(d) as { kind: string });
    expect(new Set(docs.map((d) => d.kind))).toEqual(new Set(['CiliumNetworkPolicy']));
    expect(r.err).toContain('13 CiliumNetworkPolicies in 3 namespaces (ingress-nginx, kube-system, shop), proven by the engine (as cilium)');
    expect(r.err).toContain('required: 19 flows, all allowed; extra: 0');
  });

  it('writes Calico NetworkPolicies as JSON too', async () => {
    const r = await runCli(['generate', '-f', 'examples/three-tier', '--from', 'examples/three-tier/flows.csv', '--policy-kind', 'calico', '-o', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { items: { apiVersion: string; kind: string }[] };
    expect(new Set(list.items.map((i) => `${i.apiVersion} ${i.kind}`))).toEqual(new Set(['projectcalico.org/v3 NetworkPolicy']));
    expect(r.err).toContain('proven by the engine (as calico)');
  });

  it.each([
    [['--policy-kind', 'cilium', '--cni', 'calico'], '--policy-kind cilium writes cilium\'s policies'],
    [['--policy-kind', 'calico', '-f', 'examples/cilium'], 'the snapshot has Cilium policies'],
    [['--policy-kind', 'cilium', '-f', 'examples/calico'], 'the snapshot has Calico policies'],
    [['--policy-kind', 'antrea'], '--policy-kind must be one of networkpolicy, cilium, calico'],
  ])('refuses %j (exit 2)', async (args, message) => {
    const r = await runCli(['generate', '--freeze', ...(args.includes('-f') ? [] : ['-f', 'examples/three-tier']), ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it('--cni naming the same plugin is accepted', async () => {
    expect((await runCli(['generate', '-f', 'examples/cilium', '--freeze', '--policy-kind', 'cilium', '--cni', 'cilium'])).code).toBe(0);
  });
});

describe('docs/generate.md, "Cilium and Calico policies as output": the manifests shown are the real output', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'generate.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Cilium and Calico policies as output'), doc.indexOf('## Admin, baseline, Cilium and Calico policies'));
  const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  it.each(['cilium', 'calico'] as const)('%s', async (kind) => {
    const r = await runCli(['generate', '-f', 'examples/three-tier', '--from', 'examples/three-tier/hubble-flows.jsonl', '--policy-kind', kind]);
    expect(r.code).toBe(0);
    const mine = blocks.filter((b) => b.includes(kind === 'cilium' ? 'cilium.io/v2' : 'projectcalico.org/v3'));
    expect(mine.length).toBe(2);
    for (const b of mine) expect(r.out).toContain(b);
    if (kind === 'cilium') expect(section).toContain(r.err.split('\n').slice(0, 3).join('\n'));
    expect(r.err).toContain('required: 9 flows, all allowed; extra: 0');
  });
});
