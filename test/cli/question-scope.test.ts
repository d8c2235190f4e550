import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateObjects } from '../../bench/generate.js';
import { runBinary } from '../helpers/run-cli.js';

/**
 * `can` and `verify` on a big `kubectl get -o json` list read only the pods and workloads of
 * the namespaces the question gives (cli/load.ts loadForQuestion): what they print must be what
 * a load of everything prints (a first `--cache-dir` run loads everything), and stderr says
 * how much was left unread. Issue 24: `can` at 100,000 pods in under 2 s cold.
 */
const temp = mkdtempSync(join(tmpdir(), 'npc-scopecli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

let dump = '';
let broken = '';
beforeAll(() => {
  const objects = generateObjects({ pods: 2000, seed: 3 });
  dump = join(temp, 'cluster.json');
  writeFileSync(dump, JSON.stringify({ apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } }, null, 4));
  // The same with a pod the API server refuses, in a namespace the questions do not name.
  const bad = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'Bad_Name', namespace: 'identity-prod-2' }, spec: { containers: [{ name: 'c' }] } };
  broken = join(temp, 'broken.json');
  writeFileSync(broken, JSON.stringify({ apiVersion: 'v1', items: [...objects, bad], kind: 'List', metadata: { resourceVersion: '' } }, null, 4));
});

/** What a load of everything prints for `argv`: the first run with a fresh cache loads everything. */
const wholeLoad = (argv: string[]): { code: number; out: string; err: string } => runBinary([...argv, '--cache-dir', mkdtempSync(join(temp, 'c-'))]);

const NOTE = /^note: read only the pods, workloads and NetworkPolicies of namespaces? [^\n]* \(what the question needs\) from the big JSON list\(s\); \d+ elsewhere were not read or checked \(netpol-check lint checks every object\)\n/;

describe('can and verify read only the namespaces a question gives from a big JSON list', () => {
  it.each([
    [['can', 'payments-prod-0/web-0', 'reach', 'search-prod-1/api-0:8080']],
    [['can', 'web-0', 'reach', 'api-0', '-n', 'search-prod-1', '-v']],
    [['can', 'payments-prod-0/deploy/web-0', 'reach', 'search-prod-1/api-0', '-o', 'json']],
    [['can', 'tier=web', 'reach', 'search-prod-1/api-0:8080', '-n', 'payments-prod-0', '-o', 'yaml']],
  ])('%j: what a load of everything prints, and a note on stderr', (argv) => {
    const args = [...argv, '-f', dump];
    const scoped = runBinary(args);
    const whole = wholeLoad(args);
    expect(scoped.out).toBe(whole.out);
    expect(scoped.code).toBe(whole.code);
    expect(scoped.err).toMatch(NOTE);
    expect(scoped.err.replace(NOTE, '')).toBe(whole.err);
  });

  it('a name not found where the question says reads everything: the did-you-mean looks everywhere', () => {
    const args = ['can', 'web-0', 'reach', 'nosuch-0', '-n', 'payments-prod-0', '-f', dump];
    const scoped = runBinary(args);
    const whole = wholeLoad(args);
    expect(scoped).toEqual(whole);
    expect(scoped.err).not.toMatch(NOTE);
  });

  it('a name without a namespace reads everything', () => {
    const args = ['can', 'web-0-9e5c36-0', 'reach', 'api-0-f3de9db-0', '-f', dump];
    const scoped = runBinary(args);
    expect(scoped).toEqual(wholeLoad(args));
    expect(scoped.err).not.toMatch(NOTE);
  });

  it('verify: from/to lines with namespaces read only theirs; its report is the whole load\'s', () => {
    const file = join(temp, 'expect.yaml');
    writeFileSync(file, 'apiVersion: netpol-check.dev/v1\nkind: Expectations\nexpectations:\n  - from: payments-prod-0/web-0\n    to: search-prod-1/api-0:8080\n    expect: deny\n  - from: search-prod-1/web-0\n    to: search-prod-1/api-0:http\n    expect: allow\n');
    const args = ['verify', file, '-f', dump];
    const scoped = runBinary(args);
    const whole = wholeLoad(args);
    expect(scoped.out).toBe(whole.out);
    expect(scoped.code).toBe(whole.code);
    expect(scoped.err).toMatch(NOTE);
  });

  it('an error in a namespace the question does not read is not reported: the answer does not stand on it (lint reports it)', () => {
    const args = ['can', 'payments-prod-0/web-0', 'reach', 'search-prod-1/api-0:8080', '-f', broken];
    const scoped = runBinary(args);
    const whole = wholeLoad(args);
    expect(whole.code).toBe(2);
    expect(whole.out).toMatch(/^PARTIAL: 1 input error/);
    expect(scoped.out.replaceAll(broken, dump)).toBe(runBinary(['can', 'payments-prod-0/web-0', 'reach', 'search-prod-1/api-0:8080', '-f', dump]).out);
    expect(scoped.code).not.toBe(2);
    expect(scoped.err).toMatch(NOTE);
    expect(runBinary(['lint', '-f', broken]).out).toContain('Bad_Name');
  });
});
