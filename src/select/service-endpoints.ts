import type { Labels } from '../model/labels.js';
import type { Protocol } from '../model/policy.js';
import type { ContainerPort, ServicePort } from '../model/snapshot.js';

/**
 * Whether a Service with a selector has the pod among its endpoints: the endpoint controllers
 * pick the pods of the Service's namespace whose labels hold every pair of the selector
 * (Kubernetes docs, "Services with selectors").
 */
export function serviceSelectsPod(service: { namespace: string; selector: Labels }, pod: { namespace: string; labels: Labels }): boolean {
  if (pod.namespace !== service.namespace) return false;
  for (const [k, v] of Object.entries(service.selector)) if (pod.labels[k] !== v) return false;
  return true;
}

/** One port a pod serves for a Service: the Service's `port`, its `targetPort` as written, and the container port it resolves to. */
export interface ServiceEndpointPort {
  port: number;
  protocol: Protocol;
  targetPort: number | string;
  resolved: number;
}

/**
 * The ports an endpoint pod has in the Service's EndpointSlices: each Service port's
 * `targetPort`, a number as it is, a name looked up among the pod's container ports of the
 * Service port's protocol (the first that matches: Kubernetes `podutil.FindPort`); a Service port
 * whose name the pod lacks is left out for that pod.
 */
export function serviceEndpointPorts(ports: readonly ServicePort[], containerPorts: readonly ContainerPort[]): ServiceEndpointPort[] {
  const out: ServiceEndpointPort[] = [];
  for (const sp of ports) {
    if (typeof sp.targetPort === 'number') {
      out.push({ port: sp.port, protocol: sp.protocol, targetPort: sp.targetPort, resolved: sp.targetPort });
      continue;
    }
    const cp = containerPorts.find((c) => c.name === sp.targetPort && c.protocol === sp.protocol);
    if (cp) out.push({ port: sp.port, protocol: sp.protocol, targetPort: sp.targetPort, resolved: cp.port });
  }
  return out;
}
