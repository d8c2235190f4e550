import { Ajv } from 'ajv';
import type { Diagnostic, Severity } from '../model/diagnostic.js';
import { plainSource } from '../load/lazy-source.js';
import { parseDocuments } from '../load/parse-documents.js';
import { MAX_GLOB_LENGTH, MAX_GLOBS } from './glob.js';

/** `.netpol-check.yaml`: turn rules off, change severities, ignore paths, set the failing level. */
export interface LintConfig {
  rules: Record<string, Severity | 'off'>;
  ignorePaths: string[];
  failOn?: Severity;
}

export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    rules: { type: 'object', additionalProperties: { enum: ['off', 'error', 'warning', 'info'] } },
    ignorePaths: { type: 'array', maxItems: MAX_GLOBS, items: { type: 'string', maxLength: MAX_GLOB_LENGTH } },
    failOn: { enum: ['error', 'warning', 'info'] },
  },
} as const;

let compiled: ReturnType<Ajv['compile']> | undefined;
/** Compiled on first use: start-up pays only for the schemas a command needs. */
const validate = (v: unknown): boolean => (compiled ??= new Ajv({ allErrors: true }).compile(CONFIG_SCHEMA))(v) as boolean;
const validationErrors = () => compiled?.errors;

/** Parses a config text; problems are diagnostics with the file, line and field. */
export function parseConfig(file: string, text: string, knownRules: readonly string[]): { config: LintConfig; problems: Diagnostic[] } {
  const config: LintConfig = { rules: {}, ignorePaths: [] };
  const problems: Diagnostic[] = [];
  // A config is not a Kubernetes object: read it as a plain document, positions and all.
  const parsed = parseDocuments(file, `apiVersion: v1\nkind: NetpolCheckConfig\n${text}`, { simple: false });
  const raw = parsed.objects[0];
  for (const d of parsed.diagnostics) problems.push({ ...d, source: d.source ? { ...plainSource(d.source), line: d.source.line - 2 } : undefined });
  if (!raw) return { config, problems };
  const { apiVersion: _a, kind: _k, ...value } = raw.value;
  // Read with kubectl's YAML rules like every input, an unquoted `off` is the boolean false: it means off.
  if (value.rules && typeof value.rules === 'object') {
    for (const [id, v] of Object.entries(value.rules as Record<string, unknown>)) if (v === false) (value.rules as Record<string, unknown>)[id] = 'off';
  }
  const at = (path: (string | number)[]) => {
    const src = raw.at(path);
    return { ...src, line: src.line - 2 };
  };
  if (!validate(value)) {
    for (const e of validationErrors() ?? []) {
      const path = e.instancePath.split('/').slice(1);
      const extra = (e.params as { additionalProperty?: string }).additionalProperty;
      problems.push({ severity: 'error', code: 'bad-config', message: `${extra ? `unknown setting "${extra}"` : e.message}`, source: at(extra ? [...path, extra] : path) });
    }
    return { config, problems };
  }
  const v = value as Partial<LintConfig>;
  for (const [id, level] of Object.entries(v.rules ?? {})) {
    if (!knownRules.includes(id)) problems.push({ severity: 'error', code: 'bad-config', message: `unknown rule "${id}" (netpol-check lint --list-rules)`, source: at(['rules', id]) });
    else config.rules[id] = level;
  }
  config.ignorePaths = v.ignorePaths ?? [];
  if (v.failOn) config.failOn = v.failOn;
  return { config, problems };
}

