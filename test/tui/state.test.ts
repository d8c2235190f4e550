import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExploreModel } from '../../cli/tui/model.js';
import { derive, explanationOf, INITIAL, makeReducer, type Action, type ExploreState } from '../../cli/tui/state.js';
import { scrolledText } from '../../cli/tui/scrolled-text.js';
import { computeMatrix } from '../../src/engine/matrix.js';
import { loadSnapshot } from '../../src/load/load-snapshot.js';
import { ROOT } from '../helpers/run-cli.js';

const loaded = loadSnapshot([join(ROOT, 'examples', 'three-tier')]);
const model = new ExploreModel(loaded.snapshot, computeMatrix(loaded.snapshot));
const reduce = makeReducer(model);
const key = (input: string, k: Action extends { key: infer K } ? K : never = {}): Action => ({ type: 'key', input, key: k });
const run = (...actions: Action[]): ExploreState => actions.reduce(reduce, INITIAL);

describe('explore state: every key is a pure transition', () => {
  it('a burst of typed characters counts each one (fast typing over ssh, paste)', () => {
    expect(run(key('jjjj')).sel).toBe(4);
    expect(run(key('jj'), key('k')).sel).toBe(1);
  });

  it('a burst with the filter and Enter in it: filter, keep, then keys work again', () => {
    const s = run(key('/db\r'));
    expect(s.filter).toBe('db');
    expect(s.filtering).toBe(false);
    expect(derive(model, s).entries.map((e) => e.node.id)).toEqual(['shop/db[StatefulSet]']);
    expect(run(key('/db\r'), key('\t')).tab).toBe('policies');
  });

  it('selection stays inside the list, and peers inside theirs', () => {
    expect(run(key('k')).sel).toBe(0);
    expect(run(key('jjjjjjjjjjjj')).sel).toBe(model.entries.length - 1);
    const s = run(key('jj'), key('', { return: true }), key('jjjjjjjj'));
    expect(s.focus).toBe('peers');
    expect(s.peerSel).toBe(model.peers('shop/api[Deployment]', 'out').length - 1);
  });

  it('enter on a workload without peers stays in the list; esc walks back and then clears the filter', () => {
    let s = run(key('/zzz'), key('', { return: true }));
    expect(derive(model, s).count).toBe(0);
    s = reduce(s, key('', { return: true }));
    expect(s.focus).toBe('list');
    s = reduce(s, key('', { escape: true }));
    expect(s.filter).toBe('');
  });

  it('q quits, ? opens help and any key closes it', () => {
    expect(run(key('q')).quit).toBe(true);
    expect(run(key('?')).help).toBe(true);
    const s = run(key('?'), key('q'));
    expect(s.help).toBe(false);
    expect(s.quit).toBe(false);
  });

  it('a lists every other workload as a peer, the denied pairs with no connection, and toggles back', () => {
    const frontend = 'j'.repeat(4);
    let s = run(key(frontend), key('', { return: true }));
    expect(derive(model, s).peers.map((p) => p.node.id)).not.toContain('shop/db[StatefulSet]');
    s = reduce(s, key('a'));
    expect(s.allPeers).toBe(true);
    expect(s.peerSel).toBe(0);
    const d = derive(model, s);
    expect(d.peers).toHaveLength(model.entries.length - 1);
    expect(d.peers.find((p) => p.node.id === 'shop/db[StatefulSet]')!.connections.isEmpty()).toBe(true);
    expect(d.peers.find((p) => p.node.id === 'shop/api[Deployment]')!.connections.toString()).toBe('TCP 9000');
    expect(reduce(s, key('a')).allPeers).toBe(false);
    expect(run(key('a')).allPeers).toBe(true); // from the list too
    expect(run(key('\t'), key('a')).allPeers).toBe(false); // not in the policy view
  });

  it('enter on a denied peer opens its explanation: why not', () => {
    const s = run(key('jjjj'), key('', { return: true }), key('ajjj'), key('', { return: true }));
    expect(s.focus).toBe('explain');
    const lines = explanationOf(model, s);
    expect(lines[0]).toBe('no: shop/frontend[Deployment] cannot reach shop/db[StatefulSet] on any port');
    expect(lines).toContain('    ✗ denied: no rule allows it');
  });

  it('the explanation scrolls by line and page, within its wrapped length', () => {
    const open = [key('jjjj'), key('', { return: true }), key('ajjj'), key('', { return: true })];
    const size: Action = { type: 'size', rows: 10, columns: 80 };
    const s = run(size, ...open);
    const total = scrolledText(model, s).length;
    expect(total).toBeGreaterThan(explanationOf(model, s).length); // long lines wrapped at 78 columns
    expect(reduce(s, key('j')).scroll).toBe(1);
    expect(reduce(s, key('', { pageDown: true })).scroll).toBe(10);
    const end = reduce(s, key('', { end: true }));
    expect(end.scroll).toBe(total - 9); // nine lines and the "lines … of …" row
    expect(reduce(end, key('j')).scroll).toBe(end.scroll);
    expect(reduce(end, key('', { home: true })).scroll).toBe(0);
    const narrow = run({ type: 'size', rows: 10, columns: 40 }, ...open);
    expect(scrolledText(model, narrow).length).toBeGreaterThan(total);
    expect(reduce(reduce(s, key('j')), key('', { escape: true }))).toMatchObject({ focus: 'peers', scroll: 0 });
  });

  it('enter on a policy focuses its details, which scroll; esc goes back; moving in the list starts at the top', () => {
    const size: Action = { type: 'size', rows: 4, columns: 80 };
    let s = run(size, key('\t'), key('jj'));
    expect(derive(model, s).policy!.label).toBe('shop/frontend');
    expect(reduce(s, key('j')).sel).toBe(3); // the list has the focus
    s = reduce(s, key('', { return: true }));
    expect(s.focus).toBe('detail');
    s = reduce(s, key('jj'));
    expect(s.sel).toBe(2);
    expect(s.scroll).toBe(2);
    s = reduce(s, key('', { escape: true }));
    expect(s.focus).toBe('list');
    expect(s.scroll).toBe(2);
    s = reduce(s, key('j'));
    expect(s.sel).toBe(3);
    expect(s.scroll).toBe(0);
    expect(run(key('\t'), key('', { return: true }), key('jj'), key('\t')).scroll).toBe(0);
  });

  it('y toggles the YAML of the selected policy, from its top', () => {
    const size: Action = { type: 'size', rows: 4, columns: 80 };
    let s = run(size, key('\t'), key('', { return: true }), key('j'));
    expect(s.scroll).toBe(1);
    s = reduce(s, key('y'));
    expect(s).toMatchObject({ yaml: true, scroll: 0, focus: 'detail' });
    const text = scrolledText(model, s).map((l) => l.text);
    expect(text[0]).toMatch(/^NetworkPolicy shop\/default-deny-all · YAML/); // the rest wrapped onto the next line
    expect(text).toContain('kind: NetworkPolicy');
    expect(text).toContain('  name: default-deny-all');
    expect(reduce(s, key('y')).yaml).toBe(false);
    expect(run(key('y')).yaml).toBe(false); // not in the workload view
  });
});
