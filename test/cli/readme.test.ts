import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

/** The README shows real output: every command quoted there prints exactly what is shown. */
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README examples are true', () => {
  it.each([
    ['can frontend reach db:5432 -f examples/three-tier', 1],
    ['can api reach db:5432 -f examples/three-tier', 0],
    ['matrix -f examples/three-tier', 0],
    ['matrix -f examples/three-tier -n shop --port 5432', 0],
    ['matrix -f examples/three-tier --level namespace', 0],
    ['matrix -f examples/three-tier --grouped', 0],
    ['matrix -f examples/three-tier --level namespace --from tier=web', 0],
    ['matrix -f examples/three-tier --grouped -n shop -l app=db', 0],
    ['lint -f examples/lint-mistakes', 1],
    ['lint -f examples/lint-mistakes --fix-dry-run', 0],
    ['migrate -f examples/legacy-v1beta1 --output-dir v1-policies', 0],
    ['generate -f examples/three-tier --from examples/three-tier/hubble-flows.jsonl --output-dir policies', 0],
    ['can experiment reach api:8443 -f examples/admin-policies', 1],
    ['can frontend reach db:5432 -f examples/cilium', 1],
    ['migrate --cilium -f examples/cilium --output-dir cilium-nps', 1],
    ['can frontend reach db:5432 -f examples/calico', 1],
  ])('netpol-check %s', async (cmd, code) => {
    const r = await runCli(cmd.split(' '));
    expect(r.code).toBe(code);
    expect(README).toContain(`\`\`\`\n${r.out}\`\`\``);
  });

  it('the graph commands show their real output', async () => {
    const rf = await runCli(['reach-from', 'frontend', '-f', 'examples/three-tier']);
    const path = await runCli(['path', 'ingress-nginx-controller', 'db', '-f', 'examples/three-tier']);
    expect(README).toContain(`$ npx netpol-check reach-from frontend -f examples/three-tier\n${rf.out}$ npx netpol-check path ingress-nginx-controller db -f examples/three-tier\n${path.out}\`\`\``);
    const { existsSync } = await import('node:fs');
    expect(existsSync(join(ROOT, 'docs', 'report.png'))).toBe(true);
  });

  it('generate shows its real output and a policy it writes', async () => {
    const hubble = await runCli(['generate', '-f', 'examples/three-tier', '--from', 'examples/three-tier/hubble-flows.jsonl', '--output-dir', 'policies']);
    const shop = hubble.files['policies/shop.yaml']!;
    const apiEgress = shop.slice(shop.indexOf('  name: api-egress'), shop.indexOf('---', shop.indexOf('  name: api-egress')));
    expect(apiEgress.length).toBeGreaterThan(100);
    expect(README).toContain(`\`\`\`yaml\n${apiEgress}\`\`\``);
    const exp = await runCli(['generate', '-f', 'examples/three-tier', '--from', 'examples/three-tier/expectations.yaml', '--output-dir', 'policies']);
    const frz = await runCli(['generate', '-f', 'examples/three-tier', '--freeze', '--output-dir', 'policies']);
    expect([exp.code, frz.code]).toEqual([0, 0]);
    expect(README).toContain(`$ npx netpol-check generate -f examples/three-tier --from examples/three-tier/expectations.yaml --output-dir policies\n${exp.out}$ npx netpol-check generate -f examples/three-tier --freeze --output-dir policies\n${frz.out}\`\`\``);
    const cil = await runCli(['generate', '-f', 'examples/three-tier', '--freeze', '--policy-kind', 'cilium', '--output-dir', 'cilium-policies']);
    expect(cil.code).toBe(0);
    expect(README).toContain(`$ npx netpol-check generate -f examples/three-tier --freeze --policy-kind cilium --output-dir cilium-policies\n${cil.out}\`\`\``);
  });

  it('says how many lint rules there are (the registry counts them)', async () => {
    const { RULES } = await import('../../src/lint/registry.js');
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
    const tens = ['', '', 'twenty', 'thirty', 'forty'];
    const n = RULES.length;
    const word = n <= 20 ? words[n]! : `${tens[Math.floor(n / 10)]}${n % 10 ? `-${words[n % 10]}` : ''}`;
    const counts = [...README.matchAll(/(?:^|[.:] )([A-Za-z-]+|\d+) (?:lint )?rules\b/gm)].map((m) => m[1]!.toLowerCase()).filter((w) => /^\d+$/.test(w) || words.includes(w) || tens.some((t) => t && w.startsWith(t)));
    expect(counts.length).toBeGreaterThan(0);
    for (const c of counts) expect([word, String(n)]).toContain(c);
  });

  it('the quick start names the commands CI runs', () => {
    expect(README).toContain('npm ci');
    expect(README).toContain('npm test');
    expect(README).toContain('npx netpol-check can frontend reach db:5432 -f examples/three-tier');
  });
});
