import type { Labels } from '../model/labels.js';
import type { ContainerPort, Pod, Snapshot } from '../model/snapshot.js';
import { addressFamilies } from '../net/address-families.js';
import { parseIp } from '../net/ip-address.js';
import { blockOf, type ExternalBlock } from './external-blocks.js';

/**
 * Pods that no policy can tell apart: same namespace, same labels, same named container ports,
 * both or neither on the host network, and IPs in the same covered external blocks
 * (a plugin may match pods by ipBlock: docs/cni-profiles.md; Calico matches them by nets and
 * network sets: docs/calico.md).
 * The engine computes one row per class instead of one per pod.
 */
export interface PodClass {
  index: number;
  namespace: string;
  labels: Labels;
  ports: readonly ContainerPort[];
  hostNetwork: boolean;
  /** The pods' serviceAccountName when classes are split by it (Calico's serviceAccounts match it), else undefined. */
  serviceAccountName?: string;
  /** The external blocks inside some ipBlock peer or Calico net that hold an IP of these pods (usually none). */
  ipBlocks: readonly number[];
  /**
   * With Calico policies: the address families of the pods' known IPs, or both when none is
   * known (a rule with an `ipVersion` matches a pod that may use that family: docs/calico.md);
   * classes are split by it. Undefined without Calico policies.
   */
  families?: readonly (4 | 6)[];
  pods: Pod[];
}

export interface PodIndex {
  classes: PodClass[];
  classOf: Map<Pod, number>;
  namespaceLabels: Map<string, Labels>;
  /** Whether classes are split by service account (with Calico policies in the snapshot). */
  byServiceAccount: boolean;
}

/** The address families of the pod's known IPs; both when it has none. */
function podFamilies(pod: Pod): (4 | 6)[] {
  const known = addressFamilies(pod.ips);
  return known.length ? known : [4, 6];
}

function classKey(pod: Pod, ipBlocks: readonly number[], serviceAccount: string | undefined, families: readonly number[] | undefined): string {
  // Each string with its length in front, so that no two different pods share a key; built
  // directly (not JSON of arrays of pairs: that was most of the engine's garbage at 100,000 pods).
  const piece = (t: string): string => `${t.length}:${t}`;
  let key = piece(pod.namespace);
  const keys = Object.keys(pod.labels);
  // Sorted in place by insertion: a pod has a handful of labels (often written sorted already),
  // and Array.prototype.sort's work arrays were a third of the engine's garbage at 100,000 pods.
  if (keys.length > 16) keys.sort();
  else {
    for (let i = 1; i < keys.length; i++) {
      const k = keys[i]!;
      let j = i - 1;
      while (j >= 0 && keys[j]! > k) {
        keys[j + 1] = keys[j]!;
        j--;
      }
      keys[j + 1] = k;
    }
  }
  key += `|${keys.length}`;
  for (const k of keys) key += piece(k) + piece(pod.labels[k]!);
  const named: string[] = [];
  for (const p of pod.ports) if (p.name) named.push(`${p.name}/${p.protocol}/${p.port}`);
  if (named.length > 1) named.sort();
  key += `|${named.length}`;
  for (const n of named) key += piece(n);
  // hostNetwork pods are left out of cluster-wide policies' subjects and pod peers: their own class.
  // Calico's serviceAccounts match: with Calico policies, pods of one service account apart.
  return `${key}|${pod.hostNetwork ? 1 : 0}|${ipBlocks.join(',')}|${serviceAccount === undefined ? '-' : piece(serviceAccount)}|${families ? families.join('') : '-'}`;
}

/**
 * The blocks of `covered` (blocks some ipBlock peer holds) that hold one of the pod's IPs; none
 * without such blocks, so the common snapshot parses no address.
 */
function ipBlocksOf(pod: Pod, blocks: readonly ExternalBlock[], covered: ReadonlySet<number>): number[] {
  if (covered.size === 0 || pod.ips.length === 0) return [];
  const out = new Set<number>();
  for (const text of pod.ips) {
    const ip = parseIp(text);
    if (!ip) continue;
    const b = blockOf(blocks, ip.family, ip.value);
    if (covered.has(b)) out.add(b);
  }
  return [...out].sort((a, b) => a - b);
}

/** `blocks` and `covered`: the external blocks, and those inside some ipBlock peer (pods there get their own classes). */
export function buildPodIndex(snapshot: Snapshot, blocks: readonly ExternalBlock[] = [], covered: ReadonlySet<number> = new Set()): PodIndex {
  const classes: PodClass[] = [];
  const byKey = new Map<string, PodClass>();
  const classOf = new Map<Pod, number>();
  const byServiceAccount = snapshot.calico !== undefined;
  for (const pod of snapshot.pods) {
    const ipBlocks = ipBlocksOf(pod, blocks, covered);
    const serviceAccountName = byServiceAccount ? (pod.serviceAccountName ?? 'default') : undefined;
    // Calico's ipVersion (and nets' family) tell pods apart by the families of their addresses.
    const families = byServiceAccount ? podFamilies(pod) : undefined;
    const key = classKey(pod, ipBlocks, serviceAccountName, families);
    let c = byKey.get(key);
    if (!c) {
      c = { index: classes.length, namespace: pod.namespace, labels: pod.labels, ports: pod.ports.filter((p) => p.name), hostNetwork: pod.hostNetwork, serviceAccountName, ipBlocks, ...(families ? { families } : {}), pods: [] };
      classes.push(c);
      byKey.set(key, c);
    }
    c.pods.push(pod);
    classOf.set(pod, c.index);
  }
  const namespaceLabels = new Map<string, Labels>();
  for (const ns of snapshot.namespaces) namespaceLabels.set(ns.name, ns.labels);
  return { classes, classOf, namespaceLabels, byServiceAccount };
}
