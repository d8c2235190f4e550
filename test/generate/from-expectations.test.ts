import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withProfile } from '../../src/engine/with-profile.js';
import { checkGenerated, flowLinesOf } from '../../src/generate/from-expectations.js';
import { generateFromFlows } from '../../src/generate/from-flows.js';
import { loadTexts } from '../../src/load/load-snapshot.js';
import { parseExpectations } from '../../src/verify/expectations.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const deployment = (name: string, labels: Record<string, string>, port: number) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  selector: {matchLabels: ${JSON.stringify(labels)}}
  template:
    metadata: {labels: ${JSON.stringify(labels)}}
    spec:
      containers: [{name: c, image: x, ports: [{name: main, containerPort: ${port}}]}]
`;

/** Two API versions that share their labels (a selector cannot tell them apart), a frontend and a database. */
const CLUSTER = [deployment('api-v1', { app: 'api' }, 9000), deployment('api-v2', { app: 'api' }, 9000), deployment('frontend', { app: 'frontend' }, 8080), deployment('db', { app: 'db' }, 5432)].join('---\n');

const EXPECTATIONS = `expectations:
  - name: v1 reads the database
    from: api-v1
    to: db:5432
    expect: allow
  - name: v2 must not
    from: api-v2
    to: db
    expect: deny
  - name: the frontend calls v1
    from: frontend
    to: api-v1:9000
    expect: allow
  - name: the frontend never calls v1 (contradicts line 10)
    from: frontend
    to: api-v1:9000
    expect: deny
  - name: the database is isolated
    isolated: both
    pods: db
`;

function run() {
  const snapshot = withProfile(loadTexts([{ file: 'cluster.yaml', text: CLUSTER }]).snapshot, 'generic');
  const parsed = parseExpectations('expect.yaml', EXPECTATIONS);
  expect(parsed.problems).toEqual([]);
  const made = generateFromFlows(snapshot, flowLinesOf(parsed.expectations), { dns: false });
  expect(made.problems).toEqual([]);
  return { made, outcome: checkGenerated(made.generation!.after, parsed.expectations, made.flows, 'generic') };
}

describe('generate --from an expectations file (issue #23 acceptance: conflicts with both positions)', () => {
  it('allow lines are the required flows, proven', () => {
    const { made } = run();
    expect(made.generation!.proof.missing).toEqual([]);
    // api-v2 gets what api-v1 needs: the extra connection, and why.
    expect(made.generation!.proof.extra).toEqual([
      expect.objectContaining({ src: 'shop/api-v2[Deployment]', dst: 'shop/db[Deployment]', why: 'shop/api-v1[Deployment] and shop/api-v2[Deployment] have the same labels: no selector tells them apart' }),
      expect.objectContaining({ src: 'shop/frontend[Deployment]', dst: 'shop/api-v2[Deployment]', why: 'shop/api-v1[Deployment] and shop/api-v2[Deployment] have the same labels: no selector tells them apart' }),
    ]);
  });

  it('a deny line an allow line breaks is a conflict naming both lines', () => {
    const { outcome } = run();
    expect(outcome.conflicts.map((c) => [`${c.deny.file}:${c.deny.line}`, `${c.allow.file}:${c.allow.line}`, c.pair, c.why])).toEqual([
      ['expect.yaml:6', 'expect.yaml:2', 'shop/api-v2[Deployment] → shop/db[Deployment]', 'shop/api-v1[Deployment] and shop/api-v2[Deployment] have the same labels: no selector tells them apart'],
      ['expect.yaml:14', 'expect.yaml:10', 'shop/frontend[Deployment] → shop/api-v1[Deployment]', 'the allow line asks for this very pair'],
    ]);
    // The isolation line holds: every namespace with a flow gets a default deny.
    expect(outcome.unmet).toEqual([]);
  });

  it('the command lists the conflicts and exits 1', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'generate-'));
    writeFileSync(join(tmp, 'cluster.yaml'), CLUSTER);
    writeFileSync(join(tmp, 'expect.yaml'), EXPECTATIONS);
    const r = await runCli(['generate', '-f', join(tmp, 'cluster.yaml'), '--from', join(tmp, 'expect.yaml'), '--no-dns']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('required: 2 flows, all allowed; extra: 2');
    expect(r.err).toContain(`conflicts: 2\n  ${join(tmp, 'expect.yaml')}:6:5 "v2 must not" is broken by ${join(tmp, 'expect.yaml')}:2:5 (api-v1 → db:5432): shop/api-v2[Deployment] → shop/db[Deployment]: `);
  });

  it('the three-tier expectations are met by the policies generated from them', async () => {
    const r = await runCli(['generate', '-f', join(ROOT, 'examples/three-tier'), '--from', join(ROOT, 'examples/three-tier/expectations.yaml'), '--output-dir', 'out']);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain('required: 8 flows, all allowed; extra: 0');
    expect(Object.keys(r.files).sort()).toEqual(['out/ingress-nginx.yaml', 'out/shop.yaml']);
  });
});
