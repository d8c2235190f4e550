import { ciliumPolicyRef } from '../src/model/cilium-policy.js';
import { CNI_PROFILES, type CniProfile } from '../src/model/cni.js';
import type { Snapshot } from '../src/model/snapshot.js';
import { oneOf, str, type Parsed } from './args.js';
import type { Io } from './io.js';

/** `--cni PROFILE`, for every command that answers (docs/cni-profiles.md). */
export function cniOption(p: Parsed): CniProfile {
  return oneOf<CniProfile>('cni', str(p, 'cni'), CNI_PROFILES, 'generic');
}

/**
 * Cilium policies in the input say the cluster runs Cilium: without `--cni cilium` its
 * NetworkPolicies are read for another plugin (or for all of them), which Cilium's own
 * policies never are (docs/cilium.md, "--cni profiles"). A note on stderr, not a changed default.
 */
export function noteCiliumCni(io: Pick<Io, 'err'>, snapshot: Snapshot, profile: CniProfile): void {
  const first = snapshot.ciliumPolicies?.[0];
  if (!first || profile === 'cilium') return;
  const reading = profile === 'generic' ? 'for every plugin (answers that depend on the plugin show each one\'s)' : `as ${profile} does`;
  io.err(`note: ${ciliumPolicyRef(first)} is in the input, so the cluster runs Cilium, but NetworkPolicies are read ${reading}: add --cni cilium to read them as Cilium does (docs/cni-profiles.md)\n`);
}
