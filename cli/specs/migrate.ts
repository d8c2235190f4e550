import { FILE, HELP, KUSTOMIZE, NAMESPACE_APPLY, SEMANTICS } from './common.js';
import type { CommandSpec } from './option.js';

const EVERY_POLICY = 'migrate rewrites every legacy policy it reads (give only the files to migrate with -f)';

export const MIGRATE: CommandSpec = {
  name: 'migrate',
  summary: 'rewrite legacy policies as networking.k8s.io/v1, proven equivalent',
  usage: 'migrate -f PATH [-f PATH…] [--cilium] [--output-dir DIR]',
  description: `Writes the networking.k8s.io/v1 equivalent of extensions/v1beta1 and net.alpha.kubernetes.io
policies: each policy in v1 form, a default-deny-ingress policy for each namespace isolated by
an annotation (Kubernetes 1.2–1.6), and those Namespaces without the annotation. Then proves
it: reads the written manifests back and compares their reachability with the old semantics,
connection by connection, and prints "equivalent: …" or the differing connections.

With --cilium it translates CiliumNetworkPolicies instead: each rule (spec, specs[i]) that
NetworkPolicy can express — allow rules with fromEndpoints/toEndpoints, the cluster, world and
all entities, CIDRs, ports — becomes a NetworkPolicy, written only when the engine finds the
same connections with it in place of the Cilium rule ("exact"); for the others it says per rule
what NetworkPolicy cannot express (deny rules, other entities, L7 rules, toFQDNs, clusterwide
policies, enableDefaultDeny false, …).`,
  options: [
    FILE,
    { name: 'cilium', help: 'translate CiliumNetworkPolicies to NetworkPolicy where the meaning is\nkept, proven with the engine (docs/cilium.md, Converting)' },
    { name: 'output-dir', value: 'DIR', complete: 'dir', help: 'write one file per namespace (DIR/NAMESPACE.yaml) and print the\nreport; without it the manifests go to standard output and the report\nto stderr' },
    { name: 'output', short: 'o', value: 'FORMAT', choices: ['yaml'], help: 'yaml, the only one (--format is the same)' },
    { name: 'format', value: 'FORMAT', choices: ['yaml'], help: 'the same as -o' },
    NAMESPACE_APPLY,
    KUSTOMIZE,
    ...SEMANTICS,
    ...HELP,
  ],
  refused: {
    'output-file': 'migrate writes one file per namespace: give a folder with --output-dir DIR',
    'all-namespaces': EVERY_POLICY,
    selector: EVERY_POLICY,
    cni: 'the rewrite does not depend on the network plugin',
  },
  exitCodes: `Exit codes: 0 written and equivalent (--cilium: every Cilium rule translated exactly), 1
not equivalent (the differences are listed; --cilium: some rule not translated, with the
reason), 2 input or usage error.`,
};
