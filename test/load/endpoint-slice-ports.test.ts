import { describe, expect, it } from 'vitest';
import { loadTexts } from '../../src/load/load-snapshot.js';

/**
 * An EndpointSlice's `ports` (discovery.k8s.io/v1 EndpointPort: `port` optional, where absent
 * means unrestricted; `protocol` defaulting to TCP). Calico's Felix turns only ports with a number
 * into IP set members (felix/serviceindex/serviceindex.go membersFromEndpointSlice, projectcalico/calico
 * 87c15906f2), so the loader keeps the number when given and the protocol.
 */
describe('EndpointSlice ports', () => {
  const slice = (ports: string) =>
    `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: db-1, namespace: ext, labels: {kubernetes.io/service-name: db}}\naddressType: IPv4\nendpoints:\n- addresses: [10.0.0.1]\nports: ${ports}\n`;

  it('reads name, port and protocol (TCP by default); a port without number is kept', () => {
    const r = loadTexts([{ file: 's.yaml', text: slice('[{name: pg, port: 5432}, {port: 53, protocol: UDP}, {name: any}, {port: 9090, protocol: SCTP}]') }]);
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(r.snapshot.endpointSlices?.[0]?.ports).toEqual([{ name: 'pg', port: 5432, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }, { name: 'any', protocol: 'TCP' }, { port: 9090, protocol: 'SCTP' }]);
  });

  it('leaves out, with a warning on its line, a port that is no number from 1 to 65535 or whose protocol is not TCP, UDP or SCTP', () => {
    const r = loadTexts([{ file: 's.yaml', text: slice('[{port: "x"}, {port: 70000}, {port: 80, protocol: ICMP}, {port: 443}]') }]);
    expect(r.snapshot.endpointSlices?.[0]?.ports).toEqual([{ port: 443, protocol: 'TCP' }]);
    const warnings = r.diagnostics.filter((d) => d.code === 'invalid-port').map((d) => `${d.source?.line}:${d.message}`);
    expect(warnings).toEqual([
      '7:an EndpointSlice port must be a number from 1 to 65535; port ignored',
      '7:an EndpointSlice port must be a number from 1 to 65535; port ignored',
      '7:protocol "ICMP" is not one of TCP, UDP, SCTP; port ignored',
    ]);
  });
});
