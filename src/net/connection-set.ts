import { PROTOCOLS, type Protocol } from '../model/policy.js';
import { portText } from './port-text.js';
import { PortSet } from './port-set.js';

/** Allowed ports per protocol. Immutable. */
export class ConnectionSet {
  static readonly NONE = new ConnectionSet({ TCP: PortSet.EMPTY, UDP: PortSet.EMPTY, SCTP: PortSet.EMPTY });
  static readonly ALL = new ConnectionSet({ TCP: PortSet.ALL, UDP: PortSet.ALL, SCTP: PortSet.ALL });

  /** `toString()`, made once: a matrix prints the same set on millions of lines (an ES private field: not serialised). */
  #text: string | undefined;

  private constructor(private readonly byProtocol: Readonly<Record<Protocol, PortSet>>) {}

  static of(parts: Partial<Record<Protocol, PortSet>>): ConnectionSet {
    return new ConnectionSet({
      TCP: parts.TCP ?? PortSet.EMPTY,
      UDP: parts.UDP ?? PortSet.EMPTY,
      SCTP: parts.SCTP ?? PortSet.EMPTY,
    });
  }

  ports(protocol: Protocol): PortSet {
    return this.byProtocol[protocol];
  }

  has(protocol: Protocol, port: number): boolean {
    return this.byProtocol[protocol].has(port);
  }

  isEmpty(): boolean {
    return PROTOCOLS.every((p) => this.byProtocol[p].isEmpty());
  }

  isAll(): boolean {
    return PROTOCOLS.every((p) => this.byProtocol[p].isAll());
  }

  union(other: ConnectionSet): ConnectionSet {
    return this.combine(other, (a, b) => a.union(b));
  }

  intersect(other: ConnectionSet): ConnectionSet {
    return this.combine(other, (a, b) => a.intersect(b));
  }

  subtract(other: ConnectionSet): ConnectionSet {
    return this.combine(other, (a, b) => a.subtract(b));
  }

  equals(other: ConnectionSet): boolean {
    return PROTOCOLS.every((p) => this.byProtocol[p].equals(other.byProtocol[p]));
  }

  /**
   * `All Connections`, `No Connections`, or `SCTP 1-9002,TCP 80,UDP 53` (protocols sorted, as
   * np-guard/netpol-analyzer prints them).
   */
  toString(): string {
    return (this.#text ??= this.text());
  }

  private text(): string {
    if (this.isAll()) return 'All Connections';
    if (this.isEmpty()) return 'No Connections';
    return [...PROTOCOLS]
      .sort()
      .filter((p) => !this.byProtocol[p].isEmpty())
      .map((p) => portText(p, this.byProtocol[p].toString()))
      .join(',');
  }

  private combine(other: ConnectionSet, f: (a: PortSet, b: PortSet) => PortSet): ConnectionSet {
    return new ConnectionSet({
      TCP: f(this.byProtocol.TCP, other.byProtocol.TCP),
      UDP: f(this.byProtocol.UDP, other.byProtocol.UDP),
      SCTP: f(this.byProtocol.SCTP, other.byProtocol.SCTP),
    });
  }
}
