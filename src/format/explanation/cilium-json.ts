import { ciliumPolicyRef } from '../../model/cilium-policy.js';
import { formatSource } from '../../model/source.js';
import type { CiliumVerdict } from '../../explain/cilium-verdict.js';
import { describeCiliumPeer } from '../../select/describe-cilium-peer.js';

/** Cilium's part of one side, as `can -o json` writes it. */
export function ciliumJson(c: CiliumVerdict) {
  return {
    selectedBy: c.selectedBy.map((p) => ({ policy: ciliumPolicyRef(p), source: formatSource(p.source) })),
    defaultDeny: c.defaultDeny,
    defaultDenyBy: c.defaultDenyBy.map(ciliumPolicyRef),
    denied: c.denied.toString(),
    rules: c.rules.map((r) => ({
      kind: r.policy.kind,
      policy: ciliumPolicyRef(r.policy),
      section: r.rule.section,
      rule: r.rule.index,
      source: formatSource(r.rule.source),
      peerMatched: r.matchedPeer,
      peer: typeof r.matchedPeer === 'number' && r.rule.peers !== 'any' ? describeCiliumPeer(r.rule.peers[r.matchedPeer]!) : r.matchedPeer === 'any' ? 'any' : null,
      peerMisses: r.peerMisses,
      names: r.ports.toString(),
      ...(r.rule.unmodelled.length ? { unmodelled: r.rule.unmodelled } : {}),
    })),
  };
}
