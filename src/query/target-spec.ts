import type { LabelSelector } from '../model/labels.js';
import { PROTOCOLS, type Protocol } from '../model/policy.js';
import { parseCidr } from '../net/cidr.js';
import { parseIp, type IpFamily } from '../net/ip-address.js';
import { isPortName } from '../load/kinds/network-policy.js';
import { looksLikeSelector, parseSelector } from '../select/selector-syntax.js';

/** What a user typed for one end of a `can` question. */
export type TargetSpec =
  | { kind: 'name'; text: string; namespace?: string; objectKind?: string; name: string }
  | { kind: 'selector'; text: string; selector: LabelSelector; namespace?: string; unscoped?: LabelSelector }
  | { kind: 'address'; text: string; family: IpFamily; lo: bigint; hi: bigint };

export interface PortQuery {
  port: number | string;
  protocol: Protocol;
}

export type TargetParse = { ok: true; target: TargetSpec; port?: PortQuery } | { ok: false; reason: string };

/** kubectl's kind names and short names → the kinds of the snapshot. */
export const KIND_ALIASES: Readonly<Record<string, string>> = {
  pod: 'Pod', pods: 'Pod', po: 'Pod',
  deployment: 'Deployment', deployments: 'Deployment', deploy: 'Deployment',
  statefulset: 'StatefulSet', statefulsets: 'StatefulSet', sts: 'StatefulSet',
  daemonset: 'DaemonSet', daemonsets: 'DaemonSet', ds: 'DaemonSet',
  replicaset: 'ReplicaSet', replicasets: 'ReplicaSet', rs: 'ReplicaSet',
  replicationcontroller: 'ReplicationController', replicationcontrollers: 'ReplicationController', rc: 'ReplicationController',
  job: 'Job', jobs: 'Job',
  cronjob: 'CronJob', cronjobs: 'CronJob', cj: 'CronJob',
  service: 'Service', services: 'Service', svc: 'Service',
};

/**
 * The kind a word names: `deploy`, `pods`, and kubectl's own output forms with a group,
 * `deployment.apps`, `statefulset.apps`, `job.batch` (a namespace name holds no dot, so a dotted
 * word is never one).
 */
export function kindAlias(word: string): string | undefined {
  const lower = word.toLowerCase();
  return KIND_ALIASES[lower] ?? (lower.includes('.') ? KIND_ALIASES[lower.slice(0, lower.indexOf('.'))] : undefined);
}

/** `5432`, `postgres` with `tcp` (default), `udp` or `sctp`: a port as a destination names it; a string is the reason it is not one. */
export function parsePort(text: string, proto: string | undefined): PortQuery | string {
  const protocol = (proto ?? 'tcp').toUpperCase() as Protocol;
  if (!PROTOCOLS.includes(protocol)) return `protocol "${proto}" is not tcp, udp or sctp`;
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (n < 1 || n > 65535) return `port ${text} is not between 1 and 65535`;
    return { port: n, protocol };
  }
  if (!isPortName(text)) return `"${text}" is neither a port number nor a valid port name`;
  return { port: text, protocol };
}

function address(text: string): TargetSpec | undefined {
  const ip = parseIp(text);
  if (ip) return { kind: 'address', text, family: ip.family, lo: ip.value, hi: ip.value };
  if (text.includes('/') && /^[0-9a-fA-F:.]+\/\d+$/.test(text)) {
    const c = parseCidr(text);
    if (c.ok) return { kind: 'address', text: c.cidr.text, family: c.cidr.family, lo: c.cidr.lo, hi: c.cidr.hi };
  }
  return undefined;
}

const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * `NS/*` (every pod of namespace NS) and `NS/SELECTOR` (its pods that match, as `kubectl get pods
 * -n NS -l SELECTOR`). A namespace name holds no dot, so `app.kubernetes.io/name=web` stays a
 * selector on a prefixed key; `team/owner=x` may be either: `unscoped` keeps the reading as one
 * selector, used when the snapshot has no namespace `team` (resolve.ts).
 */
function namespacedSelector(body: string): TargetSpec | { reason: string } | undefined {
  const slash = body.indexOf('/');
  if (slash < 0) return undefined;
  const namespace = body.slice(0, slash);
  const rest = body.slice(slash + 1);
  if (!NAMESPACE.test(namespace)) return undefined;
  if (rest === '*') return { kind: 'selector', text: body, selector: { matchLabels: {}, matchExpressions: [] }, namespace };
  if (!looksLikeSelector(rest)) return undefined;
  const s = parseSelector(rest);
  if (!s.ok) return { reason: `bad selector: ${s.reason}` };
  const whole = parseSelector(body);
  return { kind: 'selector', text: body, selector: s.selector, namespace, ...(whole.ok ? { unscoped: whole.selector } : {}) };
}

/**
 * `frontend`, `shop/frontend`, `shop/*`, `shop/app=web`, `deploy/frontend`, `deployment.apps/frontend`
 * (kubectl's output), `shop/deploy/frontend`, `db:6379`,
 * `db:postgres/tcp`, `app=web,tier!=canary`, `10.0.0.5`, `10.0.0.0/24:443`, `[2001:db8::1]:443`.
 */
export function parseTarget(raw: string): TargetParse {
  const text = raw.trim();
  if (!text) return { ok: false, reason: 'empty name' };
  const all = /^\*(?::([^:/]+)(?:\/(\w+))?)?$/.exec(text);
  if (all) {
    // `*`: every pod (of the namespace given with -n)
    const target: TargetSpec = { kind: 'selector', text: '*', selector: { matchLabels: {}, matchExpressions: [] } };
    if (all[1] === undefined) return { ok: true, target };
    const p = parsePort(all[1], all[2]);
    return typeof p === 'string' ? { ok: false, reason: p } : { ok: true, target, port: p };
  }
  const whole = address(text);
  if (whole) return { ok: true, target: whole };
  const bracketed = /^\[([^\]]+)\](?::([^/]+)(?:\/(\w+))?)?$/.exec(text);
  if (bracketed) {
    const a = address(bracketed[1]!);
    if (!a) return { ok: false, reason: `"${bracketed[1]}" is not an IP address` };
    if (bracketed[2] === undefined) return { ok: true, target: a };
    const p = parsePort(bracketed[2], bracketed[3]);
    return typeof p === 'string' ? { ok: false, reason: p } : { ok: true, target: a, port: p };
  }
  let body = text;
  let port: PortQuery | undefined;
  // Label values, names and IPv4 addresses hold no ':', so a trailing `:PORT[/PROTO]` is a port.
  const withPort = /^(.*):([^:/\s)]+)(?:\/(\w+))?$/.exec(text);
  if (withPort) {
    body = withPort[1]!;
    const p = parsePort(withPort[2]!, withPort[3]);
    if (typeof p === 'string') return { ok: false, reason: p };
    port = p;
    const a = address(body);
    if (a) return { ok: true, target: a, port };
  }
  const scoped = namespacedSelector(body);
  if (scoped) return 'reason' in scoped ? { ok: false, reason: scoped.reason } : { ok: true, target: scoped, ...(port ? { port } : {}) };
  if (looksLikeSelector(body)) {
    const s = parseSelector(body);
    if (!s.ok) return { ok: false, reason: `bad selector: ${s.reason}` };
    return { ok: true, target: { kind: 'selector', text: body, selector: s.selector }, ...(port ? { port } : {}) };
  }
  const parts = body.split('/');
  if (parts.some((p) => p === '') || parts.length > 3) return { ok: false, reason: `cannot read "${text}" (expected NAME, NAMESPACE/NAME, KIND/NAME or NAMESPACE/KIND/NAME)` };
  let spec: TargetSpec;
  if (parts.length === 3) {
    const kind = kindAlias(parts[1]!);
    if (!kind) return { ok: false, reason: `unknown kind "${parts[1]}" (try deployment, statefulset, daemonset, pod, service, …)` };
    spec = { kind: 'name', text: body, namespace: parts[0]!, objectKind: kind, name: parts[2]! };
  } else if (parts.length === 2) {
    const kind = kindAlias(parts[0]!);
    if (!kind && parts[0]!.includes('.')) return { ok: false, reason: `unknown kind "${parts[0]}" (try deployment, statefulset, daemonset, pod, service, …)` };
    spec = kind ? { kind: 'name', text: body, objectKind: kind, name: parts[1]! } : { kind: 'name', text: body, namespace: parts[0]!, name: parts[1]! };
  } else {
    spec = { kind: 'name', text: body, name: parts[0]! };
  }
  return { ok: true, target: spec, ...(port ? { port } : {}) };
}
