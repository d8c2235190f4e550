import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { loadTexts } from '../../src/load/load-snapshot.js';
import { parseTarget } from '../../src/query/target-spec.js';
import { dedent } from '../helpers/analyze.js';
import { objectLabel } from '../../src/lint/object-label.js';

/** Issue 20, names: one name for one workload, kubectl's own spellings read, one spelling of ports. */
const dump = ['-f', 'examples/kubectl-list'];

describe('a ReplicaSet named <deployment>-<pod-template-hash> is reported as its Deployment', () => {
  it('matrix and can name the kubectl dump\'s frontend the same way', async () => {
    const m = await runCli(['matrix', ...dump]);
    expect(m.out).toContain('guestbook/frontend[Deployment] => guestbook/redis-leader[StatefulSet] : TCP 6379');
    expect(m.out).not.toContain('[ReplicaSet]');
    const c = await runCli(['can', 'frontend', 'reach', 'redis-leader:6379', ...dump]);
    expect(c.out.split('\n')[0]).toContain('guestbook/frontend[Deployment]');
  });

  it.each([['deploy/frontend'], ['deployment.apps/frontend'], ['deployments.v1.apps/frontend'], ['guestbook/deployment.apps/frontend'], ['rs/frontend-6c8b8f7d9'], ['replicaset.apps/frontend-6c8b8f7d9']])(
    'can %s reach … (kubectl\'s output forms are references, not namespaces)',
    async (name) => {
      const r = await runCli(['can', name, 'reach', 'redis-leader:6379', ...dump]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
    },
  );

  it.each([['pod/frontend-6c8b8f7d9-2xk4p', 'Pod'], ['deployment.apps/db', 'Deployment'], ['statefulset.apps/db', 'StatefulSet'], ['job.batch/x', 'Job']])('%s reads as kind %s', (text, kind) => {
    const r = parseTarget(text);
    expect(r.ok && r.target.kind === 'name' && r.target.objectKind).toBe(kind);
    expect(r.ok && r.target.kind === 'name' && r.target.namespace).toBeFalsy();
  });

  it('a dotted word that is no kind is refused (a namespace holds no dot)', () => {
    expect(parseTarget('widget.example.com/db')).toMatchObject({ ok: false, reason: expect.stringContaining('unknown kind') });
  });

  const load = (text: string) => loadTexts([{ file: 'x.yaml', text: dedent(text) }]).snapshot.pods[0]!.owner;
  const pod = (hash: string) => `
    apiVersion: v1
    kind: Pod
    metadata:
      name: web-5d9-abcde
      namespace: nn
      labels: {app: web, pod-template-hash: ${hash}}
      ownerReferences: [{kind: ReplicaSet, name: web-5d9, controller: true}]
  `;
  const rs = (owners: string) => `
    apiVersion: apps/v1
    kind: ReplicaSet
    metadata:
      name: web-5d9
      namespace: nn
      ownerReferences: ${owners}
    spec: {template: {metadata: {labels: {app: web, pod-template-hash: 5d9}}, spec: {containers: [{name: c}]}}}
  `;

  it.each([
    ['a Pod whose ReplicaSet is known only by name, hash matching', pod('5d9'), { kind: 'Deployment', name: 'web' }],
    ['a Pod whose hash does not match its ReplicaSet name', pod('b7c'), { kind: 'ReplicaSet', name: 'web-5d9' }],
    ['a ReplicaSet owned by a Deployment that is not in the snapshot', rs('[{kind: Deployment, name: web, controller: true}]'), { kind: 'Deployment', name: 'web' }],
    ['an orphaned ReplicaSet (no controller)', rs('[]'), { kind: 'ReplicaSet', name: 'web-5d9' }],
    ['a ReplicaSet owned by something else', rs('[{kind: Rollout, name: web, controller: true}]'), { kind: 'ReplicaSet', name: 'web-5d9' }],
  ])('%s', (_, text, owner) => {
    expect(load(text)).toEqual(owner);
  });
});

describe('one spelling of ports: TCP 6379', () => {
  it.each([
    [['can', 'tier=frontend', 'reach', 'app=redis:6379', ...dump], 'on TCP 6379'],
    [['can', 'api', 'reach', 'svc/db:6379', '-f', 'examples/three-tier'], 'has no port TCP 6379; it has: TCP 5432 (postgres)'],
  ])('%j', async (argv, text) => {
    const r = await runCli(argv);
    expect(r.out + r.err).toContain(text);
    expect(r.out + r.err).not.toMatch(/\b(tcp|udp|sctp)\/\d|\d\/(TCP|UDP|SCTP)\b/);
  });
});

describe('no answer spells a port another way (proto/port, port/PROTO, name/PROTO)', () => {
  const OTHER = /\b(tcp|udp|sctp)\/\w|\w\/(TCP|UDP|SCTP)\b/i;
  it.each([
    [['can', 'frontend', 'reach', 'db', '-f', 'examples/three-tier']],
    [['can', 'frontend', 'reach', 'db:5432', '-f', 'examples/three-tier', '-v']],
    [['verify', 'examples/three-tier/expectations.yaml', '-f', 'examples/three-tier']],
    [['lint', '-f', 'examples/lint-mistakes']],
    [['matrix', '-f', 'examples/multi-namespace']],
    [['diff', '--base', 'examples/three-tier', '--head', 'examples/multi-namespace']],
    [['reach-from', 'frontend', '--hops', '3', '-f', 'examples/three-tier']],
    [['migrate', '-f', 'examples/legacy-v1beta1']],
  ])('%j', async (argv) => {
    const r = await runCli(argv);
    expect(r.out + r.err).not.toMatch(OTHER);
  });
});

describe('lint names a workload by its kind', () => {
  it('a finding on a StatefulSet says StatefulSet, not Pod', async () => {
    const r = await runCli(['lint', '-f', 'examples/lint-mistakes']);
    expect(r.out).toContain('warning: StatefulSet monitoring/prometheus:');
    expect(r.out).not.toMatch(/Pod \S+\[StatefulSet\]/);
    const gh = await runCli(['lint', '-f', 'examples/lint-mistakes', '-o', 'github']);
    expect(gh.out).toContain('::StatefulSet monitoring/prometheus: ');
  });

  it.each([
    ['Pod shop/api[Deployment]', 'Deployment shop/api'],
    ['Pod shop/web-5d9-x2x9k', 'Pod shop/web-5d9-x2x9k'],
    ['NetworkPolicy shop/p', 'NetworkPolicy shop/p'],
  ])('%s reads as %s', (object, label) => {
    expect(objectLabel(object)).toBe(label);
  });
});
