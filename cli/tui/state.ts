import type { Key } from 'ink';
import { derive } from './derive.js';
import { maxScroll } from './layout.js';
import type { ExploreModel } from './model.js';
import { scrolledText } from './scrolled-text.js';

export { derive, explanationOf } from './derive.js';

export type Tab = 'workloads' | 'policies';
/** `detail`: the policy pane, scrolled with the keys that move in a list. */
export type Focus = 'list' | 'peers' | 'explain' | 'detail';

export interface ExploreState {
  tab: Tab;
  focus: Focus;
  sel: number;
  peerSel: number;
  /** First line shown of the pane that scrolls (the explanation, a policy's details or YAML). */
  scroll: number;
  direction: 'out' | 'in';
  /** Peers: every other workload (to ask why not), or only those reached. */
  allPeers: boolean;
  /** The policy pane shows the manifest as read (YAML) instead of the summary. */
  yaml: boolean;
  filter: string;
  filtering: boolean;
  help: boolean;
  quit: boolean;
  /** Rows the body shows: paging and scrolling use it. */
  page: number;
  /** Columns of the terminal: the scrolled text wraps to its panes. */
  columns: number;
}

export const INITIAL: ExploreState = { tab: 'workloads', focus: 'list', sel: 0, peerSel: 0, scroll: 0, direction: 'out', allPeers: false, yaml: false, filter: '', filtering: false, help: false, quit: false, page: 10, columns: 80 };

export type Action = { type: 'key'; input: string; key: Partial<Key> } | { type: 'size'; rows: number; columns: number };

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
      if (key.escape) return { ...s, filter: '', filtering: false, sel: 0, scroll: 0 };
      if (key.backspace || key.delete) return { ...s, filter: s.filter.slice(0, -1), sel: 0, scroll: 0 };
      if (input && !key.ctrl && !key.meta && !/[\u0000-\u001f]/.test(input)) return { ...s, filter: s.filter + input, sel: 0, scroll: 0 };
      return s;
    }
    if (input === 'q' || (key.ctrl && input === 'c')) return { ...s, quit: true };
    if (input === '?') return { ...s, help: true };
    if (key.tab) return { ...s, tab: s.tab === 'workloads' ? 'policies' : 'workloads', focus: 'list', sel: 0, scroll: 0 };
    const d = derive(model, s);
    const move = (delta: number): ExploreState => {
      if (s.focus === 'list') {
        const sel = clamp(d.current + delta, 0, Math.max(0, d.count - 1));
        return sel === s.sel ? s : { ...s, sel, scroll: 0 };
      }
      if (s.focus === 'peers') return { ...s, peerSel: clamp(d.peerIndex + delta, 0, Math.max(0, d.peers.length - 1)) };
      return { ...s, scroll: clamp(s.scroll + delta, 0, maxScroll(scrolledText(model, s).length, s.page)) };
    };
    if (key.upArrow || input === 'k') return move(-1);
    if (key.downArrow || input === 'j') return move(1);
    if (key.pageUp) return move(-s.page);
    if (key.pageDown) return move(s.page);
    if (key.home) return move(-Infinity);
    if (key.end) return move(Infinity);
    if (input === '/' && s.focus === 'list') return { ...s, filtering: true };
    if (input === 'd' && s.tab === 'workloads' && s.focus !== 'explain') return { ...s, direction: s.direction === 'out' ? 'in' : 'out', peerSel: 0 };
    if (input === 'a' && s.tab === 'workloads' && s.focus !== 'explain') return { ...s, allPeers: !s.allPeers, peerSel: 0 };
    if (input === 'y' && s.tab === 'policies') return { ...s, yaml: !s.yaml, scroll: 0 };
    if (key.return || key.rightArrow) {
      if (s.tab === 'policies') return s.focus === 'list' && d.policy ? { ...s, sel: d.current, focus: 'detail' } : s;
      if (s.focus === 'list' && d.peers.length) return { ...s, sel: d.current, focus: 'peers', peerSel: 0 };
      if (s.focus === 'peers' && d.peer) return { ...s, peerSel: d.peerIndex, focus: 'explain', scroll: 0 };
      return s;
    }
    if (key.escape || key.leftArrow) {
      if (s.focus === 'explain') return { ...s, focus: 'peers', scroll: 0 };
      if (s.focus === 'peers' || s.focus === 'detail') return { ...s, focus: 'list' };
      if (key.escape && s.filter) return { ...s, filter: '', sel: 0, scroll: 0 };
    }
    return s;
  };
  return (s: ExploreState, a: Action): ExploreState => {
    if (a.type === 'size') return s.page === a.rows && s.columns === a.columns ? s : { ...s, page: a.rows, columns: a.columns };
    const special = Object.entries(a.key).some(([k, v]) => v && k !== 'shift');
    // A burst of plain characters (fast typing, paste) is one chunk: take it a character at a time.
    if (!special && a.input.length > 0) return [...a.input].reduce((acc, ch) => step(acc, ch, CONTROL[ch] ?? {}), s);
    return step(s, a.input, a.key);
  };
}
