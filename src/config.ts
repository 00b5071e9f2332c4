/**
 * Site-wide switches. Plain constants so the bundler can drop whole features at build time.
 */

/**
 * Whether learners may reveal the reference solution (「查看参考答案」).
 * `false` removes the button AND keeps every exercises/<id>/solution.ts out of the built site:
 * the solution loader is behind this constant, so Rollup tree-shakes its dynamic imports away.
 */
export const SHOW_SOLUTIONS: boolean = true;

/** Failed graded runs after which the reference solution unlocks (it always unlocks on a pass). */
export const SOLUTION_UNLOCK_FAILURES = 5;

/** Autosave debounce for the editor, in milliseconds (the brief asks for ≤ 1 s). */
export const AUTOSAVE_DEBOUNCE_MS = 600;
