import { Box, Text } from 'ink';
import { useColour } from './colour.js';
import type { Counts } from './model.js';
import { wrapLines } from './wrap.js';

export function Header({ counts, tab, semantics, notice = '' }: { counts: Counts; tab: 'workloads' | 'policies'; semantics: string; notice?: string }) {
  const colour = useColour();
  return (
    <Box flexDirection="column">
      {notice ? (
        <Text wrap="truncate" color={colour('yellow')}>
          {notice}
        </Text>
      ) : null}
      <Text wrap="truncate">
        <Text bold>netpol-check</Text>
        {` · ${counts.namespaces} ns · ${counts.nodes} workloads · ${counts.policies} policies · ${counts.isolated} isolated · ${counts.openPairs} open pairs${semantics ? ` · ${semantics}` : ''}`}
      </Text>
      <Text wrap="truncate">
        <Text inverse={tab === 'workloads'} bold={tab === 'workloads'}>
          {' Workloads '}
        </Text>
        {' '}
        <Text inverse={tab === 'policies'} bold={tab === 'policies'}>
          {' Policies '}
        </Text>
        <Text dimColor>{'  (tab switches)'}</Text>
      </Text>
    </Box>
  );
}

export function Footer({ filtering, filter, hint }: { filtering: boolean; filter: string; hint: string }) {
  const colour = useColour();
  if (filtering) {
    return (
      <Text wrap="truncate">
        <Text color={colour('yellow')}>/</Text>
        {filter}
        <Text inverse> </Text>
        <Text dimColor>{'  enter keep · esc clear'}</Text>
      </Text>
    );
  }
  return (
    <Text wrap="truncate" dimColor>
      {`${filter ? `filter: ${filter} · ` : ''}${hint}`}
    </Text>
  );
}

export const HELP_LINES = [
  'Keys',
  '  ↑ ↓ or k j     move; in the explanation or a policy, scroll',
  '  PgUp PgDn      move or scroll a page',
  '  enter          open: a workload → its peers; a peer → why (as can explains);',
  '                 a policy → its details, to scroll',
  '  esc            back (and clear the filter)',
  '  tab            switch between workloads and policies',
  '  d              direction: who it reaches ⇄ who reaches it',
  '  a              peers: every workload ⇄ only those reached; enter on a ✗ peer',
  '                 says why not (the policies isolating it, the closest rules)',
  '  y              a policy: its YAML as read ⇄ its summary',
  '  /              filter names, labels (fuzzy): enter keeps it, esc clears it',
  '  q, ctrl-c      quit',
  '  ?              this help (any key closes it)',
  ' ',
  'Badges: in / eg = isolated for ingress / egress by a policy; ! = lint findings',
];

export function Help({ width }: { width: number }) {
  return (
    <Box flexDirection="column" borderStyle="round" width={width}>
      {wrapLines(HELP_LINES, width - 2).map((l, i) => (
        <Text key={i} wrap="truncate" bold={i === 0}>
          {l}
        </Text>
      ))}
    </Box>
  );
}
