import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'netpol-verify-'));
let n = 0;
const file = (text: string) => {
  const f = join(dir, `e${n++}.yaml`);
  writeFileSync(f, text);
  return f;
};
const verify = (text: string, snapshot = 'examples/three-tier') => runCli(['verify', file(text), '-f', snapshot, '--format', 'json']);
const results = async (text: string) => {
  const r = await verify(text);
  return { code: r.code, results: JSON.parse(r.out).results.map((x: { passed: boolean; problems: string[] }) => [x.passed, x.problems]) };
};

describe('netpol-check verify', () => {
  it('the shipped expectations hold for examples/three-tier', async () => {
    const r = await runCli(['verify', 'examples/three-tier/expectations.yaml', '-f', 'examples/three-tier']);
    expect(r.err).toBe('');
    expect(r.out.trim().split('\n').pop()).toBe('8 passed, 0 failed');
    expect(r.code).toBe(0);
  });

  it.each([
    ['allow, passing', 'expectations:\n- {from: api, to: db:5432, expect: allow}\n', true, []],
    ['allow, failing', 'expectations:\n- {from: api, to: db:6379, expect: allow}\n', false, ['shop/api[Deployment] cannot reach shop/db[StatefulSet] on TCP 6379']],
    ['deny, passing', 'expectations:\n- {from: frontend, to: db, expect: deny}\n', true, []],
    ['deny, failing', 'expectations:\n- {from: api, to: db, expect: deny}\n', false, ['shop/api[Deployment] can reach shop/db[StatefulSet] on TCP 5432']],
    ['namespace to namespace, passing', "expectations:\n- {from: '*', fromNamespace: shop, to: '*', toNamespace: ingress-nginx, expect: deny}\n", true, []],
    ['namespace to namespace, failing', "expectations:\n- {from: '*', fromNamespace: shop, to: '*', toNamespace: kube-system, expect: deny}\n", false, [
      'shop/frontend[Deployment] can reach kube-system/coredns[Deployment] on TCP 53,UDP 53',
      'shop/api[Deployment] can reach kube-system/coredns[Deployment] on TCP 53,UDP 53',
      'shop/db[StatefulSet] can reach kube-system/coredns[Deployment] on TCP 53,UDP 53',
    ]],
    ['only these, passing', 'expectations:\n- {to: db:5432, onlyFrom: [api]}\n', true, []],
    ['only these, failing', 'expectations:\n- {to: api, onlyFrom: [ingress-nginx-controller]}\n', false, ['shop/frontend[Deployment] also reaches shop/api[Deployment] on TCP 9000']],
    ['only these, outside addresses count', 'expectations:\n- {to: ingress-nginx-controller:80, onlyFrom: [frontend, api, db, coredns]}\n', false, ['0.0.0.0-203.0.112.255 also reaches ingress-nginx/ingress-nginx-controller[Deployment] on TCP 80', '203.0.113.0-203.0.113.255 also reaches ingress-nginx/ingress-nginx-controller[Deployment] on TCP 80', '203.0.114.0-255.255.255.255 also reaches ingress-nginx/ingress-nginx-controller[Deployment] on TCP 80', ':: -ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff also reaches ingress-nginx/ingress-nginx-controller[Deployment] on TCP 80'.replace(' -', '-')]],
    ['isolated, passing', "expectations:\n- {isolated: both, pods: '*', namespace: shop}\n", true, []],
    ['isolated, failing', 'expectations:\n- {isolated: ingress, pods: coredns}\n', false, ['kube-system/coredns[Deployment] is not isolated for ingress: no NetworkPolicy selects it for ingress']],
    ['an unknown name fails with a hint', 'expectations:\n- {from: frontnd, to: db, expect: deny}\n', false, ['source: no workload, pod or service named "frontnd" (did you mean shop/frontend[Deployment]?)']],
  ])('%s', async (_t, text, passed, problems) => {
    const r = await results(text);
    expect(r.results).toEqual([[passed, problems]]);
    expect(r.code).toBe(passed ? 0 : 1);
  });

  it('failures are explained', async () => {
    const r = await runCli(['verify', file('expectations:\n- {from: frontend, to: db:5432, expect: allow}\n'), '-f', 'examples/three-tier']);
    expect(r.out).toContain('FAIL frontend reaches db:5432');
    expect(r.out).toContain('peer 0: the pod does not match its podSelector: needs app=api, has app=frontend');
    expect(r.code).toBe(1);
  });

  it.each([
    ['expectations:\n- {from: a, to: b}\n', 2, /an expectation is one of/],
    ['expectations:\n- {from: a, to: b, expect: maybe}\n', 2, /must be equal to one of the allowed values|an expectation is one of/],
    ['expectations:\n- {from: a, to: b, expect: allow, colour: red}\n', 2, /unknown field "colour"/],
    ['expect: [\n', 2, /invalid YAML/],
    ['items: []\n', 1, /unknown field "items"|expectations/],
  ])('a bad expectations file is an error with its line: %j', async (text, line, message) => {
    const f = file(text);
    const r = await runCli(['verify', f, '-f', 'examples/three-tier']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:\\d+: error: `));
    expect(r.err).toMatch(message);
  });
});

describe('docs/expectations.schema.json', () => {
  it('is the schema verify checks files against', async () => {
    const { readFileSync } = await import('node:fs');
    const { ROOT } = await import('../helpers/run-cli.js');
    const { EXPECTATIONS_SCHEMA } = await import('../../src/verify/expectations.js');
    expect(JSON.parse(readFileSync(join(ROOT, 'docs', 'expectations.schema.json'), 'utf8'))).toEqual(EXPECTATIONS_SCHEMA);
  });
});
