import type { Labels } from '../model/labels.js';
import type { Owner } from '../model/snapshot.js';

/** The label the Deployment controller puts on a ReplicaSet's pod template and pods. */
export const POD_TEMPLATE_HASH = 'pod-template-hash';

/**
 * The Deployment a ReplicaSet owner stands for: a ReplicaSet named `<deployment>-<hash>` whose
 * pods carry `pod-template-hash: <hash>` was made by Deployment `<deployment>` (that is how the
 * Deployment controller names them). A kubectl dump often holds the Pods and ReplicaSets but
 * not the Deployment; naming the owner after the Deployment gives one name for one workload
 * (the name `can deploy/NAME` and `kubectl get deploy` use). Any other owner is returned as it is.
 * `parentKind`: the ReplicaSet's own controller's kind when the ReplicaSet is in the snapshot
 * ('' for none: an orphaned ReplicaSet stays one); undefined when only its name is known.
 */
export function deploymentOwner(owner: Owner, labels: Labels, parentKind?: string): Owner {
  if (owner.kind !== 'ReplicaSet') return owner;
  if (parentKind !== undefined && parentKind !== 'Deployment') return owner;
  const hash = labels[POD_TEMPLATE_HASH];
  if (!hash || !owner.name.endsWith(`-${hash}`) || owner.name.length <= hash.length + 1) return owner;
  return { kind: 'Deployment', name: owner.name.slice(0, -hash.length - 1) };
}
