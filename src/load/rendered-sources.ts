import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Sources that are not manifests until a tool renders them: a kustomize folder (its
 * `kustomization.yaml` sets namespaces, name prefixes and labels the raw files do not carry) and
 * a Helm chart (Go templates). Read as they are, they give answers about a cluster nobody
 * deploys, so netpol-check renders kustomize folders itself (`-k DIR`, as kubectl does) and
 * refuses to guess at either when met through `-f`.
 */
export type RenderedKind = 'kustomize' | 'helm';

const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** What a folder is, by the files it holds directly. */
export function renderedKind(names: readonly string[]): RenderedKind | undefined {
  if (names.some((n) => KUSTOMIZATION_FILES.includes(n))) return 'kustomize';
  if (names.includes('Chart.yaml')) return 'helm';
  return undefined;
}

/** Whether a file is a kustomization, by its name. */
export function isKustomization(name: string): boolean {
  return KUSTOMIZATION_FILES.includes(name);
}

/** Go template actions (`{{ .Values.x }}`, `{{- include … }}`): a Helm template, not YAML. */
export function isGoTemplate(text: string): boolean {
  // indexOf finds the rare "{{" far faster than the regular expression scans a 100 MB dump.
  for (let at = text.indexOf('{{'); at >= 0; at = text.indexOf('{{', at + 2)) {
    GO_TEMPLATE_ACTION.lastIndex = at;
    if (GO_TEMPLATE_ACTION.test(text)) return true;
  }
  return false;
}
const GO_TEMPLATE_ACTION = /\{\{-?\s*(\.|include\b|if\b|range\b|with\b|define\b|template\b|toYaml\b|end\b|-?\s*\$)/y;

export function renderingAdvice(kind: RenderedKind | 'template', path: string): string {
  switch (kind) {
    case 'kustomize':
      return `${path} is a kustomize folder: its files are not read as they are (the kustomization sets namespaces, names and labels they do not carry); read it rendered with -k ${path}`;
    case 'helm':
      return `${path} is a Helm chart: render it first (helm template RELEASE ${path} > rendered.yaml) and give netpol-check the output`;
    case 'template':
      return `${path} is a Go template (a Helm chart's), not a manifest: render the chart first (helm template) and give netpol-check the output`;
  }
}

export interface Rendered {
  text?: string;
  /** Which tool rendered it, e.g. `kubectl kustomize`. */
  tool?: string;
  error?: string;
}

type Run = (command: string, args: readonly string[]) => string;

/** child_process is loaded only when a folder is rendered (it costs every start-up ~10 ms otherwise). */
const run: Run = (command, args) => {
  const { execFileSync } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
};

/**
 * `kubectl kustomize DIR`, or `kustomize build DIR` when kubectl is not there (both work
 * offline). The error says what was tried.
 */
export function renderKustomize(dir: string, exec: Run = run): Rendered {
  const tries: [string, string[]][] = [
    ['kubectl', ['kustomize', dir]],
    ['kustomize', ['build', dir]],
  ];
  const failures: string[] = [];
  for (const [command, args] of tries) {
    try {
      return { text: exec(command, args), tool: `${command} ${args[0]}` };
    } catch (e) {
      const err = e as NodeJS.ErrnoException & { stderr?: string };
      if (err.code === 'ENOENT') {
        failures.push(`${command} is not installed`);
        continue;
      }
      const detail = (err.stderr ?? err.message).toString().trim().split('\n')[0] ?? '';
      return { error: `${command} ${args.join(' ')} failed: ${detail}` };
    }
  }
  return { error: `cannot render ${join(dir)}: ${failures.join(', ')} (install kubectl, e.g. Debian's kubernetes-client, or kustomize)` };
}
