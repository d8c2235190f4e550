import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

/** The shipped CI integrations name commands and options that exist. */
describe('CI integration files', () => {
  it('action.yml is a composite action whose commands parse', async () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['manifests', 'expectations', 'base-ref', 'fail-on']);
    const scripts = action.runs.steps.map((s: { run?: string }) => s.run ?? '').join('\n');
    for (const cmd of ['lint', 'verify', 'diff']) expect(scripts).toContain(`dist/cli/main.js" ${cmd}`);
    // The options it passes exist:
    for (const argv of [['lint', '--help'], ['verify', '--help'], ['diff', '--help']]) expect((await runCli(argv)).code).toBe(0);
    expect((await runCli(['lint', '-f', 'examples/three-tier', '-o', 'sarif', '--fail-on', 'error'])).code).toBe(0);
  });

  it('the pre-commit hook lints the files it is given', async () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
    expect(hooks[0]).toMatchObject({ id: 'netpol-check-lint', language: 'node', pass_filenames: true });
    const [, ...args] = hooks[0].entry.split(' ');
    const r = await runCli([...args, 'examples/lint-mistakes/policies.yaml', 'examples/three-tier/policies.yaml']);
    expect(r.code).toBe(0); // warnings only: --fail-on error
    expect(r.out).toContain('[split-namespace-pod-selector]');
  });

  it('the workflow example uses the action with its inputs', () => {
    const wf = parse(readFileSync(join(ROOT, 'docs', 'github-workflow.example.yml'), 'utf8'));
    const step = wf.jobs['netpol-check'].steps.find((s: { uses?: string }) => s.uses?.startsWith('netpol-check/'));
    expect(Object.keys(step.with)).toEqual(['manifests', 'expectations', 'base-ref', 'fail-on']);
  });
});
