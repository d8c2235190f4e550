/**
 * The four rules as they were before the snapshot index (src/lint/snapshot-index.ts): each scans
 * every pod for every policy or peer. Kept as the oracle of test/lint/indexed-rules.test.ts.
 */
import ipblockCoversPodNetwork from './ipblock-covers-pod-network.js';
import peerSelectsNothing from './peer-selects-nothing.js';
import policySelectsNothing from './policy-selects-nothing.js';
import unknownNamedPort from './unknown-named-port.js';
import type { LintRule } from '../../../src/lint/rule.js';

export const PLAIN_RULES: LintRule<string>[] = [ipblockCoversPodNetwork, peerSelectsNothing, policySelectsNothing, unknownNamedPort];
