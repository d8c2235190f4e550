import { describe, expect, it } from 'vitest';
import { connectivity } from '../../src/engine/connectivity.js';
import { blastRadius } from '../../src/graph/blast-radius.js';
import { exposedToOutside } from '../../src/graph/exposure.js';
import { shortestPath } from '../../src/graph/paths.js';
import { reachGraph } from '../../src/graph/reach-graph.js';
import { mutualReachGroups } from '../../src/graph/strongly-connected.js';
import { analyze, pod, policy } from '../helpers/analyze.js';

/** Small clusters whose answers are known by hand. Pods are `default/<name>[Pod]` at workload level. */
const denyAll = policy('deny-all', 'default', 'podSelector: {}\npolicyTypes: [Ingress, Egress]');
const allow = (from: string, to: string) =>
  policy(`${from}-to-${to}`, 'default', `podSelector: {matchLabels: {app: "${from}"}}\npolicyTypes: [Egress]\negress:\n- to: [{podSelector: {matchLabels: {app: "${to}"}}}]`) +
  '---\n' +
  policy(`${to}-from-${from}`, 'default', `podSelector: {matchLabels: {app: "${to}"}}\npolicyTypes: [Ingress]\ningress:\n- from: [{podSelector: {matchLabels: {app: "${from}"}}}]\n  ports: [{port: 8080}]`);
const graphOf = (...docs: string[]) => reachGraph(connectivity(analyze(...docs).matrix, 'workload'));
const id = (name: string) => `default/${name}[Pod]`;

describe('blast radius', () => {
  const g = graphOf(denyAll, allow('a', 'b'), allow('b', 'c'), allow('c', 'd'), ...['a', 'b', 'c', 'd', 'e'].map((n) => pod(n, { app: n })));
  it('counts hops along allowed connections, breadth first', () => {
    expect(blastRadius(g, id('a'), 1)).toEqual([{ id: id('b'), hops: 1, via: id('a'), connections: 'TCP 8080' }]);
    expect(blastRadius(g, id('a'), 2).map((r) => [r.id, r.hops, r.via])).toEqual([
      [id('b'), 1, id('a')],
      [id('c'), 2, id('b')],
    ]);
    expect(blastRadius(g, id('a'), 10).map((r) => r.id)).toEqual([id('b'), id('c'), id('d')]);
    expect(blastRadius(g, id('e'), 3)).toEqual([]);
    expect(blastRadius(g, id('d'), 3)).toEqual([]);
  });
});

describe('paths between two workloads', () => {
  const g = graphOf(denyAll, allow('a', 'b'), allow('b', 'c'), allow('a', 'c'), allow('c', 'd'), ...['a', 'b', 'c', 'd'].map((n) => pod(n, { app: n })));
  it('finds a shortest chain, or none', () => {
    expect(shortestPath(g, id('a'), id('d'))).toEqual([
      { from: id('a'), to: id('c'), connections: 'TCP 8080' },
      { from: id('c'), to: id('d'), connections: 'TCP 8080' },
    ]);
    expect(shortestPath(g, id('d'), id('a'))).toBeNull();
  });

  it('does not pass through outside address ranges', () => {
    // Both pods reach and are reached from everywhere outside, but not each other.
    const open = graphOf(
      policy('x', 'default', 'podSelector: {matchLabels: {app: x}}\npolicyTypes: [Ingress]\ningress:\n- from: [{ipBlock: {cidr: 0.0.0.0/0}}]'),
      policy('y', 'default', 'podSelector: {matchLabels: {app: "y"}}\npolicyTypes: [Ingress]\ningress:\n- from: [{ipBlock: {cidr: 0.0.0.0/0}}]'),
      pod('x', { app: 'x' }),
      pod('y', { app: 'y' }),
    );
    expect(open.hasEdge(id('x'), '0.0.0.0-255.255.255.255[External]')).toBe(true);
    expect(shortestPath(open, id('x'), id('y'))).toBeNull();
  });
});

describe('mutual reach groups (strongly connected)', () => {
  const g = graphOf(denyAll, allow('x', 'y'), allow('y', 'x'), allow('y', 'z'), allow('p', 'q'), allow('q', 'r'), allow('r', 'p'), ...['x', 'y', 'z', 'p', 'q', 'r'].map((n) => pod(n, { app: n })));
  it('lists groups of two or more, biggest first, without outside ranges', () => {
    expect(mutualReachGroups(g)).toEqual([
      [id('p'), id('q'), id('r')],
      [id('x'), id('y')],
    ]);
  });
});

describe('exposure to outside the cluster', () => {
  const g = graphOf(
    policy('iso', 'default', 'podSelector: {matchLabels: {app: iso}}\npolicyTypes: [Ingress]'),
    policy('partner', 'default', 'podSelector: {matchLabels: {app: partner}}\npolicyTypes: [Ingress]\ningress:\n- from: [{ipBlock: {cidr: 203.0.113.0/24}}]\n  ports: [{port: 443}]'),
    pod('open', { app: 'open' }),
    pod('iso', { app: 'iso' }),
    pod('partner', { app: 'partner' }),
  );
  it('names each exposed workload with the ranges that reach it', () => {
    const e = exposedToOutside(g);
    expect(e.map((x) => x.id)).toEqual([id('open'), id('partner')]);
    expect(e[1]!.from).toEqual([{ range: '203.0.113.0-203.0.113.255[External]', connections: 'TCP 443' }]);
    expect(e[0]!.from.every((f) => f.connections === 'All Connections')).toBe(true);
  });
});

describe('blast radius from outside the cluster', () => {
  // b takes traffic from a only; a is open to everything.
  const g = graphOf(policy('b-from-a', 'default', 'podSelector: {matchLabels: {app: b}}\ningress:\n- from: [{podSelector: {matchLabels: {app: a}}}]'), pod('a', { app: 'a' }), pod('b', { app: 'b' }));
  it('starts at an outside range and steps through the workloads it reaches', () => {
    const outside = '0.0.0.0-255.255.255.255[External]';
    expect(blastRadius(g, outside, 1).map((r) => [r.id, r.hops])).toEqual([[id('a'), 1]]);
    expect(blastRadius(g, outside, 2).map((r) => [r.id, r.hops, r.via])).toEqual([
      [id('a'), 1, outside],
      [id('b'), 2, id('a')],
    ]);
  });
});
