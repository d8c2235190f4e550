import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateObjects } from '../../bench/generate.js';
import { generateDenseObjects } from '../../bench/generate-dense.js';
import { loadSnapshot, type LoadResult } from '../../src/load/load-snapshot.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import type { CanQuestion } from '../../src/query/ask.js';
import { nameIndex, questionNamespaces } from '../../src/query/question-namespaces.js';
import { allCandidates } from '../../src/query/resolve.js';
import { big, shown } from '../helpers/questions.js';
import { ROOT } from '../helpers/run-cli.js';
import { exampleItems } from '../helpers/example-items.js';

/**
 * `can` and `verify` read, from a big JSON list, only the pods and workloads of the namespaces
 * a question gives (load-snapshot.ts podNamespaces; cli/load.ts loadForQuestion): issue 24's
 * "pay only for what the question needs". Whenever the names the question looks up stay in
 * those namespaces, the answer must be the whole snapshot's, to the byte: checked here on the
 * generated clusters and on every example, for pods, workloads, services and selectors in
 * one or two namespaces, with and without ports.
 */
const temp = mkdtempSync(join(tmpdir(), 'npc-scope-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let files = 0;

function writeList(items: unknown[]): string {
  const path = join(temp, `list-${files++}.json`);
  writeFileSync(path, JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, null, 4));
  return path;
}

/** Questions between things in several namespaces, named as a user names them. */
function questionsAcross(snapshot: Snapshot): CanQuestion[] {
  const candidates = allCandidates(snapshot);
  const byNamespace = new Map<string, typeof candidates>();
  for (const c of candidates) byNamespace.set(c.namespace, [...(byNamespace.get(c.namespace) ?? []), c]);
  const picked = [...byNamespace.values()].slice(0, 6).flatMap((cs) => [cs[0]!, cs[cs.length - 1]!]);
  const ends = picked.flatMap((c, i) => (i % 2 ? [`${c.namespace}/${c.name}`] : [`${c.namespace}/${c.kind.toLowerCase()}/${c.name}`]));
  const out: CanQuestion[] = [];
  ends.forEach((src, i) =>
    ends.forEach((dst, j) => {
      if ((i + j) % 3 === 0) out.push({ src, dst: dst + ['', ':80', ':http', ':8080', ':53/udp'][(i * 7 + j) % 5] });
    }),
  );
  // -n with names, selectors and a name that is not there (did-you-mean: every namespace).
  const ns = picked[0]!.namespace;
  const other = picked[picked.length - 1]!.namespace;
  out.push({ src: picked[0]!.name, dst: picked[1]!.name, namespace: ns }, { src: 'app=api', dst: `${other}/${picked[picked.length - 1]!.name}:http`, namespace: ns }, { src: `${other}/tier=web`, dst: picked[0]!.name, namespace: ns }, { src: 'nosuch', dst: picked[0]!.name, namespace: ns });
  return out;
}

/** Each question answered from a load of its given namespaces (where their names suffice) and from the whole. */
function checkQuestions(path: string, questions: CanQuestion[]): { compared: number; unread: number } {
  const whole = loadSnapshot([path], { listFileBytes: 0 });
  const loads = new Map<string, LoadResult>();
  let compared = 0;
  let unread = 0;
  for (const q of questions) {
    const given = questionNamespaces(q, 'given');
    if (given === 'all') continue;
    const key = [...given].sort().join(',');
    let scoped = loads.get(key);
    if (!scoped) loads.set(key, (scoped = loadSnapshot([path], { listFileBytes: 0, podNamespaces: given })));
    const index = nameIndex(scoped.snapshot);
    const need = questionNamespaces(q, { named: (n) => index.get(n) ?? [] });
    // Where the question needs more than it gives, `can` reads everything (cli/load.ts).
    if (need === 'all' || [...need].some((n) => !given.has(n))) continue;
    const want = shown(whole.snapshot, q);
    const got = shown(scoped.snapshot, q);
    if (got !== want) {
      let i = 0;
      while (got[i] === want[i]) i++;
      expect.fail(`${JSON.stringify(q)}: read from ${key} only, the answer differs at ${i}:\n  whole: ${want.slice(Math.max(0, i - 300), i + 200)}\n  scoped: ${got.slice(Math.max(0, i - 300), i + 200)}`);
    }
    compared++;
    unread += scoped.unread ?? 0;
  }
  return { compared, unread };
}

describe('a question answered from the pods and workloads of its namespaces alone', () => {
  it.each([1, 2, 3])('sparse generated cluster, seed %i', (seed) => {
    const path = writeList(generateObjects({ pods: 500, seed }));
    const whole = loadSnapshot([path], { listFileBytes: 0 });
    const { compared, unread } = checkQuestions(path, questionsAcross(whole.snapshot));
    expect(compared).toBeGreaterThan(20);
    expect(unread).toBeGreaterThan(0);
  });

  it.each(['deployments', 'none', 'mixed'] as const)('dense generated cluster, owners: %s', (owners) => {
    const path = writeList(generateDenseObjects({ pods: 400, owners, seed: 5 }));
    const whole = loadSnapshot([path], { listFileBytes: 0 });
    const { compared, unread } = checkQuestions(path, questionsAcross(whole.snapshot));
    expect(compared).toBeGreaterThan(20);
    expect(unread).toBeGreaterThan(0);
  });

  const examples = readdirSync(join(ROOT, 'examples'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  it.each(examples)('examples/%s written as one list', (example) => {
    const items = exampleItems(join(ROOT, 'examples', example));
    const path = writeList(items);
    const whole = loadSnapshot([path], { listFileBytes: 0 });
    const { compared } = checkQuestions(path, questionsAcross(whole.snapshot));
    expect(compared).toBeGreaterThan(0);
  });

  it('reads everything again where Calico policies are in the snapshot (they are marked by every pod\'s service account and addresses)', () => {
    const path = writeList(exampleItems(join(ROOT, 'examples', 'calico')));
    const whole = loadSnapshot([path], { listFileBytes: 0 });
    const namespaces = [...new Set(whole.snapshot.pods.map((p) => p.namespace))];
    expect(namespaces.length).toBeGreaterThan(1);
    const scoped = loadSnapshot([path], { listFileBytes: 0, podNamespaces: new Set([namespaces[0]!]) });
    expect(scoped.unread).toBeUndefined();
    expect(JSON.stringify(scoped.snapshot, big)).toBe(JSON.stringify(whole.snapshot, big));
  });

  it('leaves out the diagnostics of the objects it does not read, and keeps those of the ones it does', () => {
    const pod = (ns: string, name: string): object => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels: { app: name } }, spec: { containers: [{ name: 'c', ports: [{ containerPort: 99999 }] }] } });
    const path = writeList([pod('a', 'x'), pod('b', 'y'), pod('c', 'z'), { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'Bad_Name', namespace: 'c' }, spec: { template: { metadata: { labels: { app: 'w' } }, spec: { containers: [] } } } }]);
    const whole = loadSnapshot([path], { listFileBytes: 0 });
    const scoped = loadSnapshot([path], { listFileBytes: 0, podNamespaces: new Set(['a', 'b']) });
    expect(scoped.unread).toBe(2);
    const objects = (r: LoadResult): string[] => r.diagnostics.map((d) => `${d.source?.line} ${d.code}`);
    expect(objects(whole).length).toBe(4);
    expect(objects(scoped)).toEqual(objects(whole).slice(0, 2));
    expect(scoped.snapshot.pods.map((p) => p.id)).toEqual(['a/x', 'b/y']);
  });

  it('an item that is not strict JSON is never skipped unread: the file is read as YAML, as a whole load reads it (a comment hiding a second metadata)', () => {
    const pod = (name: string, app: string, extra = ''): string => `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"${name}","namespace":"a","labels":{"app":"${app}","pod":"${name}"}},"spec":{"containers":[{"name":"c","ports":[{"containerPort":80}]}]}${extra}}`;
    const deny = '{"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"deny-evil","namespace":"a"},"spec":{"podSelector":{"matchLabels":{"pod":"evil"}},"policyTypes":["Ingress"]}}';
    const items = [pod('web', 'web'), pod('db', 'db'), pod('evil', 'db', ' # ,"metadata":{"namespace":"b"}\n'), deny, ...Array.from({ length: 20 }, (_, i) => `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"pad${i}","namespace":"b"}}`)];
    const path = join(temp, `list-${files++}.json`);
    writeFileSync(path, `{"apiVersion":"v1","kind":"List","items":[\n${items.join(',\n')}\n]}\n`);
    const q: CanQuestion = { src: 'app=web', dst: 'app=db:80', namespace: 'a' };
    const whole = loadSnapshot([path], { listFileBytes: 0 });
    const scoped = loadSnapshot([path], { listFileBytes: 0, podNamespaces: new Set(['a']) });
    expect(whole.snapshot.pods.map((p) => p.id)).toContain('a/evil');
    expect(shown(scoped.snapshot, q)).toBe(shown(whole.snapshot, q));
    expect(shown(whole.snapshot, q)).toContain('a/evil');
  });

  it('reads NetworkPolicies of other namespaces that hold an ipBlock (address ranges written anywhere cut the outside addresses), and not the others', () => {
    const np = (ns: string, name: string, spec: object, apiVersion = 'networking.k8s.io/v1'): object => ({ apiVersion, kind: 'NetworkPolicy', metadata: { name, namespace: ns }, spec: { podSelector: {}, ...spec } });
    const path = writeList([
      np('a', 'own', { ingress: [{}] }),
      np('c', 'plain', { ingress: [{ from: [{ podSelector: {} }] }] }),
      np('c', 'ranges', { egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] }),
      np('c', 'escaped', JSON.parse('{"egress":[{"to":[{"ipBl\\u006fck":{"cidr":"192.168.0.0/16"}}]}]}') as object),
      np('c', 'old', { ingress: [{}] }, 'extensions/v1beta1'),
    ]);
    // The escaped key is written as an escape in the file, not as the word.
    const text = readFileSync(path, 'utf8');
    const at = text.lastIndexOf('"ipBlock"', text.indexOf('192.168'));
    writeFileSync(path, `${text.slice(0, at)}"ipBl\\u006fck"${text.slice(at + '"ipBlock"'.length)}`);
    expect(readFileSync(path, 'utf8')).toContain('"ipBl\\u006fck"');
    const scoped = loadSnapshot([path], { listFileBytes: 0, podNamespaces: new Set(['a']) });
    expect(scoped.snapshot.policies.map((p) => `${p.namespace}/${p.name}`)).toEqual(['a/own', 'c/ranges', 'c/escaped', 'c/old']);
    expect(scoped.unread).toBe(1);
    // The semantics count every v1 policy, read or not, as a whole load does.
    expect(scoped.snapshot.semantics).toEqual(loadSnapshot([path], { listFileBytes: 0 }).snapshot.semantics);
  });

  it('reads every pod of a list under 1 MiB, or of YAML, whatever the scope: only big JSON lists are read in part', () => {
    const pods = ['a', 'b'].map((ns) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: ns } }));
    const path = writeList(pods);
    expect(loadSnapshot([path], { podNamespaces: new Set(['a']) }).snapshot.pods).toHaveLength(2);
    expect(loadSnapshot([path], { listFileBytes: 0, podNamespaces: new Set(['a']) }).snapshot.pods).toHaveLength(1);
  });
});
