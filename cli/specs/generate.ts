import { POLICY_KINDS } from '../../src/generate/policy-kind.js';
import { CNI, FILE, HELP, KUSTOMIZE, NAMESPACE_APPLY, SEMANTICS } from './common.js';
import type { CommandSpec } from './option.js';

const EVERY_NAMESPACE = 'generate writes policies for every namespace the flows (or, with --freeze, the pods) are in';

export const GENERATE: CommandSpec = {
  name: 'generate',
  summary: 'write least-privilege NetworkPolicies for the flows you need, proven',
  usage: 'generate -f PATH (--freeze | --from FILE | --references) [--policy-kind KIND] [-o yaml|json] [--output-dir DIR] [--no-dns]',
  description: `Writes NetworkPolicies that allow exactly the required flows: a default deny per namespace,
then per workload one policy per direction, selecting by the labels a person would choose
(app.kubernetes.io/name, app, …; never pod-template-hash or another hash), ports by name where
the containers name them, destinations that share sources and ports in one rule. Then proves
it: reads the written manifests back, computes the matrix of the snapshot with them in place of
the NetworkPolicies of those namespaces, and prints "required: N flows, all allowed; extra: M",
listing what is not allowed or allowed beyond the requirement, and why.

The required flows are --freeze: what the snapshot allows now, in every namespace with pods;
or --from FILE: a verify expectations file (.yaml: allow and onlyFrom lines are required, deny
and isolated lines are checked; a deny line an allow line breaks is a conflict, with both
positions), a CSV of src,dst,port/proto (.csv, names as can takes them) or a Hubble export
(hubble observe -o json, a JSON object per line: forwarded, non-reply TCP/UDP/SCTP flows);
or --references: the Services the workloads name in their containers' env values, args and
commands (db:5432, http://api.shop.svc:8080/; a bare name in the pod's namespace; no port: the
Service's ports), a starting point to review. With --from or --references, DNS from every pod of those namespaces to the cluster resolver is added (--no-dns:
not). Admin network policies, Cilium and Calico policies are kept as they are and are part of
the proof.

--policy-kind cilium writes the same policies as CiliumNetworkPolicies (cilium.io/v2), and
--policy-kind calico as Calico NetworkPolicies (projectcalico.org/v3, default tier, order 1000);
the proof then reads them as that plugin does (--cni cilium or calico, the default with them).`,
  options: [
    FILE,
    { name: 'freeze', help: 'keep exactly the connectivity the snapshot allows now' },
    { name: 'from', value: 'FILE', complete: 'file', help: 'the required flows: expectations (.yaml/.yml), flows (.csv) or a Hubble\nexport (.json/.jsonl)' },
    { name: 'references', help: "the required flows: the Services workloads name in their containers'\nenv values, args and commands" },
    { name: 'policy-kind', value: 'KIND', choices: POLICY_KINDS, help: 'networkpolicy (default) | cilium (CiliumNetworkPolicy) | calico\n(projectcalico.org/v3 NetworkPolicy): what to write (docs/generate.md)' },
    { name: 'no-dns', help: 'with --from or --references: do not add DNS to the cluster resolver' },
    { name: 'output-dir', value: 'DIR', complete: 'dir', help: 'write one file per namespace (DIR/NAMESPACE.yaml) and print the\nreport; without it the manifests go to standard output and the report\nto stderr' },
    { name: 'out-dir', value: 'DIR', complete: 'dir', help: 'the same as --output-dir' },
    { name: 'output', short: 'o', value: 'FORMAT', choices: ['yaml', 'json'], help: 'yaml (default: one document per policy) | json (a kind: List)' },
    { name: 'format', value: 'FORMAT', choices: ['yaml', 'json'], help: 'the same as -o' },
    CNI,
    NAMESPACE_APPLY,
    KUSTOMIZE,
    ...SEMANTICS,
    ...HELP,
  ],
  refused: {
    'output-file': 'generate writes one file per namespace: give a folder with --output-dir DIR (or read the manifests on standard output)',
    'all-namespaces': EVERY_NAMESPACE,
    selector: EVERY_NAMESPACE,
  },
  exitCodes: `Exit codes: 0 written, every required flow allowed, no conflict; 1 a required flow cannot be
allowed, or an expectation conflicts or is not met (listed); 2 input or usage error.`,
};
