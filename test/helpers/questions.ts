import type { Snapshot } from '../../src/model/snapshot.js';
import { ask, type CanQuestion } from '../../src/query/ask.js';
import { allCandidates } from '../../src/query/resolve.js';
import { formatCanText } from '../../src/format/explanation/text.js';

/**
 * Questions and answers for tests that read less than a whole snapshot (the snapshot cache, a
 * question's namespaces read alone) and must answer as the whole does, to the byte.
 */

/** JSON with bigints (address ranges) as text. */
export const big = (_: string, v: unknown): unknown => (typeof v === 'bigint' ? `${v}n` : v);

/** What a user sees of an answer: the result as data, and the text with every pair. */
export function shown(snapshot: Snapshot, q: CanQuestion): string {
  const r = ask(snapshot, q);
  return JSON.stringify(r, big) + (r.ok ? formatCanText(r.answer, { verbose: true }) : '');
}

/** Questions over a snapshot's names: with and without namespaces, kinds, selectors, addresses, and mistakes. */
export function questions(snapshot: Snapshot): CanQuestion[] {
  const c = allCandidates(snapshot);
  const ends = [...new Set(c.flatMap((x) => [x.name, `${x.namespace}/${x.name}`, `${x.namespace}/${x.kind.toLowerCase()}/${x.name}`]))].slice(0, 9);
  ends.push('a/app=y', 'b/nosuch');
  const out: CanQuestion[] = [];
  ends.forEach((src, i) => {
    ends.forEach((dst, j) => {
      out.push({ src, dst: dst + (['', ':80', ':http'] as const)[(i + j) % 3] });
      if ((i + j) % 4 === 0) out.push({ src, dst, namespace: 'b' });
    });
  });
  // Questions the cache answers from every namespace: a few are enough.
  out.push({ src: 'app=x', dst: ends[0]! }, { src: ends[0]!, dst: '10.1.2.5:80' }, { src: '10.0.0.0/8', dst: ends[1] ?? ends[0]! }, { src: 'nosuch', dst: ends[0]! });
  return out;
}
