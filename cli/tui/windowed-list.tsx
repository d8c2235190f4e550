import { Box, Text } from 'ink';

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
 * list of ten thousand workloads costs what a screenful costs.
 */
export function WindowedList({ rows, selected, height, width, focused, showSelection = true }: { rows: Row[]; selected: number; height: number; width: number; focused: boolean; showSelection?: boolean }) {
  const more = rows.length > height;
  const shown = more ? height - 1 : height; // the last line says where we are
  const start = Math.max(0, Math.min(selected - Math.floor(shown / 2), rows.length - shown));
  const visible = rows.slice(start, start + shown);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {visible.map((row, i) => {
        const isSelected = showSelection && start + i === selected;
        const marker = row.header ? '' : isSelected ? (focused ? '› ' : '· ') : '  ';
        return (
          <Text key={row.key} wrap="truncate" bold={row.header || isSelected} inverse={isSelected && focused} {...(row.color ? { color: row.color } : {})} dimColor={row.dim ?? false}>
            {marker}
            {row.text}
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
