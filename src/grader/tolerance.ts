/**
 * Named tolerances. A comparison passes when |actual − expected| ≤ atol + rtol·|expected|.
 * Exercises and cases refer to these by name; bare numbers never appear in cases.
 */
export const TOLERANCES = {
  /** Bit-for-bit: integer results, shapes of indices, masks. */
  exact: { rtol: 0, atol: 0 },
  /** One float32 elementwise op away from the reference (exp, div, …). */
  float32: { rtol: 1e-5, atol: 1e-6 },
  /** Reductions and matrix products whose summation order may differ from tfjs's. */
  accumulated: { rtol: 1e-4, atol: 1e-5 },
  /** Long chains (backprop through several layers, attention) where rounding compounds. */
  loose: { rtol: 1e-3, atol: 1e-4 },
} as const;

export type ToleranceName = keyof typeof TOLERANCES;
export interface Tolerance {
  readonly rtol: number;
  readonly atol: number;
}

export const TOLERANCE_NAMES = Object.keys(TOLERANCES) as [ToleranceName, ...ToleranceName[]];
