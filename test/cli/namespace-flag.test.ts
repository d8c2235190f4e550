import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/** Issue 17, case 6: `-n NS` puts manifests that name no namespace in NS, as `kubectl apply -n NS -f` does. */
const manifests = `apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny}
spec: {podSelector: {}}
---
apiVersion: v1
kind: Pod
metadata: {name: other, namespace: default, labels: {app: other}}
`;

describe('-n for manifests that name no namespace', () => {
  it('matrix: the pod and the policy land in ui, the explicit one stays in default (-A: every pair)', async () => {
    const r = await runCli(['matrix', '-f', '-', '-n', 'ui', '-A'], manifests);
    expect(r.out).toBe(
      [
        '0.0.0.0-255.255.255.255[External] => default/other[Pod] : All Connections',
        'default/other[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
        'ui/web[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
        'ui/web[Pod] => default/other[Pod] : All Connections',
        '',
      ].join('\n'),
    );
  });

  it('matrix -n without -A also shows only the pairs with an end in ui, as kubectl get -n does', async () => {
    const r = await runCli(['matrix', '-f', '-', '-n', 'ui'], manifests);
    expect(r.out).toBe(['ui/web[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections', 'ui/web[Pod] => default/other[Pod] : All Connections', ''].join('\n'));
  });

  it('can: isolated by ui/deny, as the cluster would have it', async () => {
    const r = await runCli(['can', 'default/other', 'reach', 'web', '-f', '-', '-n', 'ui'], manifests);
    expect(r.out).toMatch(/^no: default\/other cannot reach ui\/web on any port\n/);
    expect(r.out).toContain('isolated by ui/deny');
    expect(r.code).toBe(1);
  });

  it('without -n they are in default', async () => {
    const r = await runCli(['can', 'other', 'reach', 'web', '-f', '-'], manifests);
    expect(r.out).toMatch(/^no: default\/other cannot reach default\/web/);
  });

  it.each([['lint'], ['verify'], ['diff'], ['migrate'], ['report'], ['explore']])('%s --help documents -n', async (command) => {
    const r = await runCli([command, '--help']);
    expect(r.out).toMatch(/-n, --namespace NS/);
  });
});
