import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runBinary } from '../helpers/run-cli.js';

/**
 * `can --cache-dir DIR` (docs/snapshot-cache.md), run as a user runs it (the built bundle, whose
 * files name the build): the first run loads and keeps the snapshot, the next ones read it back;
 * what is printed and the exit code are the same every time.
 */
const temp = mkdtempSync(join(tmpdir(), 'npc-cachecli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const entries = (cache: string): string[] => readdirSync(join(cache, 'netpol-check', 'snapshots-v1')).filter((n) => n !== 'stamps');

describe('can --cache-dir', () => {
  const questions: [string, string[]][] = [
    ['three-tier', ['can', 'frontend', 'reach', 'db:5432', '-n', 'shop']],
    ['three-tier', ['can', 'shop/frontend', 'reach', 'shop/backend', '-o', 'json']],
    ['multi-namespace', ['can', 'prometheus', 'reach', 'checkout']],
    ['multi-namespace', ['can', 'app=prometheus', 'reach', '10.0.0.1']],
    ['calico', ['can', 'api', 'reach', 'db:5432', '-v']],
    ['calico', ['can', 'frontend', 'reach', 'shop/api', '-o', 'yaml']],
    ['cilium', ['can', 'api', 'reach', 'sandbox/experiment']],
    ['cilium', ['can', 'nosuch', 'reach', 'db']],
  ];
  it.each(questions)('examples/%s %j: the same output and exit code cold and warm', (example, argv) => {
    const cache = mkdtempSync(join(temp, 'c-'));
    const args = [...argv, '-f', join('examples', example), '--cache-dir', cache];
    const plain = runBinary([...argv, '-f', join('examples', example)]);
    const cold = runBinary(args);
    expect(entries(cache)).toHaveLength(1);
    const warm = runBinary(args);
    for (const r of [cold, warm]) {
      expect(r.out).toBe(plain.out);
      expect(r.err).toBe(plain.err);
      expect(r.code).toBe(plain.code);
    }
  });

  it.each(['three-tier', 'calico', 'cilium'])('verify examples/%s/expectations.yaml: the same cold and warm', (example) => {
    const cache = mkdtempSync(join(temp, 'c-'));
    const argv = ['verify', join('examples', example, 'expectations.yaml'), '-f', join('examples', example)];
    const plain = runBinary(argv);
    for (const r of [runBinary([...argv, '--cache-dir', cache]), runBinary([...argv, '--cache-dir', cache])]) {
      expect(r.out).toBe(plain.out);
      expect(r.err).toBe(plain.err);
      expect(r.code).toBe(plain.code);
    }
    expect(entries(cache)).toHaveLength(1);
  });

  it('verify with from/to lines only reads their namespaces, and answers as without the cache', () => {
    const cache = mkdtempSync(join(temp, 'c-'));
    const file = join(temp, 'reach-only.yaml');
    writeFileSync(file, 'apiVersion: netpol-check.dev/v1\nkind: Expectations\nexpectations:\n  - from: frontend\n    to: svc/api:80\n    expect: allow\n  - from: shop/frontend\n    to: shop/db\n    expect: deny\n');
    const argv = ['verify', file, '-f', join('examples', 'three-tier')];
    const plain = runBinary(argv);
    expect(plain.code).toBe(0);
    for (const r of [runBinary([...argv, '--cache-dir', cache]), runBinary([...argv, '--cache-dir', cache])]) {
      expect(r.out).toBe(plain.out);
      expect(r.code).toBe(plain.code);
    }
  });

  it('loads again, saying so, when an entry is damaged', () => {
    const cache = mkdtempSync(join(temp, 'c-'));
    const args = ['can', 'frontend', 'reach', 'db:5432', '-n', 'shop', '-f', join(ROOT, 'examples', 'three-tier'), '--cache-dir', cache];
    const cold = runBinary(args);
    const entry = join(cache, 'netpol-check', 'snapshots-v1', entries(cache)[0]!);
    for (const f of readdirSync(entry)) if (f.startsWith('part-')) writeFileSync(join(entry, f), 'not v8');
    const damaged = runBinary(args);
    expect(damaged.out).toBe(cold.out);
    expect(damaged.code).toBe(cold.code);
    expect(damaged.err).toContain('note: the snapshot cache entry could not be read; loading the inputs again');
  });

  it('reads standard input without the cache', () => {
    const cache = mkdtempSync(join(temp, 'c-'));
    const manifest = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a, labels: {app: a}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b, labels: {app: b}}\n';
    const r = runBinary(['can', 'a', 'reach', 'b', '-f', '-', '--cache-dir', cache], manifest);
    expect(r.code).toBe(0);
    expect(readdirSync(cache)).toEqual([]);
  });
});
