import { fuzzyScore } from './fuzzy.js';
import type { Entry, ExploreModel, Peer, PolicyEntry } from './model.js';
import type { ExploreState } from './state.js';

/** What the state shows, derived from the model: filtered lists, the selection, its peers. */
export function derive(model: ExploreModel, s: ExploreState) {
  const entries: Entry[] = s.filter ? model.entries.filter((e) => fuzzyScore(s.filter, e.searchText) >= 0) : model.entries;
  const policies: PolicyEntry[] = s.filter ? model.policies.filter((p) => fuzzyScore(s.filter, `${p.kind} ${p.label}`.toLowerCase()) >= 0) : model.policies;
  const count = s.tab === 'workloads' ? entries.length : policies.length;
  const current = Math.min(s.sel, Math.max(0, count - 1));
  const entry = s.tab === 'workloads' ? entries[current] : undefined;
  const policy = s.tab === 'policies' ? policies[current] : undefined;
  const peers: Peer[] = entry ? (s.allPeers ? model.everyPeer(entry.node.id, s.direction) : model.peers(entry.node.id, s.direction)) : [];
  const peerIndex = Math.min(s.peerSel, Math.max(0, peers.length - 1));
  const peer = peers[peerIndex];
  return { entries, policies, count, current, entry, policy, peers, peerIndex, peer };
}

/** The explanation lines of the selected pair (in the direction shown): allowed or denied alike. */
export function explanationOf(model: ExploreModel, s: ExploreState): string[] {
  const d = derive(model, s);
  if (s.focus !== 'explain' || !d.entry || !d.peer) return [];
  return s.direction === 'out' ? model.explain(d.entry.node, d.peer.node) : model.explain(d.peer.node, d.entry.node);
}
