import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExploreModel } from '../../cli/tui/model.js';
import { derive, INITIAL, makeReducer, type Action, type ExploreState } from '../../cli/tui/state.js';
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
});
