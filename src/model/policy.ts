import type { LabelSelector } from './labels.js';
import type { SourceRef } from './source.js';

export const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export type Direction = 'ingress' | 'egress';

/** A CIDR normalised to its network address: `lo`..`hi` inclusive, as integers. */
export interface Cidr {
  family: 4 | 6;
  /** Canonical text, host bits cleared: `10.0.0.0/8`. */
  text: string;
  lo: bigint;
  hi: bigint;
}

/**
 * A `from`/`to` item. Pod peers spell out the selector combinations:
 * - `namespaceSelector` absent: pods in the policy's own namespace;
 * - `podSelector` absent: every pod of the selected namespaces;
 * - both present: pods matching both (AND);
 * - `{}` for either selector matches everything in its dimension.
 */
export type Peer = PodPeer | IpBlockPeer;

export interface PodPeer {
  kind: 'pods';
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  source: SourceRef;
}

export interface IpBlockPeer {
  kind: 'ipBlock';
  cidr: Cidr;
  except: readonly Cidr[];
  source: SourceRef;
}

/** One `ports` item. `port` absent: every port of the protocol. */
export type PortSpec =
  | { kind: 'all'; protocol: Protocol; source: SourceRef }
  | { kind: 'range'; protocol: Protocol; from: number; to: number; source: SourceRef }
  | { kind: 'named'; protocol: Protocol; name: string; source: SourceRef };

export interface Rule {
  direction: Direction;
  /** Position in the policy's `ingress` or `egress` list. */
  index: number;
  /** `'any'`: `from`/`to` absent or empty, every peer matches. */
  peers: readonly Peer[] | 'any';
  /** `'any'`: `ports` absent or empty, every port and protocol matches. */
  ports: readonly PortSpec[] | 'any';
  source: SourceRef;
}

export interface NetworkPolicy {
  name: string;
  namespace: string;
  apiVersion: string;
  /** metadata.labels (absent: none); `lint -l` chooses policies by them. */
  labels?: Readonly<Record<string, string>>;
  /** metadata.annotations (e.g. `netpol-check.io/ignore: rule-id`). */
  annotations?: Readonly<Record<string, string>>;
  podSelector: LabelSelector;
  /** Effective policy types, after defaults. */
  affects: { ingress: boolean; egress: boolean };
  /** Whether `policyTypes` was written, or defaulted. */
  policyTypesGiven: boolean;
  ingress: readonly Rule[];
  egress: readonly Rule[];
  source: SourceRef;
  /**
   * Set on a policy netpol-check made up under legacy semantics: the default-deny-ingress that
   * stands for a namespace's isolation annotation (`source` points at the annotation).
   */
  synthesized?: string;
}

export function policyKey(p: { namespace: string; name: string }): string {
  return `${p.namespace}/${p.name}`;
}
