import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typedNetworkPolicy } from '../../../src/load/kinds/network-policy-typed.js';
import { parseDocuments } from '../../../src/load/parse-documents.js';
import { prepareForCreate, quickValidNetworkPolicy, validateNetworkPolicy, type NetworkPolicyInput } from '../../../src/load/validation/index.js';
import { CORPUS } from '../../conformance/corpus.js';
import { onlyKnownFields } from '../../../src/load/schemas/known-fields.js';
import { validateNetworkPolicyShape } from '../../../src/load/validate.js';
import { ROOT } from '../../helpers/run-cli.js';

/**
 * The quick look may only say "valid" where the full transcription of ValidateNetworkPolicy
 * finds no error (it may say "not sure" anywhere: the full check then decides).
 */
const withDefaults = (np: NetworkPolicyInput): NetworkPolicyInput => ({ ...np, metadata: prepareForCreate(np.metadata, true, 'default') });
/** The namespace the object is created in: its own, else the request's (default). */
const namespaceOf = (raw: Record<string, unknown>): string => {
  const ns = (raw.metadata as Record<string, unknown> | null | undefined)?.namespace;
  return typeof ns === 'string' && ns !== '' ? ns : 'default';
};

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.(ya?ml|json)$/.test(n) ? [p] : [];
  });
}

describe('quickValidNetworkPolicy', () => {
  it('says valid only where the full validation finds nothing, on every policy of the corpus and the examples, and says it for most', () => {
    let quick = 0;
    let total = 0;
    for (const file of [...yamlFiles(CORPUS), ...yamlFiles(join(ROOT, 'examples'))]) {
      for (const o of parseDocuments(file, readFileSync(file, 'utf8')).objects) {
        if (o.kind !== 'NetworkPolicy' || o.apiVersion !== 'networking.k8s.io/v1') continue;
        const np = withDefaults(typedNetworkPolicy(o.value));
        total++;
        if (quickValidNetworkPolicy(o.value, namespaceOf(o.value))) {
          quick++;
          expect(validateNetworkPolicy(np), `${file}: ${o.value.metadata && JSON.stringify(o.value.metadata)}`).toEqual([]);
          if (onlyKnownFields(o.value)) expect(validateNetworkPolicyShape(o.value), file).toEqual([]);
        }
      }
    }
    expect(total).toBeGreaterThan(300);
    expect(quick / total).toBeGreaterThan(0.5);
  });

  // Random policies from a vocabulary of valid and invalid pieces (the rules' edges).
  /** Mostly valid pieces (so that the quick look says valid often), sometimes one off an edge. */
  const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>): fc.Arbitrary<T> => fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: bad, weight: 1 });
  const name = mostly(fc.constantFrom('web', 'a.b', 'kube-system', 'x'.repeat(63)), fc.constantFrom('A', '-x', '', 'x'.repeat(64), 'x'.repeat(254), 'ns_1'));
  const key = mostly(fc.constantFrom('app', 'app.kubernetes.io/name', 'x'.repeat(63), 'Example.com/x'.toLowerCase()), fc.constantFrom('bad key', '', '-x', 'a/b/c', '/x', 'x'.repeat(64), 'EXAMPLE.com/x', 'Example.com/x'));
  const value = mostly(fc.constantFrom('web', '', 'A_b.c', 'x'.repeat(63)), fc.constantFrom('has space', 'x'.repeat(64), '-x'));
  const labels = fc.dictionary(key, value, { maxKeys: 3 });
  const selector = fc.record(
    {
      matchLabels: labels,
      matchExpressions: fc.array(fc.record({ key, operator: mostly(fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist'), fc.constantFrom('in', '')), values: fc.option(fc.array(value, { maxLength: 2 }), { nil: undefined }) }, { requiredKeys: ['key', 'operator'] }), { maxLength: 2 }),
    },
    { requiredKeys: [] },
  );
  const port = fc.record(
    {
      protocol: mostly(fc.constantFrom('TCP', 'UDP', 'SCTP'), fc.constantFrom('tcp', 'ICMP', '')),
      port: mostly(fc.constantFrom<number | string>(1, 80, 65535, 'http', 'x'.repeat(15)), fc.constantFrom<number | string>(0, 65536, 1.5, -1, 'HTTP', '80', 'a--b', '-a', 'x'.repeat(16), '')),
      endPort: mostly(fc.constantFrom(80, 90, 65535), fc.constantFrom(0, 65536, 79)),
    },
    { requiredKeys: [] },
  );
  // CIDRs around the quick ipBlock look's edges: canonical IPv4 (host bits, /0, /32), leading
  // zeros, IPv6 and IPv4-mapped IPv6 (left to the full check), excepts inside, equal, outside.
  const cidr = fc.constantFrom('10.0.0.0/8', '10.1.2.3/16', '0.0.0.0/0', '255.255.255.255/32', '192.168.1.0/24', '10.0.0.0/9', 'x', '', '010.0.0.0/8', '10.0.0.0/33', '10.0.0.0/08', '10.0.0.0', '2001:db8::/64', '::ffff:10.0.0.0/104', '256.0.0.0/8');
  const except = fc.constantFrom('10.1.0.0/16', '10.0.0.0/8', '10.1.2.0/24', '10.1.2.3/32', '192.168.0.0/16', '192.168.1.128/25', '11.0.0.0/16', '10.128.0.0/9', '10.0.0.0/7', '0.0.0.0/1', 'x', '::ffff:10.1.0.0/112', '10.01.0.0/16');
  const ipBlock = fc.record({ cidr, except: fc.option(fc.array(except, { maxLength: 2 }), { nil: undefined }) }, { requiredKeys: ['cidr'] });
  const peer = fc.record(
    { podSelector: selector, namespaceSelector: selector, ipBlock },
    { requiredKeys: [] },
  );
  const rule = (peers: 'from' | 'to') => fc.record({ ports: fc.array(port, { maxLength: 2 }), [peers]: fc.array(peer, { maxLength: 2 }) } as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: [] });
  const policy = fc.record({
    metadata: fc.oneof(
      { arbitrary: fc.record({ name, namespace: name, labels, annotations: fc.dictionary(key, value, { maxKeys: 2 }) }, { requiredKeys: ['name'] }), weight: 6 },
      { arbitrary: fc.record({ name, namespace: name, generateName: name, finalizers: fc.array(name, { maxLength: 1 }) }, { requiredKeys: ['name'] }), weight: 1 },
    ),
    spec: fc.record(
      {
        podSelector: selector,
        policyTypes: fc.array(mostly(fc.constantFrom('Ingress', 'Egress'), fc.constantFrom('ingress', '')), { maxLength: 3 }),
        ingress: fc.array(rule('from'), { maxLength: 2 }),
        egress: fc.array(rule('to'), { maxLength: 2 }),
      },
      { requiredKeys: ['podSelector'] },
    ),
  });

  /** Raw manifests: the typed pieces above, sometimes with a null or an unexpected value in a field, and metadata fields validation does not look at. */
  const withOddities = (p: unknown): fc.Arbitrary<unknown> =>
    fc.tuple(fc.nat(40), fc.constantFrom<unknown>(null, 1, 'x', [], {}, true)).map(([at, odd]) => {
      // Replace the at-th value met in a depth-first walk with odd (40+: leave it as it is).
      let i = 0;
      const walk = (v: unknown): unknown => {
        if (i++ === at) return odd;
        if (Array.isArray(v)) return v.map(walk);
        if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
        return v;
      };
      return walk(p);
    });
  const rawPolicy = policy.chain((p) =>
    fc.oneof(
      { arbitrary: fc.constant<unknown>(p), weight: 3 },
      { arbitrary: withOddities(p), weight: 2 },
      { arbitrary: fc.constant<unknown>({ ...p, metadata: { ...p.metadata, uid: 'u-1', resourceVersion: '7', creationTimestamp: null } }), weight: 1 },
      { arbitrary: fc.constant<unknown>({ ...p, metadata: { ...p.metadata, namespace: undefined } }), weight: 1 },
    ),
  );

  /** A field the schema does not know, added to the at-th object met in a depth-first walk. */
  const withUnknownField = (p: unknown): fc.Arbitrary<unknown> =>
    fc.tuple(fc.nat(30), fc.constantFrom('extra', 'podselector', 'port', 'from', 'to', 'status', 'spec')).map(([at, key]) => {
      let i = 0;
      const walk = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(walk);
        if (typeof v !== 'object' || v === null) return v;
        const out = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
        return i++ === at ? { ...out, [key]: {} } : out;
      };
      return walk(p);
    });
  const manifest = rawPolicy.chain((p) => {
    const whole = typeof p === 'object' && p !== null && !Array.isArray(p) ? { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', ...p } : p;
    return fc.oneof({ arbitrary: fc.constant<unknown>(whole), weight: 2 }, { arbitrary: withUnknownField(whole), weight: 1 }, { arbitrary: withOddities(whole), weight: 1 });
  });

  it('with only known fields, a policy the quick look passes passes the schema too (so the schema is skipped)', () => {
    let skipped = 0;
    fc.assert(
      fc.property(manifest, (raw) => {
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return;
        const rec = raw as Record<string, unknown>;
        if (!quickValidNetworkPolicy(rec, namespaceOf(rec)) || !onlyKnownFields(rec)) return;
        skipped++;
        expect(validateNetworkPolicyShape(rec)).toEqual([]);
      }),
      { numRuns: 20_000, seed: 16 },
    );
    expect(skipped).toBeGreaterThan(50);
  });

  it('never says valid where the full validation finds an error, on random policies', () => {
    let quick = 0;
    fc.assert(
      fc.property(rawPolicy, (raw) => {
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return;
        const rec = raw as Record<string, unknown>;
        if (!quickValidNetworkPolicy(rec, namespaceOf(rec))) return;
        quick++;
        expect(validateNetworkPolicy(withDefaults(typedNetworkPolicy(rec)))).toEqual([]);
      }),
      { numRuns: 20_000, seed: 16 },
    );
    expect(quick).toBeGreaterThan(50); // the property is not vacuous
  });
});
