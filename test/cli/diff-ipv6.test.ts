import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diff } from '../../src/api/diff.js';
import { loadSnapshot } from '../../src/load/load-snapshot.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

/**
 * A head that mentions IPv6 where the base does not (generate writes `::/0` where a pod is open
 * to IPv6): the IPv6 connections that were always allowed must not show as added.
 */
describe('diff with IPv6 on one side only', () => {
  const head = mkdtempSync(join(tmpdir(), 'netpol-diff6-'));
  cpSync(join(ROOT, 'examples', 'three-tier'), head, { recursive: true });
  // A policy that selects no pod (its namespace has none) but names an IPv6 range.
  writeFileSync(
    join(head, 'ipv6.yaml'),
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: v6, namespace: empty}\nspec:\n  podSelector: {}\n  egress: [{to: [{ipBlock: {cidr: "2001:db8::/32"}}]}]\n',
  );

  it('reports no change in the library', () => {
    const r = diff(loadSnapshot([join(ROOT, 'examples', 'three-tier')]).snapshot, loadSnapshot([head]).snapshot);
    expect(r.changes).toEqual([]);
  });

  it('reports no change on the command line', async () => {
    const r = await runCli(['diff', '--base', 'examples/three-tier', '--head', head, '-o', 'json']);
    expect(JSON.parse(r.out).changes).toEqual([]);
  });
});
