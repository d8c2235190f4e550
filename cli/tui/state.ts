import type { Key } from 'ink';
import { fuzzyScore } from './fuzzy.js';
import type { Entry, ExploreModel, Peer, PolicyEntry } from './model.js';

export type Tab = 'workloads' | 'policies';
export type Focus = 'list' | 'peers' | 'explain';

export interface ExploreState {
  tab: Tab;
  focus: Focus;
  sel: number;
  peerSel: number;
  scroll: number;
  direction: 'out' | 'in';
  filter: string;
  filtering: boolean;
  help: boolean;
  quit: boolean;
  /** Rows the body shows: paging and scrolling use it. */
  page: number;
}

export const INITIAL: ExploreState = { tab: 'workloads', focus: 'list', sel: 0, peerSel: 0, scroll: 0, direction: 'out', filter: '', filtering: false, help: false, quit: false, page: 10 };

export type Action = { type: 'key'; input: string; key: Partial<Key> } | { type: 'page'; rows: number };

/** What the state shows, derived from the model: filtered lists, the selection, its peers. */
export function derive(model: ExploreModel, s: ExploreState) {
  const entries: Entry[] = s.filter ? model.entries.filter((e) => fuzzyScore(s.filter, e.searchText) >= 0) : model.entries;
  const policies: PolicyEntry[] = s.filter ? model.policies.filter((p) => fuzzyScore(s.filter, `${p.kind} ${p.label}`.toLowerCase()) >= 0) : model.policies;
  const count = s.tab === 'workloads' ? entries.length : policies.length;
  const current = Math.min(s.sel, Math.max(0, count - 1));
  const entry = s.tab === 'workloads' ? entries[current] : undefined;
  const policy = s.tab === 'policies' ? policies[current] : undefined;
  const peers: Peer[] = entry ? model.peers(entry.node.id, s.direction) : [];
  const peerIndex = Math.min(s.peerSel, Math.max(0, peers.length - 1));
  const peer = peers[peerIndex];
  return { entries, policies, count, current, entry, policy, peers, peerIndex, peer };
}

/** The explanation lines of the selected pair (in the direction shown). */
export function explanationOf(model: ExploreModel, s: ExploreState): string[] {
  const d = derive(model, s);
  if (s.focus !== 'explain' || !d.entry || !d.peer) return [];
  return s.direction === 'out' ? model.explain(d.entry.node, d.peer.node) : model.explain(d.peer.node, d.entry.node);
}

/** Control characters inside a burst, read as the keys they are. */
const CONTROL: Record<string, Partial<Key>> = { '\r': { return: true }, '\n': { return: true }, '\t': { tab: true }, '\u007f': { backspace: true }, '\b': { backspace: true } };

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/**
 * Every key, one at a time (a burst of typed characters arrives as one chunk and is split before
 * it gets here), as a pure state transition: the component only draws.
 */
export function makeReducer(model: ExploreModel) {
  const step = (s: ExploreState, input: string, key: Partial<Key>): ExploreState => {
    if (s.help) return { ...s, help: false };
    if (s.filtering) {
      if (key.return) return { ...s, filtering: false };
      if (key.escape) return { ...s, filter: '', filtering: false, sel: 0 };
      if (key.backspace || key.delete) return { ...s, filter: s.filter.slice(0, -1), sel: 0 };
      if (input && !key.ctrl && !key.meta && !/[\u0000-\u001f]/.test(input)) return { ...s, filter: s.filter + input, sel: 0 };
      return s;
    }
    if (input === 'q' || (key.ctrl && input === 'c')) return { ...s, quit: true };
    if (input === '?') return { ...s, help: true };
    if (key.tab) return { ...s, tab: s.tab === 'workloads' ? 'policies' : 'workloads', focus: 'list', sel: 0 };
    const d = derive(model, s);
    const move = (delta: number): ExploreState => {
      if (s.focus === 'list') return { ...s, sel: clamp(d.current + delta, 0, Math.max(0, d.count - 1)) };
      if (s.focus === 'peers') return { ...s, peerSel: clamp(d.peerIndex + delta, 0, Math.max(0, d.peers.length - 1)) };
      const lines = explanationOf(model, s).length;
      return { ...s, scroll: clamp(s.scroll + delta, 0, Math.max(0, lines - s.page)) };
    };
    if (key.upArrow || input === 'k') return move(-1);
    if (key.downArrow || input === 'j') return move(1);
    if (key.pageUp) return move(-s.page);
    if (key.pageDown) return move(s.page);
    if (key.home) return move(-Infinity);
    if (key.end) return move(Infinity);
    if (input === '/' && s.focus === 'list') return { ...s, filtering: true };
    if (input === 'd' && s.tab === 'workloads' && s.focus !== 'explain') return { ...s, direction: s.direction === 'out' ? 'in' : 'out', peerSel: 0 };
    if (key.return || key.rightArrow) {
      if (s.tab !== 'workloads') return s;
      if (s.focus === 'list' && d.peers.length) return { ...s, sel: d.current, focus: 'peers', peerSel: 0 };
      if (s.focus === 'peers' && d.peer) return { ...s, peerSel: d.peerIndex, focus: 'explain', scroll: 0 };
      return s;
    }
    if (key.escape || key.leftArrow) {
      if (s.focus === 'explain') return { ...s, focus: 'peers' };
      if (s.focus === 'peers') return { ...s, focus: 'list' };
      if (key.escape && s.filter) return { ...s, filter: '', sel: 0 };
    }
    return s;
  };
  return (s: ExploreState, a: Action): ExploreState => {
    if (a.type === 'page') return s.page === a.rows ? s : { ...s, page: a.rows };
    const special = Object.entries(a.key).some(([k, v]) => v && k !== 'shift');
    // A burst of plain characters (fast typing, paste) is one chunk: take it a character at a time.
    if (!special && a.input.length > 0) return [...a.input].reduce((acc, ch) => step(acc, ch, CONTROL[ch] ?? {}), s);
    return step(s, a.input, a.key);
  };
}
