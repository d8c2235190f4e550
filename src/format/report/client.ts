// @ts-nocheck — this function runs in the browser: it is embedded in the report with
// Function.prototype.toString, so it uses nothing from outside itself but `cytoscape` and the
// data it is given. Plain DOM code, no framework.
/* eslint-disable */

/** Draws the report: the graph (cytoscape, fcose layout), filters, search, details, tables. */
export function reportClient(data, win) {
  const doc = win.document;
  const $ = (id) => doc.getElementById(id);
  const el = (tag, attrs = {}, ...children) => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const c of children) e.append(c instanceof Node ? c : doc.createTextNode(String(c)));
    return e;
  };
  const Node = win.Node;
  const namespaces = [...new Set(data.nodes.filter((n) => n.namespace).map((n) => n.namespace))].sort();
  const nodeById = new Map(data.nodes.map((n) => [n.id, n]));
  const state = { level: data.nodes.length > 150 ? 'namespace' : 'workload', hiddenNs: new Set(), protocols: new Set(['TCP', 'UDP', 'SCTP']), port: null };

  // ---- summary, findings, exposure, groups
  const summary = $('summary');
  for (const [k, v] of Object.entries(data.counts)) summary.append(el('tr', {}, el('th', {}, k), el('td', {}, v)));
  const findings = $('findings');
  if (!data.findings.length) findings.append(el('tr', {}, el('td', { colspan: '3' }, 'no findings')));
  for (const f of data.findings) findings.append(el('tr', { class: f.severity }, el('td', {}, f.severity), el('td', {}, f.rule), el('td', {}, `${f.message}${f.where ? ` (${f.where})` : ''}`)));
  const exposed = $('exposed');
  if (!data.exposed.length) exposed.append(el('li', {}, 'nothing'));
  for (const x of data.exposed) exposed.append(el('li', {}, el('b', {}, x.id), ` from ${x.from}`));
  const groups = $('groups');
  if (!data.groups.length) groups.append(el('li', {}, 'none'));
  for (const g of data.groups) groups.append(el('li', {}, g.join(' ⇄ ')));

  // ---- filters
  const nsBox = $('namespaces');
  for (const ns of [...namespaces, '(outside)']) {
    const cb = el('input', { type: 'checkbox', checked: 'checked', 'data-ns': ns, onchange: (e) => { e.target.checked ? state.hiddenNs.delete(ns) : state.hiddenNs.add(ns); applyFilters(); } });
    nsBox.append(el('label', {}, cb, ` ${ns}`));
  }
  for (const p of ['TCP', 'UDP', 'SCTP']) {
    $(`proto-${p}`).addEventListener('change', (e) => { e.target.checked ? state.protocols.add(p) : state.protocols.delete(p); applyFilters(); });
  }
  $('port').addEventListener('input', (e) => { const v = Number(e.target.value); state.port = e.target.value && Number.isInteger(v) ? v : null; applyFilters(); });

  // ---- elements per level
  const edgeMatches = (ports) => ports.some(([p, lo, hi]) => state.protocols.has(p) && (state.port === null || (lo <= state.port && state.port <= hi)));
  function workloadElements() {
    const els = namespaces.map((ns) => ({ data: { id: `ns:${ns}`, label: ns, kind: 'namespace', ns } }));
    for (const n of data.nodes) {
      const iso = n.kind === 'external' ? 'external' : n.isolated.ingress && n.isolated.egress ? 'both' : n.isolated.ingress || n.isolated.egress ? 'one' : 'none';
      els.push({ data: { id: n.id, label: n.kind === 'workload' ? `${n.name}\n${n.workloadKind}` : n.name, kind: n.kind, ns: n.namespace || '(outside)', iso, findings: n.findings, ...(n.namespace ? { parent: `ns:${n.namespace}` } : {}) } });
    }
    for (const e of data.edges) els.push({ data: { id: e.id, source: e.src, target: e.dst, label: e.text, ports: e.ports, explanation: e.explanation } });
    return els;
  }
  function namespaceElements() {
    const els = namespaces.map((ns) => ({ data: { id: `ns:${ns}`, label: ns, kind: 'namespace-node', ns, iso: 'ns' } }));
    // All outside ranges are one node here; the edge panels list the ranges.
    const nsOf = (id) => { const n = nodeById.get(id); return n.namespace ? `ns:${n.namespace}` : 'outside'; };
    if (data.nodes.some((n) => n.kind === 'external')) els.push({ data: { id: 'outside', label: 'outside the cluster', kind: 'external', ns: '(outside)', iso: 'external' } });
    const agg = new Map();
    for (const e of data.edges) {
      const s = nsOf(e.src);
      const t = nsOf(e.dst);
      if (s === t) continue;
      const key = `${s}→${t}`;
      const a = agg.get(key) ?? { source: s, target: t, ports: [], lines: [] };
      a.ports.push(...e.ports);
      a.lines.push(`${e.src} → ${e.dst}: ${e.text}`);
      agg.set(key, a);
    }
    let i = 0;
    for (const a of agg.values()) els.push({ data: { id: `agg${i++}`, source: a.source, target: a.target, label: `${a.lines.length} pair${a.lines.length === 1 ? '' : 's'}`, ports: a.ports, explanation: a.lines } });
    return els;
  }

  const cy = win.cytoscape({
    container: $('cy'),
    style: [
      { selector: 'node', style: { label: 'data(label)', 'text-wrap': 'wrap', 'font-size': 9, 'text-valign': 'center', 'text-halign': 'center', shape: 'round-rectangle', width: (n) => Math.max(40, 6.2 * Math.max(...String(n.data('label')).split('\n').map((l) => l.length))), height: (n) => 14 * String(n.data('label')).split('\n').length, padding: 6, 'background-color': '#fff', 'border-width': 2 } },
      { selector: 'node[kind = "namespace"]', style: { 'text-valign': 'top', 'font-weight': 'bold', 'background-color': '#eef3f8', 'border-color': '#9ab', 'border-width': 1, shape: 'round-rectangle' } },
      { selector: 'node[kind = "namespace-node"]', style: { 'background-color': '#eef3f8', 'border-color': '#9ab', 'font-weight': 'bold' } },
      { selector: 'node[iso = "both"]', style: { 'border-color': '#2a8a3a' } },
      { selector: 'node[iso = "one"]', style: { 'border-color': '#d98a00' } },
      { selector: 'node[iso = "none"]', style: { 'border-color': '#c0392b', 'border-style': 'dashed' } },
      { selector: 'node[iso = "external"]', style: { shape: 'diamond', 'background-color': '#ddd', 'border-color': '#888', 'font-size': 8, width: 30, height: 30, 'text-valign': 'bottom' } },
      { selector: 'node[findings > 0]', style: { 'background-color': '#fff6d6' } },
      { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 1.5, 'line-color': '#999', 'target-arrow-color': '#999', label: data.edges.length <= 80 ? 'data(label)' : '', 'font-size': 7, 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
      { selector: '.faded', style: { opacity: 0.12 } },
      { selector: 'edge.out', style: { 'line-color': '#1f6fd1', 'target-arrow-color': '#1f6fd1', width: 3, label: 'data(label)' } },
      { selector: 'edge.in', style: { 'line-color': '#e67e22', 'target-arrow-color': '#e67e22', width: 3, label: 'data(label)' } },
      { selector: 'node.out', style: { 'border-color': '#1f6fd1', 'border-width': 4 } },
      { selector: 'node.in', style: { 'border-color': '#e67e22', 'border-width': 4 } },
      { selector: 'node.focus', style: { 'border-color': '#000', 'border-width': 5 } },
      { selector: 'edge.focus', style: { 'line-color': '#000', 'target-arrow-color': '#000', width: 4, label: 'data(label)' } },
    ],
  });

  const details = $('details');
  function show(title, lines) {
    details.replaceChildren(el('h3', {}, title), ...lines);
  }
  function clear() {
    cy.elements().removeClass('faded out in focus');
    show('Click a node or an edge', [el('p', {}, 'A node shows what it reaches (blue) and what reaches it (orange); an edge shows why it is allowed.')]);
  }
  function focusNode(node) {
    cy.elements().removeClass('faded out in focus').addClass('faded');
    node.removeClass('faded').addClass('focus');
    node.ancestors().removeClass('faded');
    const outs = node.outgoers();
    const ins = node.incomers();
    outs.removeClass('faded').addClass('out');
    ins.removeClass('faded').addClass('in');
    outs.nodes().ancestors().removeClass('faded');
    ins.nodes().ancestors().removeClass('faded');
    const list = (edges, end) => el('ul', {}, ...edges.map((e) => el('li', {}, `${e[end]().id()}: ${e.data('label')}`)));
    show(node.id(), [el('h4', {}, `reaches (${outs.edges().length})`), list(outs.edges(), 'target'), el('h4', {}, `reached by (${ins.edges().length})`), list(ins.edges(), 'source')]);
  }
  function focusEdge(edge) {
    cy.elements().removeClass('faded out in focus').addClass('faded');
    edge.removeClass('faded').addClass('focus');
    edge.connectedNodes().removeClass('faded').ancestors().removeClass('faded');
    show(`${edge.source().id()} → ${edge.target().id()}`, [el('pre', { id: 'explanation' }, edge.data('explanation').join('\n'))]);
  }
  cy.on('tap', 'node', (ev) => { const n = ev.target; if (n.data('kind') !== 'namespace') focusNode(n); });
  cy.on('tap', 'edge', (ev) => focusEdge(ev.target));
  cy.on('tap', (ev) => { if (ev.target === cy) clear(); });

  function applyFilters() {
    cy.batch(() => {
      cy.nodes().forEach((n) => { const hide = state.hiddenNs.has(n.data('ns') ?? ''); n.style('display', hide ? 'none' : 'element'); });
      cy.edges().forEach((e) => { const show = edgeMatches(e.data('ports')) && e.source().style('display') !== 'none' && e.target().style('display') !== 'none'; e.style('display', show ? 'element' : 'none'); });
    });
  }
  function layout() {
    const running = cy.layout(win.cytoscapeFcose ? { name: 'fcose', animate: false, nodeRepulsion: 6000, idealEdgeLength: 90, nodeSeparation: 60, packComponents: true } : { name: 'cose', animate: false });
    running.one('layoutstop', () => {
      cy.resize();
      cy.fit(undefined, 30);
      win.netpolReport.ready = true;
    });
    win.netpolReport.ready = false;
    running.run();
  }
  function build() {
    cy.elements().remove();
    cy.add(state.level === 'workload' ? workloadElements() : namespaceElements());
    $('level').textContent = state.level === 'workload' ? 'Show namespaces' : 'Show workloads';
    applyFilters();
    clear();
    cy.resize(); // the page around the graph is laid out by now: cytoscape must know its box
    layout();
  }
  win.addEventListener('resize', () => cy.resize());
  $('level').addEventListener('click', () => { state.level = state.level === 'workload' ? 'namespace' : 'workload'; build(); });
  $('search').addEventListener('input', (e) => {
    const q = e.target.value.trim().toLowerCase();
    if (!q) return clear();
    const hit = cy.nodes().filter((n) => n.data('kind') !== 'namespace' && n.id().toLowerCase().includes(q))[0];
    if (hit) { focusNode(hit); cy.animate({ center: { eles: hit }, duration: 200 }); }
  });
  win.netpolReport = { cy, ready: false, focusNode, focusEdge, state };
  build();
}
