// @ts-nocheck — this function runs in the browser: it is embedded in the report with
// Function.prototype.toString, so it uses nothing from outside itself but `cytoscape`,
// `heatMap` (heat-map.ts, embedded next to it) and the data it is given. Plain DOM code, no
// framework; text from the input is only ever set as text, never as markup.
/* eslint-disable */

/**
 * Draws the report: first the namespace heat map; a click there opens the graph (cytoscape,
 * fcose layout) of the namespaces chosen and their neighbours, at most `data.caps.nodes` units
 * of a namespace at once. Filters, search, details and the tables work on both.
 */
export function reportClient(data, win) {
  const doc = win.document;
  const $ = (id) => doc.getElementById(id);
  const Node = win.Node;
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
  const fmt = (n) => n.toLocaleString('en-US');
  const units = data.level === 'pod' ? 'pods' : 'workloads';
  const heatNames = data.heat.nodes.map((n) => n[0]);
  const namespaces = heatNames.filter((_, i) => !data.heat.nodes[i][1]);
  let graph = null;
  let views = null;
  const parseGraph = () => {
    if (graph) return;
    graph = JSON.parse($('netpol-graph').textContent);
    views = new Map(graph.views.map((v) => [v.ns, v]));
  };
  const state = { view: 'heat', selection: null, hiddenNs: new Set(), protocols: new Set(['TCP', 'UDP', 'SCTP']), port: null };

  // ---- summary, findings, exposure, groups
  const summary = $('summary');
  for (const [k, v] of Object.entries(data.counts)) summary.append(el('tr', {}, el('th', {}, k), el('td', {}, fmt(v))));
  const findings = $('findings');
  if (!data.findings.length) findings.append(el('tr', {}, el('td', { colspan: '3' }, 'no findings')));
  const findingRow = (f) => el('tr', { class: f.severity }, el('td', {}, f.severity), el('td', {}, f.rule), el('td', {}, `${f.message}${f.where ? ` (${f.where})` : ''}`));
  // Thousands of rows would make every layout of the page slow: the rest come on request.
  const FIRST_FINDINGS = 300;
  for (const f of data.findings.slice(0, FIRST_FINDINGS)) findings.append(findingRow(f));
  if (data.findings.length > FIRST_FINDINGS) {
    const more = el('tr', {}, el('td', { colspan: '3' }, el('button', { type: 'button', id: 'more-findings', onclick: () => { more.remove(); findings.append(...data.findings.slice(FIRST_FINDINGS).map(findingRow)); } }, `show the other ${fmt(data.findings.length - FIRST_FINDINGS)} findings`)));
    findings.append(more);
  }
  const LISTED = data.caps.listed;
  const exposed = $('exposed');
  if (!data.exposed.length) exposed.append(el('li', {}, 'nothing'));
  for (const x of data.exposed) exposed.append(el('li', {}, el('b', {}, x.id), ` from ${x.from}`));
  const unlisted = data.counts['reachable from outside'] - data.exposed.length;
  if (unlisted > 0) exposed.append(el('li', {}, `and ${fmt(unlisted)} more (use -n or -l to narrow)`));
  const groups = $('groups');
  if (!data.groups) groups.append(el('li', {}, `not computed: ${fmt(data.counts['allowed pairs'])} allowed pairs are more than the ${fmt(data.caps.analysed)} analysed (use -n or -l to narrow)`));
  else if (!data.groups.length) groups.append(el('li', {}, 'none'));
  else for (const g of data.groups.slice(0, LISTED)) groups.append(el('li', {}, g.length > 50 ? `${g.slice(0, 50).join(' ⇄ ')} ⇄ … (${fmt(g.length)} in all)` : g.join(' ⇄ ')));

  // ---- filters
  const portsMatch = (ports) => ports.some(([p, lo, hi]) => state.protocols.has(p) && (state.port === null || (lo <= state.port && state.port <= hi)));
  const nsBox = $('namespaces');
  for (const ns of [...namespaces, '(outside)']) {
    const cb = el('input', { type: 'checkbox', checked: 'checked', 'data-ns': ns, onchange: (e) => { e.target.checked ? state.hiddenNs.delete(ns) : state.hiddenNs.add(ns); applyFilters(); } });
    nsBox.append(el('label', {}, cb, ` ${ns}`));
  }
  for (const p of ['TCP', 'UDP', 'SCTP']) $(`proto-${p}`).addEventListener('change', (e) => { e.target.checked ? state.protocols.add(p) : state.protocols.delete(p); applyFilters(); });
  $('port').addEventListener('input', (e) => { const v = Number(e.target.value); state.port = e.target.value && Number.isInteger(v) ? v : null; applyFilters(); });

  // ---- the heat map
  const describeCell = (c) => `${c[3] >= c[4] ? 'all' : 'some'} (${fmt(c[3])}/${fmt(c[4])} pod pairs): ${data.conns[c[2]][0]}`;
  const heatNs = (i) => (data.heat.nodes[i][1] ? '(outside)' : heatNames[i]);
  const cellShown = (c) => !state.hiddenNs.has(heatNs(c[0])) && !state.hiddenNs.has(heatNs(c[1])) && portsMatch(data.conns[c[2]][1]);
  const heat = heatMap(data, win, $('heat-canvas'), $('heat-tip'), (list) => openNamespaces(list), describeCell);

  // ---- the graph
  let cy = null;
  const nodeData = (i) => {
    const [id, name, ns, kindLabel, iso, findingCount] = graph.nodes[i];
    const kind = iso === 3 ? 'external' : data.level === 'pod' ? 'pod' : 'workload';
    return { id, label: kindLabel ? `${name}\n${kindLabel}` : name, kind, ns: ns || '(outside)', iso: ['none', 'one', 'both', 'external'][iso], findings: findingCount, ...(ns ? { parent: `ns:${ns}` } : {}) };
  };
  const edgeData = (i) => {
    const [s, d, c, x] = graph.edges[i];
    const src = graph.nodes[s][0];
    const dst = graph.nodes[d][0];
    return { id: `e${i}`, source: src, target: dst, label: data.conns[c][0], ports: data.conns[c][1], explanation: x >= 0 ? graph.explanations[x].map((l) => graph.lines[l]) : [`netpol-check can '${src}' reach '${dst}' explains this connection.`] };
  };
  /**
   * The elements of the namespaces chosen (null: the whole cluster, which fits) and notes on what
   * is left out. Several namespaces share the caps; when their neighbours drawn one by one would
   * pass them, every neighbour is drawn as a namespace (`squeeze`).
   */
  function elementsOf(selection, squeeze = false) {
    const nodes = new Map();
    const edges = new Map();
    const notes = [];
    const addNode = (i) => { const d = nodeData(i); if (!nodes.has(d.id)) nodes.set(d.id, d); };
    const addNs = (ns, kind) => { const id = `ns:${ns}`; const old = nodes.get(id); if (!old || (old.kind === 'namespace-node' && kind === 'namespace')) nodes.set(id, { id, label: ns, kind, ns, iso: 'ns' }); };
    const addEdge = (i) => { const d = edgeData(i); addNode(graph.edges[i][0]); addNode(graph.edges[i][1]); edges.set(d.id, d); };
    const chosen = selection ?? graph.views.map((v) => v.ns);
    const share = (cap) => (selection ? Math.ceil(cap / chosen.length) : Infinity);
    for (const ns of chosen) {
      const v = views.get(ns);
      if (!v) continue;
      const whole = v.whole && !squeeze;
      const own = new Set(v.units);
      const drawn = new Set(v.units.slice(0, share(data.caps.nodes)));
      drawn.forEach(addNode);
      const fits = (end) => !own.has(end) || drawn.has(end);
      const wanted = whole ? v.edges : v.edges.filter((i) => own.has(graph.edges[i][0]) && own.has(graph.edges[i][1]));
      const kept = wanted.filter((i) => fits(graph.edges[i][0]) && fits(graph.edges[i][1])).slice(0, share(data.caps.edges));
      kept.forEach(addEdge);
      if (drawn.size < v.total) notes.push(`showing ${fmt(drawn.size)} of ${fmt(v.total)} ${units} of ${ns} (use -l to narrow)`);
      const leftOut = v.intraLeftOut + wanted.length - kept.length;
      if (leftOut > 0) notes.push(`${fmt(leftOut)} pairs ${whole ? 'of' : 'inside'} ${ns} left out: more than a graph draws (${fmt(data.caps.edges)})`);
      if (whole || !selection) continue;
      // Too many neighbours to draw one by one: they are drawn as namespaces (and ranges), from the heat map.
      const me = heatNames.indexOf(ns);
      const cells = data.heat.cells.map((c, i) => [c, i]).filter(([c]) => (c[0] === me) !== (c[1] === me)).sort((a, b) => b[0][3] - a[0][3]);
      const around = cells.slice(0, data.caps.neighbours);
      for (const [c, i] of around) {
        for (const end of [c[0], c[1]]) {
          const name = heatNames[end];
          if (data.heat.nodes[end][1]) nodes.set(name, nodes.get(name) ?? { id: name, label: name.replace('[External]', ''), kind: 'external', ns: '(outside)', iso: 'external' });
          else addNs(name, selection.includes(name) ? 'namespace' : 'namespace-node');
        }
        const id = (end) => (data.heat.nodes[end][1] ? heatNames[end] : `ns:${heatNames[end]}`);
        edges.set(`h${i}`, { id: `h${i}`, source: id(c[0]), target: id(c[1]), label: `${c[3] >= c[4] ? 'all' : 'some'} (${fmt(c[3])}/${fmt(c[4])})`, ports: data.conns[c[2]][1], explanation: [`${heatNames[c[0]]} → ${heatNames[c[1]]}: ${describeCell(c)}`, `The neighbours of ${ns} are drawn as namespaces: its ${units} and theirs are more than the ${fmt(data.caps.nodes)} nodes a graph draws. Click a namespace to open its ${units}.`] });
      }
      notes.push(`${ns}: neighbours drawn as namespaces${cells.length > around.length ? ` (the ${fmt(around.length)} with the most pairs of ${fmt(cells.length)})` : ''}`);
    }
    for (const d of nodes.values()) if (d.parent) addNs(d.ns, 'namespace');
    for (const ns of chosen) if (views.has(ns)) addNs(ns, 'namespace');
    if (selection && !squeeze && (nodes.size > data.caps.nodes + data.caps.neighbours + chosen.length || edges.size > data.caps.edges + 2 * data.caps.neighbours)) return elementsOf(selection, true);
    return { elements: [...[...nodes.values()].map((data) => ({ data })), ...[...edges.values()].map((data) => ({ data }))], notes };
  }

  const style = (edgeCount) => [
    { selector: 'node', style: { label: 'data(label)', 'text-wrap': 'wrap', 'font-size': 9, 'text-valign': 'center', 'text-halign': 'center', shape: 'round-rectangle', width: (n) => Math.max(40, 6.2 * Math.max(...String(n.data('label')).split('\n').map((l) => l.length))), height: (n) => 14 * String(n.data('label')).split('\n').length, padding: 6, 'background-color': '#fff', 'border-width': 2 } },
    { selector: 'node[kind = "namespace"]', style: { 'text-valign': 'top', 'font-weight': 'bold', 'background-color': '#eef3f8', 'border-color': '#9ab', 'border-width': 1, shape: 'round-rectangle' } },
    { selector: 'node[kind = "namespace-node"]', style: { 'background-color': '#eef3f8', 'border-color': '#9ab', 'font-weight': 'bold' } },
    { selector: 'node[iso = "both"]', style: { 'border-color': '#2a8a3a' } },
    { selector: 'node[iso = "one"]', style: { 'border-color': '#d98a00' } },
    { selector: 'node[iso = "none"]', style: { 'border-color': '#c0392b', 'border-style': 'dashed' } },
    { selector: 'node[iso = "external"]', style: { shape: 'diamond', 'background-color': '#ddd', 'border-color': '#888', 'font-size': 8, width: 30, height: 30, 'text-valign': 'bottom' } },
    { selector: 'node[findings > 0]', style: { 'background-color': '#fff6d6' } },
    { selector: 'edge', style: { 'curve-style': edgeCount > 300 ? 'haystack' : 'bezier', 'target-arrow-shape': 'triangle', width: 1.5, 'line-color': '#999', 'target-arrow-color': '#999', label: edgeCount <= 80 ? 'data(label)' : '', 'font-size': 7, 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
    { selector: '.faded', style: { opacity: 0.12 } },
    { selector: 'edge.out', style: { 'line-color': '#1f6fd1', 'target-arrow-color': '#1f6fd1', width: 3, label: 'data(label)' } },
    { selector: 'edge.in', style: { 'line-color': '#e67e22', 'target-arrow-color': '#e67e22', width: 3, label: 'data(label)' } },
    { selector: 'node.out', style: { 'border-color': '#1f6fd1', 'border-width': 4 } },
    { selector: 'node.in', style: { 'border-color': '#e67e22', 'border-width': 4 } },
    { selector: 'node.focus', style: { 'border-color': '#000', 'border-width': 5 } },
    { selector: 'edge.focus', style: { 'line-color': '#000', 'target-arrow-color': '#000', width: 4, label: 'data(label)' } },
  ];

  const details = $('details');
  const show = (title, lines) => details.replaceChildren(el('h3', {}, title), ...lines);
  function clear() {
    if (cy) cy.elements().removeClass('faded out in focus');
    if (state.view === 'heat') show('Namespaces', [el('p', {}, `Each cell: what the row's namespace may open to the column's, its colour the share of pod pairs allowed (dark: all). Click a cell or a name for the ${units} of those namespaces and their neighbours.`)]);
    else show('Click a node or an edge', [el('p', {}, 'A node shows what it reaches (blue) and what reaches it (orange); an edge shows why it is allowed.')]);
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
    const extra = node.data('kind') === 'namespace-node' ? [el('button', { type: 'button', id: 'open-ns', onclick: () => openNamespaces([node.data('ns')]) }, `open the ${units} of ${node.data('ns')}`)] : [];
    show(node.id(), [...extra, el('h4', {}, `reaches (${outs.edges().length})`), list(outs.edges(), 'target'), el('h4', {}, `reached by (${ins.edges().length})`), list(ins.edges(), 'source')]);
  }
  function focusEdge(edge) {
    cy.elements().removeClass('faded out in focus').addClass('faded');
    edge.removeClass('faded').addClass('focus');
    edge.connectedNodes().removeClass('faded').ancestors().removeClass('faded');
    show(`${edge.source().id()} → ${edge.target().id()}`, [el('pre', { id: 'explanation' }, edge.data('explanation').join('\n'))]);
  }

  function applyFilters() {
    heat.redraw(cellShown);
    if (!cy) return;
    cy.batch(() => {
      cy.nodes().forEach((n) => n.style('display', state.hiddenNs.has(n.data('ns') ?? '') ? 'none' : 'element'));
      cy.edges().forEach((e) => e.style('display', portsMatch(e.data('ports')) && e.source().style('display') !== 'none' && e.target().style('display') !== 'none' ? 'element' : 'none'));
    });
  }
  function showView(view) {
    state.view = view;
    $('heat').style.display = view === 'heat' ? '' : 'none';
    $('cy').style.display = view === 'graph' ? '' : 'none';
    $('level').textContent = view === 'heat' ? `Show ${units}` : 'Show namespaces';
    if (view === 'heat') $('view-note').textContent = `${fmt(heatNames.length)} namespaces and outside ranges${data.whole ? '' : `; a graph draws at most ${fmt(data.caps.nodes)} ${units} of a namespace: click a namespace`}`;
  }
  /** Opens the graph of some namespaces (null: the whole cluster, when it fits). */
  function openNamespaces(selection) {
    if (doc.readyState === 'loading') return void doc.addEventListener('DOMContentLoaded', () => openNamespaces(selection), { once: true }); // the libraries are still being read
    state.selection = selection;
    showView('graph');
    win.netpolReport.ready = false;
    if (cy) cy.destroy();
    const t0 = win.performance.now();
    loadGraphLibraries();
    parseGraph();
    const t1 = win.performance.now();
    const { elements, notes } = elementsOf(selection);
    $('view-note').textContent = `${selection ? selection.join(', ') : `every ${units.slice(0, -1)}`}${notes.length ? ` · ${notes.join(' · ')}` : ''}`;
    const edgeCount = elements.filter((e) => e.data.source).length;
    cy = win.cytoscape({ container: $('cy'), elements, style: style(edgeCount) });
    win.netpolReport.cy = cy;
    cy.on('tap', 'node', (ev) => { const n = ev.target; if (n.data('kind') !== 'namespace') focusNode(n); });
    cy.on('tap', 'edge', (ev) => focusEdge(ev.target));
    cy.on('tap', (ev) => { if (ev.target === cy) clear(); });
    applyFilters();
    clear();
    cy.resize(); // the page around the graph is laid out by now: cytoscape must know its box
    const running = cy.layout(win.cytoscapeFcose ? { name: 'fcose', animate: false, nodeRepulsion: 6000, idealEdgeLength: 90, nodeSeparation: 60, packComponents: true } : { name: 'cose', animate: false });
    running.one('layoutstop', () => {
      cy.resize();
      cy.fit(undefined, 30);
      // What the caps are measured by (test/report/browser.test.ts): the time to lay out and draw.
      win.netpolReport.lastGraph = { nodes: cy.nodes().length, edges: cy.edges().length, librariesMs: t1 - t0, layoutMs: win.performance.now() - t1 };
      win.netpolReport.ready = true;
      if (state.pendingFocus) { const hit = cy.getElementById(state.pendingFocus); state.pendingFocus = null; if (hit.nonempty()) focusNode(hit); }
    });
    running.run();
  }
  /** Runs the embedded cytoscape and fcose once (script elements of type text/plain until then). */
  function loadGraphLibraries() {
    if (win.cytoscape) return;
    for (const lib of doc.querySelectorAll('script.netpol-lib')) {
      const s = doc.createElement('script');
      s.textContent = lib.textContent;
      doc.head.append(s);
    }
    if (win.cytoscapeFcose) win.cytoscape.use(win.cytoscapeFcose);
  }
  function showHeat() {
    showView('heat');
    applyFilters();
    clear();
    win.netpolReport.ready = true;
  }
  win.addEventListener('resize', () => cy && cy.resize());
  $('level').addEventListener('click', () => {
    if (state.view === 'graph') return showHeat();
    openNamespaces(data.whole ? null : state.selection ?? namespaces.slice(0, 1));
  });
  $('search').addEventListener('input', (e) => {
    const q = e.target.value.trim().toLowerCase();
    if (!q) return clear();
    if (doc.readyState === 'loading') return; // the graphs' data is still being read
    const drawn = cy && state.view === 'graph' ? cy.nodes().filter((n) => !n.data('kind').startsWith('namespace') && n.id().toLowerCase().includes(q))[0] : undefined;
    if (drawn) { focusNode(drawn); cy.animate({ center: { eles: drawn }, duration: 200 }); return; }
    parseGraph();
    const hit = graph.nodes.find((n) => n[2] && n[0].toLowerCase().includes(q));
    if (hit) { state.pendingFocus = hit[0]; openNamespaces(data.whole ? null : [hit[2]]); }
  });
  win.netpolReport = { cy, ready: false, state, heat, caps: data.caps, focusNode: (n) => focusNode(n), focusEdge: (e) => focusEdge(e), openNamespaces, showHeat };
  showHeat();
  win.netpolReport.interactiveAt = win.performance.now();
}
