// The he-init exercise grades statistically: its thresholds must keep a correct answer's
// false-failure rate under 1e-6, and its normal CDF must be accurate enough for the KS test.
import { describe, expect, it } from 'vitest';
import { FALSE_FAILURE_BOUND, KS_T, N_SAMPLES, P_KS, P_VAR, ksStatistic, normalCdf, varianceRatioBounds } from '../../exercises/he-init/cases';

describe('he-init statistics', () => {
  it('the union bound over every check is below 1e-6', () => {
    expect(FALSE_FAILURE_BOUND).toBeLessThan(1e-6);
    expect(2 * Math.exp(-2 * KS_T * KS_T)).toBeCloseTo(P_KS, 12);
    expect(P_VAR).toBeCloseTo(2e-8, 12);
  });

  it('Φ matches known values to 1e-7', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1)).toBeCloseTo(0.8413447461, 7);
    expect(normalCdf(-1.96)).toBeCloseTo(0.0249978952, 7);
    expect(normalCdf(2)).toBeCloseTo(0.9772498681, 7);
  });

  it('the variance bounds reject LeCun (0.5×) and the truncated normal (0.774×) and accept 1×', () => {
    const [lo, hi] = varianceRatioBounds(N_SAMPLES);
    expect(lo).toBeGreaterThan(0.774);
    expect(lo).toBeLessThan(1);
    expect(hi).toBeGreaterThan(1);
    expect(hi).toBeLessThan(1.1);
  });

  it('KS: exact normal quantiles pass, a uniform sample of the same variance fails', () => {
    const n = N_SAMPLES;
    // Φ⁻¹ at the midpoints (i + ½)/n by bisection: the empirical CDF is as close to Φ as it can be.
    const quantile = (p: number) => {
      let lo = -10;
      let hi = 10;
      for (let k = 0; k < 60; k++) {
        const mid = (lo + hi) / 2;
        if (normalCdf(mid) < p) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    };
    const normal = Array.from({ length: n }, (_, i) => quantile((i + 0.5) / n));
    expect(Math.sqrt(n) * ksStatistic(normal, 1)).toBeLessThan(0.01);
    const uniform = Array.from({ length: n }, (_, i) => Math.sqrt(3) * (2 * (i + 0.5) / n - 1));
    expect(Math.sqrt(n) * ksStatistic(uniform, 1)).toBeGreaterThan(KS_T * 2);
  });
});
