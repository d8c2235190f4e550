/**
 * Name and label checks are pure functions of one string, and a dump repeats the same names,
 * keys and values thousands of times: the strings found valid are remembered (up to a bound),
 * so each is checked once. Invalid ones are checked every time (their messages are needed).
 */
const NONE: readonly string[] = Object.freeze([]);
const LIMIT = 200_000;

export function rememberValid(check: (value: string) => string[]): (value: string) => string[] {
  const valid = new Set<string>();
  return (value) => {
    if (valid.has(value)) return NONE as string[];
    const problems = check(value);
    if (problems.length === 0 && valid.size < LIMIT) valid.add(value);
    return problems;
  };
}
