import { createContext, useContext } from 'react';

/** Whether the explorer may use colour (false under NO_COLOR: bold and reverse video stay). */
export const ColourContext = createContext(true);

/** `colour(c)`: the colour to give ink, or undefined when colour is off. */
export function useColour(): (c: string | undefined) => string | undefined {
  const on = useContext(ColourContext);
  return (c) => (on ? c : undefined);
}
