import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const TIER = join(ROOT, 'examples', 'three-tier');

describe('graph commands', () => {
  it('reach-from: the blast radius, hop by hop', async () => {
    const r = await runCli(['reach-from', 'ingress-nginx-controller', '--hops', '2', '-f', TIER]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('ingress-nginx/ingress-nginx-controller[Deployment] reaches 3 workloads and 1 outside range within 2 hops');
    expect(r.out).toContain('  1  shop/frontend[Deployment]  via ingress-nginx/ingress-nginx-controller[Deployment]: TCP 8080');
    expect(r.out).toContain('  2  shop/api[Deployment]  via shop/frontend[Deployment]: TCP 9000');
    expect(r.out).not.toContain('shop/db');
    const json = JSON.parse((await runCli(['reach-from', 'frontend', '-f', TIER, '--format', 'json'])).out);
    expect(json.reached.map((x: { id: string }) => x.id)).toEqual(['kube-system/coredns[Deployment]', 'shop/api[Deployment]']);
  });

  it('path: a shortest chain, exit 0; none, exit 1; names as can reads them', async () => {
    const r = await runCli(['path', 'ingress-nginx-controller', 'db', '-f', TIER]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      'ingress-nginx/ingress-nginx-controller[Deployment] reaches shop/db[StatefulSet] in 3 hops:\n' +
        '  ingress-nginx/ingress-nginx-controller[Deployment] → shop/frontend[Deployment]: TCP 8080\n' +
        '  shop/frontend[Deployment] → shop/api[Deployment]: TCP 9000\n' +
        '  shop/api[Deployment] → shop/db[StatefulSet]: TCP 5432\n',
    );
    const isolated =
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec: {podSelector: {matchLabels: {app: b}}, policyTypes: [Ingress]}\n---\n' +
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a, labels: {app: a}}\nspec: {containers: [{name: c, image: i}]}\n---\n' +
      'apiVersion: v1\nkind: Pod\nmetadata: {name: b, labels: {app: b}}\nspec: {containers: [{name: c, image: i}]}\n';
    const none = await runCli(['path', 'a', 'b', '-f', '-'], isolated);
    expect(none.code).toBe(1);
    expect(none.out).toBe('no path: default/a[Pod] cannot reach default/b[Pod], directly or through other workloads\n');
    expect((await runCli(['path', 'b', 'a', '-f', '-'], isolated)).code).toBe(0);
  });

  it('unknown and ambiguous names are errors with candidates', async () => {
    const unknown = await runCli(['path', 'frontnd', 'db', '-f', TIER]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('did you mean');
    const many = await runCli(['reach-from', '*', '-n', 'shop', '-f', TIER]);
    expect(many.code).toBe(2);
    expect(many.err).toContain('stands for 3 nodes; name one');
    expect((await runCli(['reach-from', 'db', '--hops', '0', '-f', TIER])).err).toContain('--hops must be a whole number of at least 1');
  });

  it('matrix --format gexf | graphml | html', async () => {
    const gexf = await runCli(['matrix', '-f', TIER, '--format', 'gexf']);
    expect(gexf.out).toContain('<gexf');
    const graphml = await runCli(['matrix', '-f', TIER, '--format', 'graphml']);
    expect(graphml.out).toContain('<edge id="e0" source=');
    const html = await runCli(['matrix', '-f', TIER, '-o', 'html', '--output-file', 'r.html']);
    expect(html.files['r.html']).toMatch(/^<!doctype html>/);
  });

  it('report: one self-contained page', async () => {
    const r = await runCli(['report', '-f', TIER, '--output-file', 'report.html']);
    expect(r.code).toBe(0);
    const page = r.files['report.html']!;
    expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+href=/); // everything inline
    expect(page).toContain('cytoscape');
    expect(page).toContain('["shop/frontend[Deployment]",'); // a node of the graph data
    expect((await runCli(['report', '-f', TIER])).code).toBe(2); // --output-file is required
  });
});

describe('report: text from manifests cannot break out of the page', () => {
  it('labels with markup stay data', async () => {
    const hostile =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: evil\n  labels: {app: x}\n  annotations: {note: "</script><script>alert(1)</script><!--<script>"}\nspec: {containers: [{name: c, image: i}]}\n---\n' +
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: "p"}\nspec:\n  podSelector: {}\n  ingress:\n  - from: [{namespaceSelector: {matchLabels: {team: "</script>"}}}]\n';
    const r = await runCli(['report', '-f', '-', '--output-file', 'x.html', '--title', '<b>t</b>'], hostile);
    const page = r.files['x.html']!;
    const data = page.slice(page.indexOf('const NETPOL_REPORT = '), page.indexOf('\nfunction reportClient'));
    expect(data).not.toContain('<');
    expect(page).toContain('<title>&lt;b&gt;t&lt;/b&gt;</title>');
  });
});
