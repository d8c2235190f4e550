import type { Protocol } from './policy.js';
import type { SourceRef } from './source.js';

/** One endpoint of an EndpointSlice: its addresses and the conditions that decide whether it is a backend. */
export interface SliceEndpoint {
  addresses: readonly string[];
  /** `conditions.ready`; absent means unknown, which consumers take as ready (discovery.k8s.io/v1 EndpointConditions). */
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
}

/** One item of an EndpointSlice's `ports`: `port` absent means unrestricted (Calico takes it as no port); `protocol` defaults to TCP (discovery.k8s.io/v1 EndpointPort). */
export interface SlicePort {
  name?: string;
  port?: number;
  protocol: Protocol;
}

/**
 * A `discovery.k8s.io/v1` EndpointSlice: the addresses behind a Service, which Services without a
 * selector get from whoever manages them (not from pods). `serviceName` is its
 * `kubernetes.io/service-name` label, which ties it to the Service.
 */
export interface EndpointSlice {
  name: string;
  namespace: string;
  serviceName?: string;
  addressType: 'IPv4' | 'IPv6' | 'FQDN';
  endpoints: readonly SliceEndpoint[];
  ports: readonly SlicePort[];
  source: SourceRef;
}

/** The label that ties an EndpointSlice to its Service (discovery.k8s.io/v1 LabelServiceName). */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
