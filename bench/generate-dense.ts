/**
 * A seeded generator of dense clusters, as real ones look: most namespaces have no policy at
 * all (open: every pod reaches and is reached by everything not isolated), a fraction have a
 * default deny with allow rules (ingress controller, monitoring, tier to tier, DNS, HTTPS out).
 * Pods either run under Deployments → ReplicaSets (pod-template-hash labels and ownerReferences,
 * with the Deployment and ReplicaSet objects, as `kubectl get ns,pods,deploy,rs,netpol -A`
 * dumps them), or are bare pods (each its own workload), or a mix.
 *
 *   node dist/bench/generate-dense.js --pods 10000 [--namespaces N] [--owners deployments|none|mixed]
 *     [--policied 0.2] [--seed 1] [--output yaml|json] > cluster.yaml
 */
import { snapshotText } from './generate.js';
import { rng } from './rng.js';
import { fail, intFlag, parseScriptArgs } from './script-args.js';

export type OwnerMode = 'deployments' | 'none' | 'mixed';
export const OWNER_MODES: readonly OwnerMode[] = ['deployments', 'none', 'mixed'];

export interface DenseOptions {
  pods: number;
  /** User namespaces (default: one per 100 pods, at least 3), besides kube-system, ingress-nginx and monitoring. */
  namespaces?: number;
  owners?: OwnerMode;
  /** Fraction of user namespaces with a default deny and allow rules (default 0.2). */
  policied?: number;
  seed?: number;
}

const TEAMS = ['payments', 'search', 'identity', 'catalog', 'billing', 'ml', 'web', 'data', 'ops', 'growth'];
const ENVS = ['prod', 'staging', 'dev'];
const TIERS = ['web', 'api', 'worker', 'db', 'cache'] as const;
type Tier = (typeof TIERS)[number];
const PORTS: Record<Tier, { name: string; containerPort: number }[]> = {
  web: [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9102 }],
  api: [{ name: 'http', containerPort: 8080 }, { name: 'grpc', containerPort: 9090 }, { name: 'metrics', containerPort: 9102 }],
  worker: [{ name: 'metrics', containerPort: 9102 }],
  db: [{ name: 'postgres', containerPort: 5432 }, { name: 'metrics', containerPort: 9187 }],
  cache: [{ name: 'redis', containerPort: 6379 }],
};
const HASH_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const NAME_LABEL = 'kubernetes.io/metadata.name';

/** The name of user namespace i (the first one is always policied, the second always open). */
export const denseNamespace = (i: number): string => `${TEAMS[i % TEAMS.length]}-${i}`;
/** The workload name of an app's first pod: the Deployment, or the bare pod itself. */
export const denseWorkload = (app: string, owners: OwnerMode): string => (owners === 'none' ? `${app}-0` : app);

/** The snapshot as a list of Kubernetes objects, grouped by kind as kubectl prints them. */
export function generateDenseObjects(opts: DenseOptions): object[] {
  const rand = rng(opts.seed ?? 1);
  const owners = opts.owners ?? 'deployments';
  const nsCount = opts.namespaces ?? Math.max(3, Math.round(opts.pods / 100));
  const policied = opts.policied ?? 0.2;
  const token = (n: number): string => Array.from({ length: n }, () => HASH_ALPHABET[Math.floor(rand() * HASH_ALPHABET.length)]).join('');
  const uid = (): string => `${token(8)}-${token(4)}-${token(4)}-${token(12)}`;

  const namespaces: object[] = [];
  const pods: object[] = [];
  const workloads: object[] = [];
  const policies: object[] = [];
  const namespace = (name: string, labels: Record<string, string> = {}) =>
    namespaces.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, uid: uid(), labels: { ...labels, [NAME_LABEL]: name } }, status: { phase: 'Active' } });

  let ip = 0;
  const podIp = (): string => {
    ip++;
    return `10.${64 + ((ip >> 16) & 63)}.${(ip >> 8) & 255}.${ip & 255}`;
  };
  const containers = (app: string, ports: object[]) => [{ name: 'main', image: `registry.example.com/${app}:1.${Math.floor(rand() * 20)}`, ports: ports.map((p) => ({ protocol: 'TCP', ...p })) }];

  /** One app: a Deployment with its ReplicaSet and pods, or bare pods sharing its labels. */
  const app = (ns: string, name: string, labels: Record<string, string>, ports: object[], replicas: number, owned: boolean) => {
    const hash = token(10);
    const podLabels = owned ? { ...labels, 'pod-template-hash': hash } : labels;
    const template = { metadata: { labels: podLabels }, spec: { containers: containers(name, ports) } };
    let rsRef: object[] | undefined;
    if (owned) {
      const deployUid = uid();
      const rsUid = uid();
      const rsName = `${name}-${hash}`;
      workloads.push({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name, namespace: ns, uid: deployUid, labels },
        spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels }, spec: template.spec } },
        status: { replicas, readyReplicas: replicas },
      });
      workloads.push({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name: rsName, namespace: ns, uid: rsUid, labels: podLabels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name, uid: deployUid, controller: true, blockOwnerDeletion: true }] },
        spec: { replicas, selector: { matchLabels: { app: name, 'pod-template-hash': hash } }, template },
        status: { replicas, readyReplicas: replicas },
      });
      rsRef = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rsName, uid: rsUid, controller: true, blockOwnerDeletion: true }];
    }
    for (let r = 0; r < replicas; r++) {
      const address = podIp();
      pods.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: owned ? `${name}-${hash}-${token(5)}` : `${name}-${r}`, namespace: ns, uid: uid(), labels: podLabels, ...(rsRef ? { ownerReferences: rsRef } : {}) },
        spec: { nodeName: `node-${Math.floor(rand() * 50)}`, containers: template.spec.containers },
        status: { phase: 'Running', hostIP: `192.168.0.${Math.floor(rand() * 50) + 1}`, podIP: address, podIPs: [{ ip: address }] },
      });
    }
    return replicas;
  };
  const isOwned = (): boolean => (owners === 'deployments' ? true : owners === 'none' ? false : rand() < 0.5);

  // The system namespaces every cluster has; open, as they usually are.
  namespace('kube-system');
  namespace('ingress-nginx');
  namespace('monitoring');
  let placed = 0;
  const left = (): number => opts.pods - placed;
  if (left() > 0) placed += app('kube-system', 'coredns', { 'k8s-app': 'kube-dns' }, [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' }], Math.min(2, left()), isOwned());
  if (left() > 0) placed += app('ingress-nginx', 'ingress-nginx-controller', { 'app.kubernetes.io/name': 'ingress-nginx' }, [{ name: 'http', containerPort: 80 }, { name: 'https', containerPort: 443 }], Math.min(2, left()), isOwned());
  if (left() > 0) placed += app('monitoring', 'prometheus', { 'app.kubernetes.io/name': 'prometheus' }, [{ name: 'web', containerPort: 9090 }], 1, isOwned());

  const users = Array.from({ length: nsCount }, (_, i) => {
    const name = denseNamespace(i);
    const team = TEAMS[i % TEAMS.length]!;
    const env = ENVS[Math.floor(i / TEAMS.length) % ENVS.length]!;
    namespace(name, { team, env });
    // Uneven sizes, as real namespaces are: weights 1, 1/2, … 1/8 in turn.
    return { name, team, policied: i === 0 ? true : i === 1 ? false : rand() < policied, weight: 1 / (1 + (i % 8)), apps: [] as { name: string; tier: Tier }[] };
  });
  const totalWeight = users.reduce((s, u) => s + u.weight, 0);
  const pickNamespace = () => {
    let x = rand() * totalWeight;
    for (const u of users) if ((x -= u.weight) <= 0) return u;
    return users[users.length - 1]!;
  };
  const counters = new Map<string, number>();
  for (let n = 0; left() > 0; n++) {
    // First every namespace gets one app of each tier (web-0, api-0, …), then apps land at random.
    const first = n < nsCount * TIERS.length;
    const ns = first ? users[n % nsCount]! : pickNamespace();
    const tier = first ? TIERS[Math.floor(n / nsCount)]! : TIERS[Math.floor(rand() * TIERS.length)]!;
    const key = `${ns.name}/${tier}`;
    const k = counters.get(key) ?? 0;
    counters.set(key, k + 1);
    const name = `${tier}-${k}`;
    ns.apps.push({ name, tier });
    const labels = { app: name, tier, 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': ns.team, version: rand() < 0.2 ? 'canary' : 'stable' };
    placed += app(ns.name, name, labels, PORTS[tier], Math.min(left(), 1 + Math.floor(rand() * 8)), isOwned());
  }

  const policy = (ns: string, name: string, spec: object) =>
    policies.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: ns, uid: uid() }, spec });
  const nsPeer = (name: string) => ({ namespaceSelector: { matchLabels: { [NAME_LABEL]: name } } });
  for (const ns of users.filter((u) => u.policied)) {
    policy(ns.name, 'default-deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] });
    policy(ns.name, 'allow-monitoring', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [nsPeer('monitoring')], ports: [{ port: 'metrics' }] }] });
    policy(ns.name, 'allow-ingress-controller', {
      podSelector: { matchLabels: { tier: 'web' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ ...nsPeer('ingress-nginx'), podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } } }], ports: [{ port: 'http' }] }],
    });
    if (rand() < 0.5) {
      policy(ns.name, 'default-deny-egress', { podSelector: {}, policyTypes: ['Egress'] });
      policy(ns.name, 'allow-dns', {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [{ to: [{ ...nsPeer('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] }],
      });
      policy(ns.name, 'allow-egress-same-namespace', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: {} }] }] });
      policy(ns.name, 'allow-https-out', {
        podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['api', 'worker'] }] },
        policyTypes: ['Egress'],
        egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] } }], ports: [{ protocol: 'TCP', port: 443 }] }],
      });
    }
    for (const a of ns.apps) {
      if (a.tier === 'api') policy(ns.name, `allow-${a.name}`, { podSelector: { matchLabels: { app: a.name } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { tier: 'web' } } }], ports: [{ port: 'http' }, { port: 'grpc' }] }] });
      if (a.tier === 'db')
        policy(ns.name, `allow-${a.name}`, {
          podSelector: { matchLabels: { app: a.name } },
          policyTypes: ['Ingress'],
          ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['api', 'worker'] }, { key: 'version', operator: 'NotIn', values: ['canary'] }] } }], ports: [{ port: 'postgres' }] }],
        });
      if (a.tier === 'cache') policy(ns.name, `allow-${a.name}`, { podSelector: { matchLabels: { app: a.name } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: {} }], ports: [{ protocol: 'TCP', port: 6379 }] }] });
    }
    if (rand() < 0.3) policy(ns.name, 'allow-team-api', { podSelector: { matchLabels: { tier: 'api' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: ns.team } } }], ports: [{ protocol: 'TCP', port: 8080, endPort: 8090 }] }] });
  }
  return [...namespaces, ...pods, ...workloads, ...policies];
}

export function generateDense(opts: DenseOptions, format: 'yaml' | 'json'): string {
  return snapshotText(generateDenseObjects(opts), format);
}

const USAGE = `Usage: node dist/bench/generate-dense.js --pods N [--namespaces N] [--owners deployments|none|mixed]
                                        [--policied FRACTION] [--seed S] [--output yaml|json]
Writes a dense generated cluster (most namespaces open) to standard output.
  --pods N          pods in all (default 1000)
  --namespaces N    user namespaces (default: pods / 100, at least 3)
  --owners MODE     deployments (default: Deployment → ReplicaSet → Pod with ownerReferences),
                    none (bare pods) or mixed (about half of the apps each way)
  --policied F      fraction of user namespaces with a default deny and allow rules (default 0.2)
  --seed S          random seed (default 1); the same seed gives the same bytes
  --output FORMAT   yaml (multi-document, default) or json (a kind: List)
  -h, --help        this help`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const script = 'generate-dense';
  const v = parseScriptArgs(script, USAGE, {
    pods: { type: 'string' },
    namespaces: { type: 'string' },
    owners: { type: 'string' },
    policied: { type: 'string' },
    seed: { type: 'string' },
    output: { type: 'string' },
  });
  const owners = (v.owners ?? 'deployments') as OwnerMode;
  if (!OWNER_MODES.includes(owners)) fail(script, USAGE, `--owners expects deployments, none or mixed, got '${v.owners}'`);
  const output = v.output ?? 'yaml';
  if (output !== 'yaml' && output !== 'json') fail(script, USAGE, `--output expects yaml or json, got '${output}'`);
  const policied = v.policied === undefined ? 0.2 : Number(v.policied);
  if (!(policied >= 0 && policied <= 1)) fail(script, USAGE, `--policied expects a fraction from 0 to 1, got '${v.policied}'`);
  const namespaces = v.namespaces === undefined ? undefined : intFlag(script, USAGE, 'namespaces', v.namespaces, 3, 1);
  const opts: DenseOptions = { pods: intFlag(script, USAGE, 'pods', v.pods, 1000, 1), owners, policied, seed: intFlag(script, USAGE, 'seed', v.seed, 1), ...(namespaces ? { namespaces } : {}) };
  process.stdout.write(generateDense(opts, output));
}
