import { describe, expect, it } from 'vitest';
import { formatFieldError, formatFieldPath, type FieldError } from '../../../src/load/validation/field-error.js';
import { validateNetworkPolicyPort } from '../../../src/load/validation/network-policy-port.js';
import type { NetworkPolicyPortInput } from '../../../src/load/validation/network-policy-types.js';

const NP = 'networking validation_test.go TestValidateNetworkPolicy';
const P = 'networking validation.go ValidateNetworkPolicyPort';
const brief = (errs: FieldError[]) => errs.map((e) => [formatFieldPath(e.path), e.type, e.message]);
const RANGE = 'must be between 1 and 65535, inclusive';

describe('ValidateNetworkPolicyPort (Kubernetes 1.32)', () => {
  it.each([
    { port: { port: 80 }, source: NP }, { port: { protocol: 'TCP' }, source: NP }, { port: { protocol: 'TCP', port: 443 }, source: NP },
    { port: { protocol: 'UDP', port: 'dns' }, source: NP }, { port: { protocol: 'SCTP', port: 7777 }, source: NP },
    { port: { port: 32000, endPort: 32768 }, source: NP }, { port: { protocol: 'TCP', port: 32768, endPort: 32768 }, source: NP },
    { port: {}, source: `${NP} setIngressEmptyPorts` }, { port: { port: 1, endPort: 65535 }, source: P },
  ] as { port: NetworkPolicyPortInput; source: string }[])('valid: $port ($source)', ({ port }) => {
    expect(validateNetworkPolicyPort(port, ['ports', 0])).toEqual([]);
  });

  it.each([
    { port: { protocol: 'ICMP', port: 80 }, errors: [['ports[0].protocol', 'NotSupported', 'supported values: "TCP", "UDP", "SCTP"']], source: `${NP} "invalid ingress.ports.protocol"` },
    { port: { protocol: 'tcp' }, errors: [['ports[0].protocol', 'NotSupported', 'supported values: "TCP", "UDP", "SCTP"']], source: `${P} (case-sensitive)` },
    { port: { protocol: '' }, errors: [['ports[0].protocol', 'NotSupported', 'supported values: "TCP", "UDP", "SCTP"']], source: `${P} (a given empty protocol)` },
    { port: { protocol: 'TCP', port: 123456789 }, errors: [['ports[0].port', 'Invalid', RANGE]], source: `${NP} "invalid ingress.ports.port (int)"` },
    { port: { port: 0 }, errors: [['ports[0].port', 'Invalid', RANGE]], source: `${P} (port 0 written explicitly)` },
    { port: { protocol: 'TCP', port: '!@#$' }, errors: [['ports[0].port', 'Invalid', 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'], ['ports[0].port', 'Invalid', 'must contain at least one letter (a-z)']], source: `${NP} "invalid ingress.ports.port (str)"` },
    { port: { port: '80' }, errors: [['ports[0].port', 'Invalid', 'must contain at least one letter (a-z)']], source: `${P} (a quoted number is a name)` },
    { port: { protocol: 'UDP', port: 35000, endPort: 32768 }, errors: [['ports[0].endPort', 'Invalid', 'must be greater than or equal to `port`']], source: `${NP} "port is greater than endPort"` },
    { port: { protocol: 'UDP', port: 'dns', endPort: 32768 }, errors: [['ports[0].endPort', 'Invalid', 'may not be specified when `port` is non-numeric']], source: `${NP} "endPort defined with named/string port"` },
    { port: { protocol: 'TCP', endPort: 32768 }, errors: [['ports[0].endPort', 'Invalid', 'may not be specified when `port` is not specified']], source: `${NP} "endPort defined without port defined"` },
    { port: { protocol: 'TCP', port: 30000, endPort: 65537 }, errors: [['ports[0].endPort', 'Invalid', RANGE]], source: `${NP} "invalid endport range defined"` },
    { port: { port: 10, endPort: 0 }, errors: [['ports[0].endPort', 'Invalid', 'must be greater than or equal to `port`'], ['ports[0].endPort', 'Invalid', RANGE]], source: `${P} (both endPort errors)` },
    { port: { protocol: 'ICMP', port: 0, endPort: 70000 }, errors: [['ports[0].protocol', 'NotSupported', 'supported values: "TCP", "UDP", "SCTP"'], ['ports[0].port', 'Invalid', RANGE], ['ports[0].endPort', 'Invalid', RANGE]], source: `${P} (all reported, in order)` },
  ] as { port: NetworkPolicyPortInput; errors: string[][]; source: string }[])('invalid: $port ($source)', ({ port, errors }) => {
    expect(brief(validateNetworkPolicyPort(port, ['ports', 0]))).toEqual(errors);
  });

  it('formats a NotSupported protocol as Go does', () => {
    const [e] = validateNetworkPolicyPort({ protocol: 'ICMP' }, ['spec', 'ingress', 0, 'ports', 0]);
    expect(formatFieldError(e!)).toBe('spec.ingress[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"');
  });
});
