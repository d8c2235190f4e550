/**
 * A seeded generator of realistic cluster snapshots: namespaces with team/env labels,
 * Deployments with replica groups (real Pods with owner references), named container ports,
 * and a policy mix (default deny, app allow-lists, combined namespace+pod selectors,
 * matchExpressions, ipBlock with except, endPort ranges, named ports, egress DNS).
 *
 *   node dist/bench/generate.js --pods 10000 [--policies 2000] [--seed 1] > cluster.yaml
 */
import { stringify } from 'yaml';
import { rng } from './rng.js';
import { intFlag, parseScriptArgs } from './script-args.js';

export interface GenerateOptions {
  pods: number;
  policies?: number;
  seed?: number;
}

const TEAMS = ['payments', 'search', 'identity', 'catalog', 'billing', 'ml', 'web', 'data', 'ops', 'growth'];
const ENVS = ['prod', 'staging', 'dev'];
const TIERS = ['web', 'api', 'worker', 'db', 'cache'];

interface App {
  ns: string;
  name: string;
  tier: string;
  replicas: number;
}

/** Returns the snapshot as a list of Kubernetes objects. */
export function generateObjects(opts: GenerateOptions): object[] {
  const rand = rng(opts.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const targetPolicies = opts.policies ?? Math.round(opts.pods * 0.15);
  const nsCount = Math.max(3, Math.round(opts.pods / 150));
  const objects: object[] = [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-system', labels: { 'kubernetes.io/metadata.name': 'kube-system' } } }];
  const namespaces: { name: string; team: string; env: string }[] = [];
  for (let i = 0; i < nsCount; i++) {
    const team = TEAMS[i % TEAMS.length]!;
    const env = ENVS[Math.floor(i / TEAMS.length) % ENVS.length]!;
    const name = `${team}-${env}-${i}`;
    namespaces.push({ name, team, env });
    objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { team, env, 'kubernetes.io/metadata.name': name } } });
  }
  const apps: App[] = [];
  let pods = 0;
  const pod = (ns: string, name: string, owner: string, labels: Record<string, string>, ports: object[], ip: number) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, labels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, controller: true, uid: `u-${owner}` }] },
    spec: { containers: [{ name: 'main', image: `registry.example.com/${owner}:1.0`, ports }] },
    status: { phase: 'Running', podIP: `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`, podIPs: [{ ip: `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}` }] },
  });
  objects.push(pod('kube-system', 'coredns-5d78c9869d-abcde', 'coredns-5d78c9869d', { 'k8s-app': 'kube-dns' }, [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' }], 1));
  pods++;
  let n = 0;
  while (pods < opts.pods) {
    const ns = namespaces[n % namespaces.length]!;
    const tier = TIERS[Math.floor(n / namespaces.length) % TIERS.length]!;
    const name = `${tier}-${Math.floor(n / namespaces.length / TIERS.length)}`;
    const replicas = Math.min(opts.pods - pods, 1 + Math.floor(rand() * 5));
    const app: App = { ns: ns.name, name, tier, replicas };
    apps.push(app);
    const hash = Math.floor(rand() * 0xfffffff).toString(16);
    const ports = [{ name: 'http', containerPort: tier === 'db' ? 5432 : 8080 }, { name: 'metrics', containerPort: 9102 }];
    if (tier === 'api') ports.push({ name: 'grpc', containerPort: 9090 });
    for (let r = 0; r < replicas; r++) {
      objects.push(pod(ns.name, `${name}-${hash}-${r}`, `${name}-${hash}`, { app: name, tier, version: rand() < 0.2 ? 'canary' : 'stable', 'pod-template-hash': hash }, ports, pods + 2));
      pods++;
    }
    n++;
  }
  let policies = 0;
  const policy = (ns: string, name: string, spec: object) => {
    objects.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: ns }, spec });
    policies++;
  };
  for (const ns of namespaces) {
    if (policies >= targetPolicies) break;
    policy(ns.name, 'default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    policy(ns.name, 'allow-dns', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] }],
    });
  }
  let i = 0;
  while (policies < targetPolicies && apps.length) {
    const app = apps[i % apps.length]!;
    const ns = namespaces.find((x) => x.name === app.ns)!;
    const peerApp = pick(apps.filter((a) => a.ns === app.ns));
    const kind = i % 5;
    const spec =
      kind === 0
        ? { podSelector: { matchLabels: { app: app.name } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: peerApp.name } } }], ports: [{ port: 'http' }] }] }
        : kind === 1
          ? {
              podSelector: { matchLabels: { app: app.name } },
              ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: ns.team }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'staging'] }] }, podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }, { key: 'version', operator: 'NotIn', values: ['canary'] }] } }], ports: [{ port: 'http' }, { port: 'grpc' }] }],
            }
          : kind === 2
            ? { podSelector: { matchLabels: { app: app.name } }, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: `172.${16 + (i % 16)}.0.0/16`, except: [`172.${16 + (i % 16)}.${i % 256}.0/24`] } }], ports: [{ protocol: 'TCP', port: 443 }, { protocol: 'TCP', port: 30000 + (i % 1000), endPort: 30100 + (i % 1000) }] }] }
            : kind === 3
              ? { podSelector: { matchLabels: { tier: app.tier } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { purpose: 'monitoring' } } }, { namespaceSelector: { matchLabels: { team: 'ops' } } }], ports: [{ port: 'metrics' }] }] }
              : { podSelector: { matchLabels: { app: peerApp.name } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: app.name } } }], ports: [{ port: 'http' }] }] };
    policy(app.ns, `np-${i}`, spec);
    i++;
  }
  return objects;
}

/** The objects as one text: multi-document YAML, or a `kind: List` as `kubectl get -o json` prints it. */
export function snapshotText(objects: object[], format: 'yaml' | 'json'): string {
  if (format === 'json') return JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }, null, 2);
  return objects.map((o) => stringify(o)).join('---\n');
}

export function generateYaml(opts: GenerateOptions): string {
  return snapshotText(generateObjects(opts), 'yaml');
}

const USAGE = `Usage: node dist/bench/generate.js [--pods N] [--policies M] [--seed S] > cluster.yaml
Writes a sparse generated cluster (every namespace with a default deny) as multi-document YAML.
  --pods N       pods in all (default 1000)
  --policies M   policies (default: 15 % of the pods)
  --seed S       random seed (default 1)
  -h, --help     this help`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const v = parseScriptArgs('generate', USAGE, { pods: { type: 'string' }, policies: { type: 'string' }, seed: { type: 'string' } });
  const pods = intFlag('generate', USAGE, 'pods', v.pods, 1000, 1);
  const policies = v.policies === undefined ? undefined : intFlag('generate', USAGE, 'policies', v.policies, 0);
  process.stdout.write(generateYaml({ pods, seed: intFlag('generate', USAGE, 'seed', v.seed, 1), ...(policies !== undefined ? { policies } : {}) }));
}
