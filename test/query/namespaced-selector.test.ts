import { describe, expect, it } from 'vitest';
import { resolveTarget } from '../../src/query/resolve.js';
import { parseTarget } from '../../src/query/target-spec.js';
import { analyze } from '../helpers/analyze.js';

const snapshot = analyze(
  `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: shop, labels: {app: db}}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: blog, labels: {app: web, team/owner: x}}
`,
).snapshot;

const pods = (text: string, namespace?: string): string[] | string => {
  const t = parseTarget(text);
  if (!t.ok) return t.reason;
  const r = resolveTarget(snapshot, t.target, undefined, { blocks: [], ...(namespace ? { namespace } : {}) });
  return r.ok ? r.end.members.map((m) => m.id).sort() : r.reason;
};

describe('NS/* and NS/SELECTOR name the pods of one namespace', () => {
  it.each([
    ['shop/*', ['shop/db', 'shop/web']],
    ['shop/app=web', ['shop/web']],
    ['app=web', ['blog/web', 'shop/web']],
    ['blog/*', ['blog/web']],
    // No namespace `team`: one selector on the prefixed key team/owner, as before.
    ['team/owner=x', ['blog/web']],
    ['shop/app=cache', 'no pod matches app=cache in namespace shop'],
  ])('%s', (text, expected) => expect(pods(text)).toEqual(expected));

  it('the namespace written in the name wins over -n', () => expect(pods('shop/app=web', 'blog')).toEqual(['shop/web']));
});
