import type { CniProfile } from '../model/cni.js';
import type { Pod, Snapshot } from '../model/snapshot.js';
import { formatSource, type SourceRef } from '../model/source.js';
import { checkExpectations, isUndetermined } from '../verify/check.js';
import type { Expectation } from '../verify/expectations.js';
import type { FlowLine, ResolvedFlow } from './flows.js';
import { ownerId, podClasses } from './pod-classes.js';

/** The required flows of an expectations file: its allow lines, and each source of an onlyFrom line. */
export function flowLinesOf(expectations: readonly Expectation[]): FlowLine[] {
  const lines: FlowLine[] = [];
  for (const e of expectations) {
    if (e.kind === 'reach' && e.expect === 'allow') lines.push({ src: e.from, dst: e.to, ...(e.fromNamespace ? { srcNamespace: e.fromNamespace } : {}), ...(e.toNamespace ? { dstNamespace: e.toNamespace } : {}), source: e.source });
    if (e.kind === 'only') for (const from of e.onlyFrom) lines.push({ src: from, dst: e.to, ...(e.toNamespace ? { dstNamespace: e.toNamespace } : {}), source: e.source });
  }
  return lines;
}

/** A deny line that an allow line breaks: the generated policies cannot keep both. */
export interface Conflict {
  deny: SourceRef;
  denyName: string;
  allow: SourceRef;
  allowText: string;
  /** The pair the deny line is about, and why the allow line opens it. */
  pair: string;
  why: string;
}

/** An expectation the generated policies do not meet, for another reason than a conflict. */
export interface Unmet {
  source: SourceRef;
  name: string;
  problems: string[];
}

export interface ExpectationOutcome {
  conflicts: Conflict[];
  unmet: Unmet[];
}

/**
 * Checks every expectation (verify's own check) on the snapshot with the generated policies.
 * A deny, onlyFrom or isolated line that fails because an allow line's flow involves pods that
 * no selector tells apart from its own is a conflict, named with both lines' positions.
 */
export function checkGenerated(after: Snapshot, expectations: readonly Expectation[], flows: readonly ResolvedFlow[], cni: CniProfile): ExpectationOutcome {
  const classOf = new Map<Pod, number>();
  for (const c of podClasses(after.pods)) for (const p of c.pods) classOf.set(p, c.index);
  const conflicts: Conflict[] = [];
  const unmet: Unmet[] = [];
  for (const r of checkExpectations(after, expectations, cni)) {
    if (r.passed && !isUndetermined(r)) continue;
    const e = r.expectation;
    if (e.kind === 'reach' && e.expect === 'allow') {
      unmet.push({ source: e.source, name: e.name, problems: r.problems });
      continue;
    }
    const found: Conflict[] = [];
    for (const pair of r.offending) {
      if (pair.src.endpoint.kind !== 'pod' || pair.dst.endpoint.kind !== 'pod') continue;
      const s = pair.src.endpoint.pod;
      const d = pair.dst.endpoint.pod;
      for (const f of flows) {
        const hit = f.pairs.find((p) => classOf.get(p.src) === classOf.get(s) && classOf.get(p.dst) === classOf.get(d));
        if (!hit || found.some((c) => c.allow === f.line.source && c.pair === `${ownerId(s)} → ${ownerId(d)}`)) continue;
        const same = hit.src === s && hit.dst === d;
        const twin = hit.src !== s ? [hit.src, s] : [hit.dst, d];
        found.push({
          deny: e.source,
          denyName: e.name,
          allow: f.line.source,
          allowText: `${f.line.src} → ${f.line.dst}`,
          pair: `${ownerId(s)} → ${ownerId(d)}`,
          why: same ? 'the allow line asks for this very pair' : `${ownerId(twin[0]!)} and ${ownerId(twin[1]!)} have the same labels: no selector tells them apart`,
        });
      }
    }
    if (found.length) conflicts.push(...found);
    else unmet.push({ source: e.source, name: e.name, problems: r.problems.length ? r.problems : isUndetermined(r) ? ['undetermined (see netpol-check verify)'] : [] });
  }
  return { conflicts, unmet };
}

export const positionOf = (s: SourceRef) => formatSource(s);
