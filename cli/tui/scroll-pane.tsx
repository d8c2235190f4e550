import { Box, Text } from 'ink';
import { useColour } from './colour.js';
import { scrollWindow } from './layout.js';
import type { PaneLine } from './scrolled-text.js';

/** Lines already escaped and wrapped (scrolled-text.ts), `height` of them from `scroll`, and where we are when they do not fit. */
export function ScrollPane({ lines, scroll, height, hint }: { lines: PaneLine[]; scroll: number; height: number; hint: string }) {
  const colour = useColour();
  const { start, shown, more } = scrollWindow(lines.length, height, scroll);
  return (
    <Box flexDirection="column">
      {lines.slice(start, start + shown).map((l, i) => {
        const c = colour(l.color);
        return (
          <Text key={start + i} wrap="truncate" bold={l.bold ?? false} {...(c ? { color: c } : {})}>
            {l.text}
          </Text>
        );
      })}
      {more ? (
        <Text dimColor wrap="truncate">
          {`lines ${start + 1}–${start + shown} of ${lines.length} · ${hint}`}
        </Text>
      ) : null}
    </Box>
  );
}
