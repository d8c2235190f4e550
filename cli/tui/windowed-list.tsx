import { Box, Text } from 'ink';
import { escapeTerminal } from '../../src/text/escape/terminal.js';
import { useColour } from './colour.js';

export interface Row {
  key: string;
  text: string;
  /** Headers (namespace names) cannot be selected. */
  header?: boolean;
  color?: string;
  dim?: boolean;
}

/**
 * A list that renders only the rows that fit: `height` rows around the selected one, so that a
 * list of ten thousand workloads costs what a screenful costs. Row text is escaped for the
 * terminal here (names and messages are input); the selected row is bold, in reverse video when
 * the list has the focus.
 */
export function WindowedList({ rows, selected, height, width, focused, showSelection = true }: { rows: Row[]; selected: number; height: number; width: number; focused: boolean; showSelection?: boolean }) {
  const more = rows.length > height;
  const shown = more ? height - 1 : height; // the last line says where we are
  const start = Math.max(0, Math.min(selected - Math.floor(shown / 2), rows.length - shown));
  const visible = rows.slice(start, start + shown);
  const colour = useColour();
  return (
    <Box flexDirection="column" width={width} height={height}>
      {visible.map((row, i) => {
        const isSelected = showSelection && start + i === selected;
        const marker = row.header ? '' : isSelected ? (focused ? '› ' : '· ') : '  ';
        const c = colour(row.color);
        return (
          <Text key={row.key} wrap="truncate" bold={row.header || isSelected} inverse={isSelected && focused} {...(c ? { color: c } : {})} dimColor={row.dim ?? false}>
            {marker}
            {escapeTerminal(row.text)}
          </Text>
        );
      })}
      {more ? (
        <Text dimColor wrap="truncate">
          {`${start + 1}–${start + shown} of ${rows.length}`}
        </Text>
      ) : null}
    </Box>
  );
}
