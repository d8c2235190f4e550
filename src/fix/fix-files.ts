import { diffConnectivity, type PairChange } from '../diff/connectivity-diff.js';
import { connectivity } from '../engine/connectivity.js';
import { computePluginMatrix } from '../engine/plugin-matrix.js';
import { sameFamilies } from '../engine/show-ipv6.js';
import { loadTexts, type LoadOptions } from '../load/load-snapshot.js';
import type { InputText } from '../load/read-inputs.js';
import type { CniProfile } from '../model/cni.js';
import { fixText, FIX_IDS, type AppliedFix, type FixId, type SkippedFix } from './fix-text.js';
import { unifiedDiff } from './unified-diff.js';

export interface FixedFile {
  file: string;
  before: string;
  after: string;
  /** `diff -u` of the file. */
  diff: string;
}

export interface FixResult {
  files: FixedFile[];
  applied: AppliedFix[];
  skipped: SkippedFix[];
  /** Files not looked at (JSON, standard input, rendered kustomize output): the fixes edit YAML text. */
  untouched: string[];
  /** What the fixes do to connectivity: the engine's matrix before and after, compared pair by pair. */
  changes: PairChange[];
  /** Input errors (policies the API server would refuse) before and after. */
  errors: { before: number; after: number };
}

const isYaml = (file: string) => /\.ya?ml$/i.test(file);

/**
 * `lint --fix`: the mechanical fixes of every YAML file read, then the proof: both versions
 * are loaded and their matrices compared (a fix that only writes out a default changes nothing;
 * one that makes a refused policy valid, or joins a split peer, changes what it says it does).
 */
export function fixFiles(inputs: readonly InputText[], options: LoadOptions & { cni?: CniProfile; fixes?: readonly FixId[] } = {}): FixResult {
  const fixes = new Set(options.fixes ?? FIX_IDS);
  const files: FixedFile[] = [];
  const applied: AppliedFix[] = [];
  const skipped: SkippedFix[] = [];
  const untouched: string[] = [];
  const after: InputText[] = inputs.map((input) => {
    if (!isYaml(input.file)) {
      untouched.push(input.file);
      return input;
    }
    const r = fixText(input.file, input.text, fixes);
    applied.push(...r.applied);
    skipped.push(...r.skipped);
    if (r.text !== input.text) files.push({ file: input.file, before: input.text, after: r.text, diff: unifiedDiff(input.file, input.text, r.text) });
    return { ...input, text: r.text };
  });
  const load = { ...(options.semantics ? { semantics: options.semantics } : {}), ...(options.defaultNamespace ? { defaultNamespace: options.defaultNamespace } : {}) };
  const a = loadTexts(inputs, load);
  const b = files.length ? loadTexts(after, load) : a;
  const cni = options.cni ?? 'generic';
  const [ma, mb] = sameFamilies(computePluginMatrix(a.snapshot, cni).matrix, computePluginMatrix(b.snapshot, cni).matrix);
  const changes = files.length ? diffConnectivity(connectivity(ma), connectivity(mb)) : [];
  const errors = (r: typeof a) => r.diagnostics.filter((d) => d.severity === 'error').length;
  return { files, applied, skipped, untouched, changes, errors: { before: errors(a), after: errors(b) } };
}
