import { SERVICE_NAME_LABEL, type EndpointSlice, type SliceEndpoint, type SlicePort } from '../../model/endpoint-slice.js';
import { PROTOCOLS, type Protocol } from '../../model/policy.js';
import { parseIp } from '../../net/ip-address.js';
import { isRecord, type ObjectReader } from '../object-reader.js';

const ADDRESS_TYPES = ['IPv4', 'IPv6', 'FQDN'] as const;
/** pkg/apis/discovery/validation: maxAddresses. */
const MAX_ADDRESSES = 100;
/** pkg/apis/discovery/validation: maxEndpoints. */
const MAX_ENDPOINTS = 1000;

/**
 * Reads an EndpointSlice as the API server validates it (kubernetes pkg/apis/discovery/validation
 * ValidateEndpointSlice): `addressType` one of IPv4, IPv6, FQDN; at most 1000 endpoints, each
 * with 1 to 100 addresses of that type. A slice the API server would refuse is left out. Its
 * `ports`: a port item whose `port` is not a number from 1 to 65535, or whose `protocol` is not
 * TCP, UDP or SCTP, is left out with a warning; `port` absent is kept (unrestricted).
 */
export function readEndpointSlice(r: ObjectReader): EndpointSlice | undefined {
  if (!r.name || !r.checkName()) return undefined;
  const errorsBefore = r.errors;
  const addressType = r.string(['addressType']);
  if (!addressType || !(ADDRESS_TYPES as readonly string[]).includes(addressType)) {
    r.report('error', ['addressType'], 'invalid-field', addressType ? `addressType "${addressType}" is not one of ${ADDRESS_TYPES.join(', ')}` : 'addressType is required (IPv4, IPv6 or FQDN)');
  }
  const list = r.list(['endpoints']) ?? [];
  if (list.length > MAX_ENDPOINTS) r.report('error', ['endpoints'], 'invalid-field', `${list.length} endpoints; an EndpointSlice holds at most ${MAX_ENDPOINTS}`);
  const endpoints: SliceEndpoint[] = [];
  list.forEach((item, i) => {
    const at = ['endpoints', i];
    const addresses = (r.list([...at, 'addresses']) ?? []).map((_, k) => r.string([...at, 'addresses', k]) ?? '');
    if (addresses.length === 0 || addresses.length > MAX_ADDRESSES) r.report('error', [...at, 'addresses'], 'invalid-field', `an endpoint holds 1 to ${MAX_ADDRESSES} addresses, not ${addresses.length}`);
    if (addressType === 'IPv4' || addressType === 'IPv6') {
      addresses.forEach((a, k) => {
        const ip = parseIp(a);
        if (!ip || ip.family !== (addressType === 'IPv4' ? 4 : 6)) r.report('error', [...at, 'addresses', k], 'invalid-field', `"${a}" is not a valid ${addressType} address`);
      });
    }
    const conditions = isRecord(item) && isRecord(item.conditions) ? item.conditions : {};
    const flag = (name: string): boolean | undefined => (typeof conditions[name] === 'boolean' ? (conditions[name] as boolean) : undefined);
    const ready = flag('ready');
    const serving = flag('serving');
    const terminating = flag('terminating');
    endpoints.push({ addresses, ...(ready !== undefined ? { ready } : {}), ...(serving !== undefined ? { serving } : {}), ...(terminating !== undefined ? { terminating } : {}) });
  });
  const ports: SlicePort[] = [];
  (r.list(['ports']) ?? []).forEach((_, i) => {
    const at = ['ports', i];
    const port = r.get([...at, 'port']);
    const protocol = r.string([...at, 'protocol']) ?? 'TCP';
    const name = r.string([...at, 'name']);
    if (port !== undefined && (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)) {
      r.report('warning', [...at, 'port'], 'invalid-port', 'an EndpointSlice port must be a number from 1 to 65535; port ignored');
      return;
    }
    if (!(PROTOCOLS as readonly string[]).includes(protocol)) {
      r.report('warning', [...at, 'protocol'], 'invalid-port', `protocol "${protocol}" is not one of ${PROTOCOLS.join(', ')}; port ignored`);
      return;
    }
    ports.push({ ...(name ? { name } : {}), ...(typeof port === 'number' ? { port } : {}), protocol: protocol as Protocol });
  });
  if (r.errors > errorsBefore) {
    r.report('error', [], 'object-not-applied', `${r.objectName} has errors and is left out of the analysis (the API server would reject it)`);
    return undefined;
  }
  const serviceName = r.stringMap(['metadata', 'labels'])[SERVICE_NAME_LABEL];
  return { name: r.name, namespace: r.namespace, ...(serviceName ? { serviceName } : {}), addressType: addressType as EndpointSlice['addressType'], endpoints, ports, source: r.at([]) };
}
