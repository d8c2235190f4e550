import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { Footer, Header, Help } from './frame.js';
import { derive, explanationOf, INITIAL, makeReducer } from './state.js';
import { displayName, type Entry, type ExploreModel, type PolicyEntry } from './model.js';
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

/** `notice`: what the answers on screen leave out or depend on (partial input, policies not evaluated, plugin-dependent pairs), one line. */
export function App({ model, size: fixedSize, notice = '' }: { model: ExploreModel; size?: { width: number; height: number }; notice?: string }) {
  const { exit } = useApp();
  const { width, height } = useSize(fixedSize);
  const reducer = useMemo(() => makeReducer(model), [model]);
  const [state, dispatch] = useReducer(reducer, INITIAL);
  const { tab, focus, scroll, direction, filter, filtering, help } = state;
  const { entries, policies, count, current, entry, policy, peers, peerIndex } = derive(model, state);
  const explanation = useMemo(() => explanationOf(model, state), [model, state.focus, state.sel, state.peerSel, state.direction, state.filter, state.tab]);

  const bodyHeight = Math.max(3, height - 5 - (notice ? 1 : 0));
  const leftWidth = Math.max(24, Math.floor(width * 0.42));
  const rightWidth = Math.max(20, width - leftWidth);
  useEffect(() => dispatch({ type: 'page', rows: bodyHeight }), [bodyHeight]);
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit]);
  useInput((input, key) => dispatch({ type: 'key', input, key }));

  const list =
    tab === 'workloads'
      ? grouped(entries, (e) => e.namespace, entryText, (e) => e.node.id, (e) => (e.findings.length ? 'yellow' : undefined))
      : grouped(policies, (p) => p.namespace, (p) => `${p.kind === 'NetworkPolicy' ? p.label.split('/')[1] : p.label}${p.findings.length ? ` !${p.findings.length}` : ''}`, (p) => p.key, (p) => (p.findings.length ? 'yellow' : undefined));

  const hint =
    focus === 'explain'
      ? '↑↓ scroll · esc back · q quit · ? help'
      : focus === 'peers'
        ? '↑↓/jk move · enter why · d direction · esc back · q quit · ? help'
        : `↑↓/jk move · ${tab === 'workloads' ? 'enter peers · d direction · ' : ''}tab view · / filter · q quit · ? help`;

  return (
    <Box flexDirection="column" width={width}>
      <Header counts={model.counts} tab={tab} semantics={model.snapshot.semantics?.mode === 'legacy' ? 'legacy semantics' : ''} notice={notice} />
      {help ? (
        <Help width={width} />
      ) : focus === 'explain' ? (
        <Box borderStyle="round" flexDirection="column" width={width} height={bodyHeight + 2}>
          {explanation.slice(scroll, scroll + bodyHeight).map((l, i) => (
            <Text key={i} wrap="truncate" {...(i === 0 && scroll === 0 ? { bold: true } : {})}>
              {l}
            </Text>
          ))}
        </Box>
      ) : (
        <Box>
          <Box borderStyle="round" borderColor={focus === 'list' ? 'green' : 'gray'} width={leftWidth} height={bodyHeight + 2}>
            {count === 0 ? (
              <Text dimColor>{filter ? `nothing matches "${filter}"` : tab === 'workloads' ? 'no workloads or pods in the snapshot' : 'no policies'}</Text>
            ) : (
              <WindowedList rows={list.rows} selected={list.rowOf[current] ?? 0} height={bodyHeight} width={leftWidth - 2} focused={focus === 'list'} />
            )}
          </Box>
          <Box borderStyle="round" borderColor={focus === 'peers' ? 'green' : 'gray'} width={rightWidth} height={bodyHeight + 2} flexDirection="column">
            {tab === 'workloads' && entry ? (
              <WorkloadDetail entry={entry} peers={peers} peerSel={focus === 'peers' ? peerIndex : -1} direction={direction} height={bodyHeight} width={rightWidth - 2} />
            ) : tab === 'policies' && policy ? (
              <PolicyDetail policy={policy} height={bodyHeight} />
            ) : null}
          </Box>
        </Box>
      )}
      <Footer filtering={filtering} filter={filter} hint={hint} />
    </Box>
  );
}

function WorkloadDetail({ entry, peers, peerSel, direction, height, width }: { entry: Entry; peers: ReturnType<ExploreModel['peers']>; peerSel: number; direction: 'out' | 'in'; height: number; width: number }) {
  const findings = entry.findings.slice(0, 3).map((f, i): Row => ({ key: `f${i}`, text: `! ${f.ruleId}: ${f.message}`, color: 'yellow' }));
  const title = `${direction === 'out' ? 'reaches' : 'is reached by'} ${peers.length} · d: ${direction === 'out' ? 'who reaches it' : 'whom it reaches'}`;
  const rows: Row[] = peers.map((p) => ({ key: p.node.id, text: `${direction === 'out' ? '→' : '←'} ${displayName(p.node, entry.namespace)}  ${p.connections.toString()}` }));
  const listHeight = Math.max(1, height - 2 - findings.length);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        {entry.node.id}
      </Text>
      <Text dimColor wrap="truncate">
        {title}
      </Text>
      {rows.length ? <WindowedList rows={rows} selected={Math.max(0, peerSel)} height={listHeight} width={width} focused={peerSel >= 0} showSelection={peerSel >= 0} /> : <Text dimColor>{direction === 'out' ? 'reaches nothing' : 'nothing reaches it'}</Text>}
      {findings.map((f) => (
        <Text key={f.key} color="yellow" wrap="truncate">
          {f.text}
        </Text>
      ))}
    </Box>
  );
}

function PolicyDetail({ policy, height }: { policy: PolicyEntry; height: number }) {
  const lines: { text: string; color?: string; bold?: boolean }[] = [
    { text: `${policy.kind} ${policy.label}`, bold: true },
    { text: policy.source },
    ...policy.rules.map((r) => ({ text: `  ${r}` })),
    { text: `selects ${policy.selects.length}:`, bold: true },
    ...policy.selects.map((s) => ({ text: `  ${s}` })),
    ...policy.findings.map((f) => ({ text: `! ${f.ruleId}: ${f.message}`, color: 'yellow' })),
  ];
  return (
    <Box flexDirection="column">
      {lines.slice(0, height).map((l, i) => (
        <Text key={i} wrap="truncate" bold={l.bold ?? false} {...(l.color ? { color: l.color } : {})}>
          {l.text}
        </Text>
      ))}
    </Box>
  );
}
