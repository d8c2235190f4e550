import { diffConnectivity, type PairChange } from '../diff/connectivity-diff.js';
import { connectivity } from '../engine/connectivity.js';
import { computeMatrix } from '../engine/matrix.js';
import { computePluginMatrix } from '../engine/plugin-matrix.js';
import { sameFamilies } from '../engine/show-ipv6.js';
import { withProfile } from '../engine/with-profile.js';
import { loadTexts, type LoadOptions } from '../load/load-snapshot.js';
import type { InputText } from '../load/read-inputs.js';
import { resolverPods, withResolver } from '../model/cluster-resolver.js';
import type { CniProfile } from '../model/cni.js';
import type { Snapshot } from '../model/snapshot.js';
import { dnsFixes } from './dns-rule.js';
import { fixText, FIX_IDS, type AppliedFix, type FixId, type SkippedFix } from './fix-text.js';
import { applyEdits } from './text-edit.js';
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
  /** The DNS fix names a cluster resolver the input does not hold: the proof adds a stand-in (model/cluster-resolver.ts) before and after. */
  resolverAssumed: boolean;
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
  const load = { ...(options.semantics ? { semantics: options.semantics } : {}), ...(options.defaultNamespace ? { defaultNamespace: options.defaultNamespace } : {}) };
  const cni = options.cni ?? 'generic';
  let after: InputText[] = inputs.map((input) => {
    if (!isYaml(input.file)) {
      untouched.push(input.file);
      return input;
    }
    const r = fixText(input.file, input.text, fixes);
    applied.push(...r.applied);
    skipped.push(...r.skipped);
    return { ...input, text: r.text };
  });
  const a = loadTexts(inputs, load);
  let dnsApplied = false;
  if (fixes.has('egress-without-dns')) {
    // DNS is found on the text the other fixes leave (a policy they make valid may isolate pods).
    const mid = after.some((x, i) => x.text !== inputs[i]!.text) ? loadTexts(after, load) : a;
    const dns = dnsFixes(mid.snapshot, computeMatrix(withProfile(mid.snapshot, cni)), new Map(after.map((x) => [x.file, x.text])), options.defaultNamespace);
    // Positions in the files as given (the other fixes may have added lines above).
    const given = new Map(a.snapshot.policies.map((p) => [`${p.source.file}\u0000NetworkPolicy ${p.namespace}/${p.name}`, p.source.line]));
    const atGiven = <T extends AppliedFix | SkippedFix>(x: T): T => ({ ...x, line: given.get(`${x.file}\u0000${x.object}`) ?? x.line });
    applied.push(...dns.applied.map(atGiven));
    skipped.push(...dns.skipped.map(atGiven));
    dnsApplied = dns.applied.length > 0;
    after = after.map((x) => (dns.edits.has(x.file) ? { ...x, text: applyEdits(x.text, dns.edits.get(x.file)!) } : x));
  }
  inputs.forEach((input, i) => {
    if (after[i]!.text !== input.text) files.push({ file: input.file, before: input.text, after: after[i]!.text, diff: unifiedDiff(input.file, input.text, after[i]!.text) });
  });
  const b = files.length ? loadTexts(after, load) : a;
  // A rule to a resolver the input does not hold opens nothing there: the proof adds the stand-in on both sides.
  const resolverAssumed = dnsApplied && resolverPods(a.snapshot).assumed;
  const proven = (s: Snapshot): Snapshot => (resolverAssumed ? withResolver(s).snapshot : s);
  const [ma, mb] = sameFamilies(computePluginMatrix(proven(a.snapshot), cni).matrix, computePluginMatrix(proven(b.snapshot), cni).matrix);
  const changes = files.length ? diffConnectivity(connectivity(ma), connectivity(mb)) : [];
  const errors = (r: typeof a) => r.diagnostics.filter((d) => d.severity === 'error').length;
  return { files, applied, skipped, untouched, changes, errors: { before: errors(a), after: errors(b) }, resolverAssumed };
}
