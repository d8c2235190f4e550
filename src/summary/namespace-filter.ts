import type { NamespaceMatrix } from './namespace-matrix.js';

/**
 * `matrix --level namespace -n NS…`: the cells with an end in one of the namespaces (as `-n`
 * keeps the pairs with an end there at the workload level), and the rows and columns they use.
 * The result says which namespaces were asked for (`filters`), so a JSON reader knows the
 * summary is not the whole cluster.
 */
export function namespaceCellsOf(n: NamespaceMatrix, namespaces: readonly string[]): NamespaceMatrix {
  const wanted = new Set(namespaces);
  const inside = (node: NamespaceMatrix['nodes'][number]): boolean => node.kind === 'namespace' && wanted.has(node.id);
  const cells = n.cells.filter((c) => inside(c.src) || inside(c.dst));
  const used = new Set(cells.flatMap((c) => [c.src.id, c.dst.id]));
  return { ...n, nodes: n.nodes.filter((node) => inside(node) || used.has(node.id)), cells, filters: { namespaces: [...wanted] } };
}
