import { ALL_NAMESPACES_LOOKUP, CACHE_DIR, CNI, FILE, HELP, KUSTOMIZE, NAMESPACE_LOOKUP, output, SEMANTICS } from './common.js';
import type { CommandSpec } from './option.js';

export const CAN: CommandSpec = {
  name: 'can',
  summary: 'can SRC reach DST[:PORT]? yes (exit 0) or no (exit 1), and why',
  usage: 'can SRC reach DST[:PORT[/PROTO]] -f PATH [options]',
  description: `Answers whether SRC can open a connection to DST, and why: which policies isolate each side,
which rule and peer allowed it, or what came closest.

SRC and DST may be:
  NAME, NAMESPACE/NAME          a workload, pod or service (frontend, shop/db)
  KIND/NAME, NS/KIND/NAME       deploy/frontend, deployment.apps/frontend, shop/sts/db, svc/db
  SELECTOR                      app=frontend,tier!=canary (kubectl -l syntax; scoped by -n)
  IP or CIDR                    203.0.113.7, 10.0.0.0/24, [2001:db8::1]:443
PORT is a number or a port name, with /tcp (default), /udp or /sctp. For a Service, PORT is a
Service port, mapped through its targetPort to each pod's container port. Without PORT the
answer lists every open port.`,
  options: [
    FILE,
    NAMESPACE_LOOKUP,
    ALL_NAMESPACES_LOOKUP,
    ...output(['text', 'txt', 'json', 'yaml'], 'text (default; txt is the same) | json | yaml'),
    { name: 'verbose', short: 'v', help: 'list every pair, not only the denied ones' },
    { name: 'quiet', short: 'q', help: 'print nothing; the exit code is the answer' },
    KUSTOMIZE,
    CACHE_DIR,
    ...SEMANTICS,
    CNI,
    ...HELP,
  ],
  refused: { selector: 'give a selector as SRC or DST instead (netpol-check can app=web reach app=db)' },
  exitCodes: `Exit codes: 0 yes (every pair allowed), 1 no, 2 error (unknown or ambiguous name, bad port,
bad input), 3 undetermined (a policy netpol-check does not evaluate, e.g. Antrea's or OVN's, or a
part of a Cilium or Calico policy it does not model, e.g. L7 rules or toFQDNs, may select a pair;
the answer shows what the evaluated policies decide; or, without --cni, network
plugins answer a pair differently: the answer shows each plugin's).`,
};
