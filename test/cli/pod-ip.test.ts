import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/**
 * Issue 17, case 1: a pod's own IP (status.podIP, status.podIPs) is that pod, not an outside
 * address, everywhere an address is accepted.
 */
const cluster = `apiVersion: v1
kind: Pod
metadata: {name: client, namespace: x, labels: {app: client}}
status: {podIP: 10.244.1.5}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: "y", labels: {app: db}}
spec: {containers: [{name: c, image: pg, ports: [{containerPort: 5432}]}]}
status: {podIP: 10.244.2.11, podIPs: [{ip: 10.244.2.11}, {ip: "fd00::2:11"}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: "y"}
spec: {podSelector: {}, policyTypes: [Ingress]}
`;

describe('pod IPs are their pods', () => {
  it.each([['y/db:5432'], ['10.244.2.11:5432'], ['[fd00::2:11]:5432']])('can x/client reach %s: no, as for the pod by name', async (dst) => {
    const r = await runCli(['can', 'x/client', 'reach', dst, '-f', '-'], cluster);
    expect(r.out).toMatch(/^no: x\/client cannot reach y\/db on TCP 5432\n/);
    expect(r.out).toContain('ingress of y/db: isolated by y/default-deny');
    expect(r.code).toBe(1);
  });

  it('a range holding pod IPs holds those pods and the outside addresses around them', async () => {
    const r = await runCli(['can', 'x/client', 'reach', '10.244.0.0/16:5432', '-f', '-', '--format', 'json'], cluster);
    const a = JSON.parse(r.out) as { destination: { members: string[] } };
    expect(a.destination.members).toEqual(['x/client', 'y/db', '10.244.0.0-10.244.255.255']);
  });

  it('the source may be a pod IP too', async () => {
    const r = await runCli(['can', '10.244.1.5', 'reach', 'y/db:5432', '-f', '-'], cluster);
    expect(r.out).toMatch(/^no: x\/client cannot reach y\/db/);
  });

  it('verify: onlyFrom a pod IP allows that pod', async () => {
    const expectations = 'expectations:\n- {name: only the client, to: y/db, onlyFrom: ["10.244.1.5"]}\n';
    const allow = `${cluster}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-from-client, namespace: "y"}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress: [{from: [{namespaceSelector: {}, podSelector: {matchLabels: {app: client}}}]}]
`;
    const file = join(mkdtempSync(join(tmpdir(), 'netpol-')), 'expect.yaml');
    writeFileSync(file, expectations);
    const r = await runCli(['verify', file, '-f', '-'], allow);
    expect(r.out).toContain('1 passed, 0 failed');
    expect(r.code).toBe(0);
  });
});
