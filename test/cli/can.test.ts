import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const three = ['-f', 'examples/three-tier'];
const multi = ['-f', 'examples/multi-namespace'];
const dump = ['-f', 'examples/kubectl-list'];

const POD = (name: string, ns: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${ns}}\n`;

const can = (q: string, files: string[], ...extra: string[]) => runCli(['can', ...q.split(' '), ...files, ...extra]);

describe('netpol-check can: names a user types', () => {
  it.each([
    // [question, files, exit code, first line]
    ['api reach db:5432', three, 0, 'yes: shop/api[Deployment] can reach shop/db[StatefulSet] on TCP 5432 (service port 5432 → targetPort postgres → 5432)'],
    ['shop/api reach shop/db', three, 0, 'yes: shop/api[Deployment] can reach shop/db[StatefulSet] on TCP 5432'],
    ['deploy/frontend reach sts/db', three, 1, 'no: shop/frontend[Deployment] cannot reach shop/db[StatefulSet] on any port'],
    ['shop/deployment/frontend reach shop/deploy/api:9000', three, 0, 'yes: shop/frontend[Deployment] can reach shop/api[Deployment] on TCP 9000'],
    ['frontend reach deploy/api:http', three, 0, 'yes: shop/frontend[Deployment] can reach shop/api[Deployment] on TCP 9000 (port http → 9000)'],
    ['frontend reach api:http', three, 0, 'yes: shop/frontend[Deployment] can reach shop/api[Deployment] on TCP 9000 (service port 80 → targetPort http → 9000)'],
    ['frontend reach svc/api:80', three, 0, 'yes: shop/frontend[Deployment] can reach shop/api[Deployment] on TCP 9000 (service port 80 → targetPort http → 9000)'],
    ['frontend reach api:metrics', three, 1, 'no: shop/frontend[Deployment] cannot reach shop/api[Deployment] on TCP 9090 (port metrics → 9090)'],
    ['api reach kube-system/coredns:53/udp', three, 0, 'yes: shop/api[Deployment] can reach kube-system/coredns[Deployment] on UDP 53'],
    ['api reach coredns:53/sctp', three, 1, 'no: shop/api[Deployment] cannot reach kube-system/coredns[Deployment] on SCTP 53'],
    ['api reach 203.0.113.9:443', three, 0, 'yes: shop/api[Deployment] can reach 203.0.113.9 on TCP 443'],
    ['api reach 203.0.114.9:443', three, 1, 'no: shop/api[Deployment] cannot reach 203.0.114.9 on TCP 443'],
    ['api reach [2001:db8::1]:443', three, 1, 'no: shop/api[Deployment] cannot reach 2001:db8::1 on TCP 443'],
    ['198.51.100.7 reach ingress-nginx-controller:https', three, 0, 'yes: 198.51.100.7 can reach ingress-nginx/ingress-nginx-controller[Deployment] on TCP 443 (port https → 443)'],
    ['pod/frontend-6c8b8f7d9-2xk4p reach redis-leader:6379', dump, 0, 'yes: guestbook/frontend-6c8b8f7d9-2xk4p can reach guestbook/redis-leader-0 on TCP 6379'],
    ['frontend-6c8b8f7d9-q7wzm reach coredns-76f75df574-8kq2n:dns/udp', dump, 0, 'yes: guestbook/frontend-6c8b8f7d9-q7wzm can reach kube-system/coredns-76f75df574-8kq2n on UDP 53 (port dns → 53)'],
    ['checkout reach ledger:grpc', [...multi, '-n', 'payments'], 0, 'yes: payments/checkout[Deployment] can reach payments/ledger[Deployment] on TCP 50051 (port grpc → 50051)'],
    ['payments-staging/checkout reach payments/ledger:50051', multi, 1, 'no: payments-staging/checkout[Deployment] cannot reach payments/ledger[Deployment] on TCP 50051'],
  ])('%s', async (q, files, code, first) => {
    const r = await can(q as string, files as string[]);
    expect(r.err).toBe('');
    expect(r.out.split('\n')[0]).toBe(first);
    expect(r.code).toBe(code);
  });

  it('sets: a selector against a selector gives a per-pair breakdown', async () => {
    const r = await can('tier=frontend reach app=redis:6379', dump);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('yes: 4 of 4 pairs allowed from pods matching tier=frontend in all namespaces (2 pods) to pods matching app=redis in all namespaces (2 pods) on TCP 6379');
  });

  it('sets: partly denied lists the denied pairs and explains the first', async () => {
    const r = await can('app=redis reach app=guestbook:6379', dump);
    expect(r.code).toBe(1);
    expect(r.out).toContain('no: 0 of 4 pairs allowed');
    expect(r.out).toContain('✗ guestbook/redis-leader-0 → guestbook/frontend-6c8b8f7d9-2xk4p on TCP 6379');
    expect(r.out).toContain('first denied pair:');
    const ns = await can('app=redis reach role=leader:6379', [...dump, '-n', 'guestbook']);
    // The leader itself is left out of a set-to-set question: one pair remains.
    expect(ns.out.split('\n')[0]).toBe('yes: guestbook/redis-follower-5b9c7d8f4-h9d2x can reach guestbook/redis-leader-0 on TCP 6379');
  });

  it('a CIDR source is split where policies split it', async () => {
    const r = await can('198.51.100.0/22 reach payments/ledger:grpc', multi);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')[0]).toBe('no: 0 of 3 pairs allowed from 198.51.100.0/22 (3 ranges) to payments/ledger[Deployment] (1 pod) on TCP grpc');
    expect(r.out).toContain('✗ 198.51.101.0-198.51.101.255 → payments/ledger[Deployment] on TCP 50051 (port grpc → 50051)');
  });

  it('--verbose lists every pair, --quiet prints nothing', async () => {
    const v = await can('tier=frontend reach app=redis:6379', dump, '--verbose');
    expect(v.out.match(/✓/g)!.length).toBeGreaterThanOrEqual(4);
    const q = await can('api reach db:6379', three, '--quiet');
    expect([q.code, q.out, q.err]).toEqual([1, '', '']);
  });
});

describe('netpol-check can: errors exit 2 with a useful message', () => {
  it.each([
    ['frontnd reach db', three, /source: no workload, pod or service named "frontnd"\n {2}did you mean: shop\/frontend\[Deployment\]/],
    ['api reach dbb:5432', three, /destination: no workload, pod or service named "dbb"\n {2}did you mean: shop\/db\[StatefulSet\], service shop\/db/],
    ['checkout reach ledger', multi, /source: "checkout" is ambiguous: name one with NAMESPACE\/NAME or KIND\/NAME\n {2}did you mean: payments\/deployment\/checkout, payments-staging\/deployment\/checkout/],
    ['api reach db:99999', three, /destination: port 99999 is not between 1 and 65535/],
    ['api reach db:5432/icmp', three, /protocol "icmp" is not tcp, udp or sctp/],
    ['api reach db:Bad_Name', three, /"Bad_Name" is neither a port number nor a valid port name/],
    ['api reach svc/db:6379', three, /service shop\/db has no port TCP 6379; it has: TCP 5432 \(postgres\)/],
    ['api reach db:grpc', three, /no destination pod has a TCP port named "grpc"; named ports there: postgres \(TCP 5432\)/],
    ['app==web,,x reach db', three, /source: bad selector/],
    ['app=nothing reach db', three, /source: no pod matches app=nothing in all namespaces/],
    ['api:80 reach db', three, /source: a port belongs to the destination/],
    ['1.2.3.4 reach 5.6.7.8', three, /both ends are outside addresses/],
    ['api goes db', three, /expected: netpol-check can SRC reach DST/],
    ['wat/api reach db', three, /source: no workload, pod or service named "api" in namespace wat/],
  ])('%s', async (q, files, message) => {
    const r = await can(q as string, files as string[]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message as RegExp);
  });
});

describe('netpol-check can: explanations, one per verdict path', () => {
  it('allowed by a rule: names policy, rule, peer and file:line on both sides', async () => {
    const r = await can('api reach db:5432', three);
    expect(r.out).toContain('✓ allowed by shop/api egress rule 0 (examples/three-tier/policies.yaml:70:7): peer 0: pods app=db in namespace shop; opens TCP 5432');
    expect(r.out).toContain('✓ allowed by shop/db ingress rule 0 (examples/three-tier/policies.yaml:91:7): peer 0: pods app=api in namespace shop; opens TCP 5432');
    expect(r.out).toContain('egress of shop/api[Deployment]: isolated by shop/default-deny-all (examples/three-tier/policies.yaml:2:1), shop/allow-dns (examples/three-tier/policies.yaml:12:1), shop/api (examples/three-tier/policies.yaml:54:1)');
  });

  it('denied by isolation with no rules', async () => {
    const snapshot = `${POD('a', 'locked')}---\n${POD('b', 'open')}---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: default-deny, namespace: locked}\nspec: {podSelector: {}}\n`;
    const r = await runCli(['can', 'open/b', 'reach', 'locked/a:80', '-f', '-'], snapshot);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      'no: open/b cannot reach locked/a on TCP 80\n' +
        '  egress of open/b: not isolated (no policy selects it for egress): everything allowed\n' +
        '  ingress of locked/a: isolated by locked/default-deny (<stdin>:9:1)\n' +
        '    ✗ denied: the policy has no ingress rules\n',
    );
  });

  it('denied because the peer does not match: says which term fails', async () => {
    const r = await can('frontend reach db:5432', three);
    expect(r.code).toBe(1);
    expect(r.out).toContain('· shop/db ingress rule 0 (examples/three-tier/policies.yaml:91:7) opens TCP 5432, but no peer matches:\n        peer 0: the pod does not match its podSelector: needs app=api, has app=frontend');
  });

  it('denied because the port does not match: says what the rule opens', async () => {
    const r = await can('api reach db:6379', three);
    expect(r.out).toContain('· shop/api egress rule 0 (examples/three-tier/policies.yaml:70:7) matches the peer but opens only TCP 5432');
    expect(r.out).toContain('· shop/db ingress rule 0 (examples/three-tier/policies.yaml:91:7) matches the peer but opens only TCP 5432');
  });

  it('denied on the egress side only', async () => {
    const r = await can('api reach ingress-nginx-controller:80', three);
    expect(r.code).toBe(1);
    const text = r.out;
    expect(text).toContain('egress of shop/api[Deployment]: isolated by');
    expect(text).toContain('✗ denied: no rule allows it');
    expect(text).toContain('ingress of ingress-nginx/ingress-nginx-controller[Deployment]: not isolated (no policy selects it for ingress): everything allowed');
  });

  it('the namespace side of a peer: explains a namespaceSelector miss', async () => {
    const r = await can('payments-staging/checkout reach payments/ledger:50051', multi);
    expect(r.out).toContain('peer 0: namespace payments-staging does not match its namespaceSelector: needs env in (prod), has env=staging');
  });

  it('JSON carries the same facts in a stable shape', async () => {
    const r = await can('frontend reach db:5432', three, '--format', 'json');
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ format: 'netpol-check/can', version: 1, allowed: false, pairs: { total: 1, allowed: 0 }, port: { port: 5432, protocol: 'TCP' } });
    expect(j.destination).toMatchObject({ label: 'service shop/db', service: 'shop/db' });
    const res = j.results[0];
    expect(res).toMatchObject({ src: 'shop/frontend[Deployment]', dst: 'shop/db[StatefulSet]', allowed: false, port: { protocol: 'TCP', number: 5432, via: 'service port 5432 → targetPort postgres → 5432' } });
    expect(res.ingress.rules).toContainEqual({ policy: 'shop/db', rule: 0, source: 'examples/three-tier/policies.yaml:91:7', peerMatched: null, peer: null, peerMisses: ['peer 0: the pod does not match its podSelector: needs app=api, has app=frontend'], opens: 'TCP 5432', allows: false });
    expect(r.code).toBe(1);
  });
});
