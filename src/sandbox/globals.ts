/**
 * Standard globals a learner compartment gets on top of what SES gives every compartment. SES
 * leaves Float32Array and Float64Array out of a new compartment's globals, so
 * `new Float32Array(n)` failed in learner code ("Float32Array is not a constructor") although
 * the constructors are ordinary, shared intrinsics. After lockdown() they and their prototypes
 * are frozen, so handing them in shares nothing a learner could change.
 */
export function standardGlobals(): Record<string, unknown> {
  return { Float32Array, Float64Array };
}
