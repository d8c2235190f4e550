import type { Diagnostic, Severity } from '../model/diagnostic.js';
import type { Labels, LabelSelector, SelectorOperator, SelectorRequirement } from '../model/labels.js';
import { fieldPath, type SourceRef } from '../model/source.js';
import type { RawObject } from './parse-documents.js';
import type { Path } from './locate.js';

const OPERATORS: readonly SelectorOperator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** Why a label key is invalid, or undefined (Kubernetes: [prefix/]name, prefix a DNS subdomain). */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return `label key prefix "${prefix.slice(0, 60)}" is not a DNS subdomain`;
  if (name.length > 63 || !LABEL_NAME.test(name)) return `label key "${key.slice(0, 60)}" must be 1–63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`;
  return undefined;
}

/** Why a label value is invalid, or undefined. */
export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63 || !LABEL_NAME.test(value)) return `label value "${value.slice(0, 60)}${value.length > 60 ? '…' : ''}" must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`;
  return undefined;
}

/** Label keys and values already found valid (validity depends on the text alone). */
const VALID_KEYS = new Set<string>();
const VALID_VALUES = new Set<string>();

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads typed fields out of a raw object, reporting every wrong type with its position and
 * field path. `errors` counts the errors reported, so a converter can refuse an object it could
 * not fully understand.
 */
export class ObjectReader {
  errors = 0;
  readonly name: string;
  readonly namespace: string;
  /** False when the object names no namespace and `namespace` is the default (kubectl's -n). */
  readonly namespaceGiven: boolean;

  constructor(
    readonly raw: RawObject,
    private readonly diagnostics: Diagnostic[],
    /** 'warn': names the API server refuses only warn (for corpora written for tools that do not check names). */
    readonly names: 'refuse' | 'warn' = 'refuse',
    /** Where namespaced objects that name no namespace go (kubectl's -n; else default). */
    defaultNamespace = 'default',
    /** Keep containers' env values, args and commands (`generate --references`). */
    readonly keepContainerText = false,
  ) {
    const meta = isRecord(raw.value.metadata) ? raw.value.metadata : {};
    this.name = typeof meta.name === 'string' ? meta.name : '';
    this.namespaceGiven = typeof meta.namespace === 'string' && meta.namespace !== '';
    this.namespace = this.namespaceGiven ? (meta.namespace as string) : defaultNamespace;
  }

  /**
   * Checks metadata.name (a DNS subdomain; a DNS label for namespaces) and metadata.namespace.
   * A name the API server would refuse is an error, and the object is not loaded (it would not
   * exist in the cluster); with names 'warn' only absurd names (over the length limits) are.
   */
  checkName(): boolean {
    const isNamespace = this.raw.kind === 'Namespace';
    const ok = isNamespace ? this.name.length <= 63 && DNS_LABEL.test(this.name) : this.name.length <= 253 && DNS_SUBDOMAIN.test(this.name);
    const tooLong = this.names === 'refuse' || this.name.length > (isNamespace ? 63 : 253);
    if (!ok) {
      const shown = this.name.length > 60 ? `${this.name.slice(0, 60)}…` : this.name;
      const what = isNamespace ? 'DNS label (lower-case letters, digits and -, at most 63)' : 'DNS subdomain (lower-case letters, digits, - and ., at most 253)';
      this.report(tooLong ? 'error' : 'warning', ['metadata', 'name'], 'invalid-name', `name "${shown}" is not a valid ${what}${tooLong ? '; object skipped' : ''}`);
      if (tooLong) return false;
    }
    const meta = isRecord(this.raw.value.metadata) ? this.raw.value.metadata : {};
    for (const field of ['name', 'namespace'] as const) {
      const v = meta[field];
      if (v !== undefined && v !== null && typeof v !== 'string') {
        this.report('error', ['metadata', field], 'wrong-type', `metadata.${field} must be a string, got ${describe(v)} (YAML reads unquoted y, n, yes, no, on, off, true, false and numbers as such: quote it); object skipped`);
        return false;
      }
    }
    if (!isNamespace && !DNS_LABEL.test(this.namespace)) {
      const tooLongNs = this.names === 'refuse' || this.namespace.length > 63;
      this.report(tooLongNs ? 'error' : 'warning', ['metadata', 'namespace'], 'invalid-name', `namespace "${this.namespace.slice(0, 60)}" is not a valid DNS label${tooLongNs ? '; object skipped' : ''}`);
      if (tooLongNs) return false;
    }
    return true;
  }

  /**
   * Reports an object without a usable metadata.name: absent, or not a string (an unquoted y,
   * no, 1 … is a boolean or a number to kubectl's YAML reader, which the API server refuses).
   */
  reportMissingName(what: string): void {
    const meta = isRecord(this.raw.value.metadata) ? this.raw.value.metadata : {};
    const v = meta.name;
    if (v !== undefined && v !== null && typeof v !== 'string') {
      this.report('error', ['metadata', 'name'], 'wrong-type', `metadata.name must be a string, got ${describe(v)} (YAML reads unquoted y, n, yes, no, on, off, true, false and numbers as such: quote it)${what}`);
    } else this.report('error', ['metadata'], 'missing-name', `${this.raw.kind} has no metadata.name${what}`);
  }

  /** A label map (metadata.labels, template labels, matchLabels): keys and values checked. */
  labels(path: Path): Labels {
    const out = this.stringMap(path);
    for (const k in out) {
      const v = out[k]!;
      if (VALID_KEYS.has(k) && VALID_VALUES.has(v)) continue; // a dump repeats the same labels thousands of times
      const problem = labelKeyProblem(k) ?? labelValueProblem(v);
      if (problem) this.report('error', [...path, k], 'invalid-label', problem);
      else if (VALID_KEYS.size < 100_000) {
        VALID_KEYS.add(k);
        VALID_VALUES.add(v);
      }
    }
    return out;
  }

  get objectName(): string {
    return `${this.raw.kind} ${this.namespace}/${this.name || '<unnamed>'}`;
  }

  at(path: Path): SourceRef {
    return this.raw.at(path);
  }

  private readonly fields: string[] = [];

  /** Field paths this reader has reported on. */
  reportedFields(): readonly string[] {
    return this.fields;
  }

  report(severity: Severity, path: Path, code: string, message: string): void {
    if (severity === 'error') this.errors++;
    this.fields.push(fieldPath(path));
    this.diagnostics.push({ severity, code, message, source: this.at(path), object: this.objectName });
  }

  get(path: Path): unknown {
    let v: unknown = this.raw.value;
    for (const seg of path) {
      if (typeof seg === 'number') v = Array.isArray(v) ? v[seg] : undefined;
      else v = isRecord(v) ? v[seg] : undefined;
      if (v === undefined || v === null) return undefined;
    }
    return v;
  }

  has(path: Path): boolean {
    return this.get(path) !== undefined;
  }

  string(path: Path): string | undefined {
    const v = this.get(path);
    if (v === undefined) return undefined;
    if (typeof v !== 'string') {
      this.report('error', path, 'wrong-type', `expected a string, got ${describe(v)}`);
      return undefined;
    }
    return v;
  }

  /** A list; absent gives `undefined`, a non-list is reported. */
  list(path: Path): unknown[] | undefined {
    const v = this.get(path);
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) {
      this.report('error', path, 'wrong-type', `expected a list, got ${describe(v)}`);
      return undefined;
    }
    return v;
  }

  object(path: Path): Record<string, unknown> | undefined {
    const v = this.get(path);
    if (v === undefined) return undefined;
    if (!isRecord(v)) {
      this.report('error', path, 'wrong-type', `expected a mapping, got ${describe(v)}`);
      return undefined;
    }
    return v;
  }

  /** A string→string map (labels, annotations, selectors). */
  stringMap(path: Path): Labels {
    const m = this.object(path);
    if (!m) return {};
    // The common case, every value a string: the parsed object is the map (no copy to keep).
    let plain = true;
    for (const k in m) if (typeof m[k] !== 'string') plain = false;
    if (plain && Object.getPrototypeOf(m) === Object.prototype) return m as Labels;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(m)) {
      if (typeof v === 'string') out[k] = v;
      // The API server decodes a null value of a string map as the empty string.
      else if (v === null) out[k] = '';
      else if (v !== undefined) {
        this.report('error', [...path, k], 'wrong-type', `label values must be strings, got ${describe(v)} (quote it: "${String(v)}")`);
        out[k] = String(v);
      }
    }
    return out;
  }

  /** A LabelSelector; absent gives `undefined` (callers decide what absent means). */
  selector(path: Path): LabelSelector | undefined {
    const m = this.object(path);
    if (!m) return undefined;
    for (const key of Object.keys(m)) {
      if (key !== 'matchLabels' && key !== 'matchExpressions') {
        this.report('error', [...path, key], 'unknown-field', `unknown selector field "${key}" (expected matchLabels or matchExpressions)`);
      }
    }
    const matchLabels = this.labels([...path, 'matchLabels']);
    const matchExpressions: SelectorRequirement[] = [];
    (this.list([...path, 'matchExpressions']) ?? []).forEach((_, i) => {
      const p = [...path, 'matchExpressions', i];
      const key = this.string([...p, 'key']);
      const op = this.string([...p, 'operator']);
      const values = (this.list([...p, 'values']) ?? []).map((v, j) => {
        if (v === null) return ''; // null decodes as the empty string
        if (typeof v !== 'string') this.report('error', [...p, 'values', j], 'wrong-type', `expected a string, got ${describe(v)}`);
        return String(v);
      });
      if (!key) return this.report('error', p, 'missing-field', 'matchExpressions item needs a key');
      if (!op || !OPERATORS.includes(op as SelectorOperator)) {
        return this.report('error', [...p, 'operator'], 'invalid-operator', `operator "${op ?? ''}" is not one of ${OPERATORS.join(', ')}`);
      }
      const operator = op as SelectorOperator;
      const needsValues = operator === 'In' || operator === 'NotIn';
      if (needsValues && values.length === 0) {
        return this.report('error', [...p, 'values'], 'invalid-selector', `operator ${operator} needs at least one value`);
      }
      if (!needsValues && values.length > 0) {
        return this.report('error', [...p, 'values'], 'invalid-selector', `operator ${operator} takes no values`);
      }
      matchExpressions.push({ key, operator, values });
    });
    return { matchLabels, matchExpressions };
  }
}

export function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return `${typeof v} ${String(v)}`;
}
