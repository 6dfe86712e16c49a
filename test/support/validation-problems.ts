import { ValidationError } from "@bosun/hosting";

/**
 * The problems a `ValidationError` thrown by `build` lists; fails when `build` throws anything
 * else or nothing.
 * @example expect(problemsOf(() => builder.build())).toEqual([...])
 */
export function problemsOf(build: () => unknown): readonly string[] {
  try {
    build();
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  throw new Error("expected a ValidationError");
}
