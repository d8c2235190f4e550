/**
 * Recursion without the call stack: a recursive step is a generator that yields the generator
 * of each nested step and receives its result; runNested drives them with an explicit stack.
 * go-yaml decodes 10,000 levels of nesting; plain recursion that deep overflows V8's stack.
 */
export type Nested<T> = Generator<Nested<unknown>, T, unknown>;

export function runNested<T>(root: Nested<T>): T {
  const stack: Nested<unknown>[] = [root];
  let input: unknown;
  for (;;) {
    const top = stack[stack.length - 1]!;
    const r = top.next(input);
    if (r.done) {
      stack.pop();
      if (stack.length === 0) return r.value as T;
      input = r.value;
    } else {
      stack.push(r.value);
      input = undefined;
    }
  }
}
