import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { escapeTerminal } from '../../src/text/escape/terminal.js';
import { ColourContext, useColour } from './colour.js';
import { Footer, Header, Help } from './frame.js';
import { layout } from './layout.js';
import { derive, INITIAL, makeReducer, type ExploreState } from './state.js';
import { displayName, type Entry, type ExploreModel } from './model.js';
import { ScrollPane } from './scroll-pane.js';
import { scrolledText } from './scrolled-text.js';
import { WindowedList, type Row } from './windowed-list.js';

/** Follows the terminal's size; tests pass a fixed one. */
function useSize(fixed?: { width: number; height: number }) {
  const { stdout } = useStdout();
  const read = () => fixed ?? { width: stdout.columns || 80, height: stdout.rows || 24 };
  const [size, setSize] = useState(read);
  useEffect(() => {
    if (fixed) return;
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

const KIND_SHORT: Record<string, string> = { Deployment: 'deploy', StatefulSet: 'sts', DaemonSet: 'ds', ReplicaSet: 'rs', ReplicationController: 'rc', Job: 'job', CronJob: 'cronjob', Pod: 'pod' };

/** `[in eg] api deploy !2`: isolation first, so that truncation only ever cuts the name's end. */
function entryText(e: Entry): string {
  const iso = `[${e.isolated.ingress ? 'in' : '--'} ${e.isolated.egress ? 'eg' : '--'}]`;
  const name = e.node.kind === 'workload' ? `${e.node.name} ${KIND_SHORT[e.node.workloadKind] ?? e.node.workloadKind}` : e.node.kind === 'pod' ? e.node.name : e.node.id;
  return `${iso} ${e.findings.length ? `!${e.findings.length} ` : ''}${name}`;
}

/** Rows grouped by namespace, and the row index of each selectable item. */
function grouped<T>(items: T[], ns: (t: T) => string, text: (t: T) => string, key: (t: T) => string, color?: (t: T) => string | undefined): { rows: Row[]; rowOf: number[] } {
  const rows: Row[] = [];
  const rowOf: number[] = [];
  let current: string | undefined;
  for (const item of items) {
    if (ns(item) !== current) {
      current = ns(item);
      rows.push({ key: `ns:${current}`, text: current, header: true, color: 'cyan' });
    }
    rowOf.push(rows.length);
    const c = color?.(item);
    rows.push({ key: key(item), text: text(item), ...(c ? { color: c } : {}) });
  }
  return { rows, rowOf };
}

/** The key hint of the footer: the keys of the pane that has the focus. */
function hintOf(s: ExploreState): string {
  if (s.focus === 'explain') return '↑↓ scroll · PgUp PgDn page · esc back · q quit · ? help';
  if (s.focus === 'detail') return `↑↓ scroll · PgUp PgDn page · y ${s.yaml ? 'summary' : 'yaml'} · esc back · q quit · ? help`;
  if (s.focus === 'peers') return `↑↓/jk move · enter why · a ${s.allPeers ? 'reached' : 'all'} · d direction · esc back · q quit · ? help`;
  if (s.tab === 'policies') return `↑↓/jk move · enter scroll · y ${s.yaml ? 'summary' : 'yaml'} · tab view · / filter · q quit · ? help`;
  return `↑↓/jk move · enter peers · a ${s.allPeers ? 'reached' : 'all'} · d direction · / filter · q quit · ? help`;
}

/**
 * `notice`: what the answers on screen leave out or depend on (partial input, policies not
 * evaluated, plugin-dependent pairs), one line. `colour`: false under NO_COLOR (bold and reverse
 * video stay, so the selection still shows).
 */
export function App({ model, size: fixedSize, notice = '', colour = true }: { model: ExploreModel; size?: { width: number; height: number }; notice?: string; colour?: boolean }) {
  return (
    <ColourContext.Provider value={colour}>
      <Explorer model={model} notice={notice} fixedSize={fixedSize} />
    </ColourContext.Provider>
  );
}

function Explorer({ model, fixedSize, notice }: { model: ExploreModel; fixedSize?: { width: number; height: number }; notice: string }) {
  const { exit } = useApp();
  const colour = useColour();
  const { width, height } = useSize(fixedSize);
  const reducer = useMemo(() => makeReducer(model), [model]);
  const [state, dispatch] = useReducer(reducer, INITIAL);
  const { tab, focus, scroll, direction, filter, filtering, help } = state;
  const { entries, policies, count, current, entry, peers, peerIndex } = derive(model, state);
  const scrolling = focus === 'explain' || tab === 'policies';
  const text = useMemo(() => (scrolling ? scrolledText(model, state) : []), [model, scrolling, state.focus, state.sel, state.peerSel, state.direction, state.allPeers, state.filter, state.tab, state.yaml, state.columns]);

  const { bodyHeight, leftWidth, rightWidth } = layout(width, height, notice !== '');
  useEffect(() => dispatch({ type: 'size', rows: bodyHeight, columns: width }), [bodyHeight, width]);
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit]);
  useInput((input, key) => dispatch({ type: 'key', input, key }));

  const list =
    tab === 'workloads'
      ? grouped(entries, (e) => e.namespace, entryText, (e) => e.node.id, (e) => (e.findings.length ? 'yellow' : undefined))
      : grouped(policies, (p) => p.namespace, (p) => `${p.kind === 'NetworkPolicy' ? p.label.split('/')[1] : p.label}${p.findings.length ? ` !${p.findings.length}` : ''}`, (p) => p.key, (p) => (p.findings.length ? 'yellow' : undefined));
  const border = (focused: boolean) => colour(focused ? 'green' : 'gray');

  return (
    <Box flexDirection="column" width={width}>
      <Header counts={model.counts} tab={tab} semantics={model.snapshot.semantics?.mode === 'legacy' ? 'legacy semantics' : ''} notice={notice} />
      {help ? (
        <Help width={width} />
      ) : focus === 'explain' ? (
        <Box borderStyle="round" flexDirection="column" width={width} height={bodyHeight + 2}>
          <ScrollPane lines={text} scroll={scroll} height={bodyHeight} hint="↑↓ PgUp PgDn" />
        </Box>
      ) : (
        <Box>
          <Box borderStyle="round" borderColor={border(focus === 'list')} width={leftWidth} height={bodyHeight + 2}>
            {count === 0 ? (
              <Text dimColor>{filter ? `nothing matches "${escapeTerminal(filter)}"` : tab === 'workloads' ? 'no workloads or pods in the snapshot' : 'no policies'}</Text>
            ) : (
              <WindowedList rows={list.rows} selected={list.rowOf[current] ?? 0} height={bodyHeight} width={leftWidth - 2} focused={focus === 'list'} />
            )}
          </Box>
          <Box borderStyle="round" borderColor={border(focus === 'peers' || focus === 'detail')} width={rightWidth} height={bodyHeight + 2} flexDirection="column">
            {tab === 'workloads' && entry ? (
              <WorkloadDetail entry={entry} peers={peers} peerSel={focus === 'peers' ? peerIndex : -1} direction={direction} all={state.allPeers} height={bodyHeight} width={rightWidth - 2} />
            ) : tab === 'policies' ? (
              <ScrollPane lines={text} scroll={scroll} height={bodyHeight} hint={focus === 'detail' ? '↑↓ PgUp PgDn' : 'enter scrolls'} />
            ) : null}
          </Box>
        </Box>
      )}
      <Footer filtering={filtering} filter={filter} hint={hintOf(state)} />
    </Box>
  );
}

function WorkloadDetail({ entry, peers, peerSel, direction, all, height, width }: { entry: Entry; peers: ReturnType<ExploreModel['peers']>; peerSel: number; direction: 'out' | 'in'; all: boolean; height: number; width: number }) {
  const colour = useColour();
  const yellow = colour('yellow');
  const findings = entry.findings.slice(0, 3).map((f, i): Row => ({ key: `f${i}`, text: `! ${f.ruleId}: ${f.message}`, color: 'yellow' }));
  const open = all ? peers.filter((p) => !p.connections.isEmpty()).length : peers.length;
  const counted = `${direction === 'out' ? 'reaches' : 'is reached by'} ${open}${all ? ` of ${peers.length}` : ''}`;
  const title = `${counted} · a: ${all ? 'reached only' : 'all'} · d: ${direction === 'out' ? 'who reaches it' : 'whom it reaches'}`;
  const arrow = direction === 'out' ? '→' : '←';
  const rows: Row[] = peers.map((p) =>
    p.connections.isEmpty() ? { key: p.node.id, text: `✗ ${displayName(p.node, entry.namespace)}  no`, dim: true } : { key: p.node.id, text: `${arrow} ${displayName(p.node, entry.namespace)}  ${p.connections.toString()}` },
  );
  const listHeight = Math.max(1, height - 2 - findings.length);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        {escapeTerminal(entry.node.id)}
      </Text>
      <Text dimColor wrap="truncate">
        {title}
      </Text>
      {rows.length ? <WindowedList rows={rows} selected={Math.max(0, peerSel)} height={listHeight} width={width} focused={peerSel >= 0} showSelection={peerSel >= 0} /> : <Text dimColor>{direction === 'out' ? 'reaches nothing (a: all, to ask why not)' : 'nothing reaches it (a: all, to ask why not)'}</Text>}
      {findings.map((f) => (
        <Text key={f.key} wrap="truncate" color={yellow}>
          {escapeTerminal(f.text)}
        </Text>
      ))}
    </Box>
  );
}
