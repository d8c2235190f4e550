import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/**
 * Issue 17, item 2: behaviours that differ between network plugins are named assumptions
 * (--cni, docs/cni-profiles.md). Here an ipBlock holds the client pod's IP: Calico, Antrea and
 * OVN-Kubernetes match the pod by it (the upstream e2e tests expect it), Cilium does not.
 */
const cluster = `apiVersion: v1
kind: Pod
metadata: {name: client, namespace: x, labels: {app: client}}
status: {podIP: 10.0.1.5}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: "y", labels: {app: db}}
spec: {containers: [{name: c, image: pg, ports: [{containerPort: 5432}]}]}
status: {podIP: 10.0.3.4}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: "y"}
spec:
  podSelector: {matchLabels: {app: db}}
  policyTypes: [Ingress]
  ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8}}], ports: [{port: 5432}]}]
`;

const hostNetwork = `apiVersion: v1
kind: Pod
metadata: {name: agent, namespace: x, labels: {app: agent}}
spec: {hostNetwork: true, containers: [{name: c, image: a, ports: [{containerPort: 9100}]}]}
status: {podIP: 192.168.0.10}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: x, labels: {app: web}}
status: {podIP: 10.0.1.6}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all, namespace: x}
spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
`;

describe('can under --cni', () => {
  it('generic (default): depends on the network plugin, both outcomes, exit 3', async () => {
    for (const argv of [[], ['--cni', 'generic']]) {
      const r = await runCli(['can', 'x/client', 'reach', 'y/db:5432', '-f', '-', ...argv], cluster);
      expect(r.out.split('\n')[0]).toBe(
        "depends on the network plugin: yes with calico, antrea, ovn (ipBlock 10.0.0.0/8 matches x/client's IP 10.0.1.5); no with cilium (ipBlock 10.0.0.0/8 does not select x/client (IP 10.0.1.5)): x/client → y/db on TCP 5432",
      );
      expect(r.out).toContain('  ? calico, antrea, ovn: ipBlock selects pods by their IPs; cilium: ipBlock does not select pods — give --cni PROFILE to fix the plugin (docs/cni-profiles.md)');
      expect(r.out).toContain('  with calico, antrea, ovn: yes\n');
      expect(r.out).toContain('  with cilium: no\n');
      expect(r.code).toBe(3);
    }
  });

  it('calico: yes, under the named assumption, exit 0', async () => {
    const r = await runCli(['can', 'x/client', 'reach', 'y/db:5432', '-f', '-', '--cni', 'calico'], cluster);
    expect(r.out.split('\n')[0]).toBe('yes (assuming calico: ipBlock selects pods by their IPs): x/client can reach y/db on TCP 5432');
    expect(r.out).toContain("✓ allowed by y/db ingress rule 0 (<stdin>:18:13): peer 0: ipBlock 10.0.0.0/8 (holds the pod's IP 10.0.1.5; assumed: calico); opens TCP 5432");
    expect(r.code).toBe(0);
  });

  it('cilium: no, under the named assumption, exit 1', async () => {
    const r = await runCli(['can', 'x/client', 'reach', 'y/db:5432', '-f', '-', '--cni', 'cilium'], cluster);
    expect(r.out.split('\n')[0]).toBe('no (assuming cilium: ipBlock does not select pods): x/client cannot reach y/db on TCP 5432');
    expect(r.out).toContain("peer 0: ipBlock 10.0.0.0/8 holds the pod's IP 10.0.1.5, but ipBlock does not select pods (assumed: cilium)");
    expect(r.code).toBe(1);
  });

  it('JSON names the profile, the outcomes and the assumption', async () => {
    const generic = JSON.parse((await runCli(['can', 'x/client', 'reach', 'y/db:5432', '-f', '-', '--format', 'json'], cluster)).out);
    expect(generic).toMatchObject({ cni: 'generic', determined: false, allowed: false, pairs: { total: 1, undetermined: 1, pluginDependent: 1 } });
    expect(generic.results[0].plugin).toEqual({
      determined: false,
      outcomes: [
        { profiles: ['calico', 'antrea', 'ovn'], allowed: true, connections: 'TCP 5432', because: ["ipBlock 10.0.0.0/8 matches x/client's IP 10.0.1.5"] },
        { profiles: ['cilium'], allowed: false, connections: 'No Connections', because: ['ipBlock 10.0.0.0/8 does not select x/client (IP 10.0.1.5)'] },
      ],
    });
    const cilium = JSON.parse((await runCli(['can', 'x/client', 'reach', 'y/db:5432', '-f', '-', '--format', 'json', '--cni', 'cilium'], cluster)).out);
    expect(cilium).toMatchObject({ cni: 'cilium', determined: true, allowed: false, pairs: { undetermined: 0, pluginDependent: 1 } });
    expect(cilium.results[0].plugin).toMatchObject({ determined: true, assumed: 'assuming cilium: ipBlock does not select pods' });
  });

  it('a bad profile is a usage error', async () => {
    const r = await runCli(['can', 'x/client', 'reach', 'y/db', '-f', '-', '--cni', 'flannel'], cluster);
    expect(r.err).toContain('--cni must be one of generic, calico, cilium, antrea, ovn; got "flannel"');
    expect(r.code).toBe(2);
  });

  it('without a pod IP in an ipBlock, nothing depends on the plugin', async () => {
    const r = await runCli(['can', 'x/client', 'reach', 'y/db:5432', '-f', '-'], cluster.replace('10.0.1.5', '172.16.0.5'));
    expect(r.out.split('\n')[0]).toBe('no: x/client cannot reach y/db on TCP 5432');
    expect(r.code).toBe(1);
  });

  it('hostNetwork pods are node traffic under every profile: no policy isolates them, and the answer says why', async () => {
    const r = await runCli(['can', 'x/agent', 'reach', 'x/web', '-f', '-', '--cni', 'calico'], hostNetwork);
    expect(r.out).toContain('egress of x/agent: not isolated: x/agent is on the host network: hostNetwork pods are node traffic, which policies do not select (assumed: calico); everything allowed');
    const back = await runCli(['can', 'x/web', 'reach', 'x/agent:9100', '-f', '-'], hostNetwork);
    expect(back.out.split('\n')[0]).toBe('no: x/web cannot reach x/agent on TCP 9100');
    expect(back.code).toBe(1);
  });
});

describe('verify and matrix under --cni', () => {
  const expectations = 'expectations:\n- {name: client to db, from: x/client, to: y/db:5432, expect: allow}\n';
  const file = join(mkdtempSync(join(tmpdir(), 'netpol-cni-')), 'expect.yaml');
  writeFileSync(file, expectations);

  it('verify fails closed without a profile: undetermined, exit 3', async () => {
    const r = await runCli(['verify', file, '-f', '-'], cluster);
    expect(r.out).toContain('UNDETERMINED (depends on the network plugin: passes with calico, antrea, ovn; fails with cilium) client to db');
    expect(r.out).toContain('0 passed, 0 failed, 1 undetermined');
    expect(r.code).toBe(3);
  });

  it.each([
    ['calico', 'PASS', 0],
    ['cilium', 'FAIL', 1],
  ])('verify --cni %s: %s', async (cni, verdict, code) => {
    const r = await runCli(['verify', file, '-f', '-', '--cni', cni], cluster);
    expect(r.out.startsWith(`${verdict} client to db`)).toBe(true);
    expect(r.code).toBe(code);
  });

  it('matrix: the pairs plugins differ on are named at the top, and the profile fixes them', async () => {
    const generic = await runCli(['matrix', '-f', '-'], cluster);
    expect(generic.out).toContain('DEPENDS ON THE NETWORK PLUGIN: 1 pair differs between plugins (ipBlock over pod IPs)');
    expect(generic.out).toContain('  x/client[Pod] => y/db[Pod]: calico, antrea, ovn: TCP 5432; cilium: nothing\n');
    expect(generic.out).toContain('x/client[Pod] => y/db[Pod] : TCP 5432\n');
    const cilium = await runCli(['matrix', '-f', '-', '--cni', 'cilium'], cluster);
    expect(cilium.out).toContain('ASSUMED: cilium: ipBlock does not select pods — it decides 1 pair:');
    expect(cilium.out).not.toContain('x/client[Pod] => y/db[Pod] : TCP 5432');
    const json = JSON.parse((await runCli(['matrix', '-f', '-', '--format', 'json', '--cni', 'calico'], cluster)).out);
    expect(json.plugin.profile).toBe('calico');
  });
});

describe('verify isolated: hostNetwork pods', () => {
  it('a hostNetwork pod is not isolated by a policy that selects it, under every profile', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'netpol-cni-')), 'expect.yaml');
    writeFileSync(file, 'expectations:\n- {name: agent isolated, isolated: ingress, pods: x/agent}\n');
    for (const argv of [[], ['--cni', 'cilium']]) {
      const r = await runCli(['verify', file, '-f', '-', ...argv], hostNetwork);
      expect(r.out).toContain('FAIL agent isolated');
      expect(r.code).toBe(1);
    }
  });
});
