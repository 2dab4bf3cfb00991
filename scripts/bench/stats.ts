/** The benchmark's statistics, kept tiny and tested: no library rounds a percentile the way a reader might not expect. */

function sorted(values: readonly number[]): number[] {
  if (values.length === 0) throw new Error('No samples to summarise');
  if (values.some((value) => !Number.isFinite(value)))
    throw new Error(`A sample is not a finite number: ${values.join(', ')}`);
  return [...values].sort((a, b) => a - b);
}

/** The sample at `index` of the sorted samples. */
function rank(order: readonly number[], index: number): number {
  const value = order[index];
  if (value === undefined) throw new Error(`No sample at rank ${index + 1} of ${order.length}`);
  return value;
}

/** The middle sample, or the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  const order = sorted(values);
  const middle = Math.floor(order.length / 2);
  return order.length % 2 === 1
    ? rank(order, middle)
    : (rank(order, middle - 1) + rank(order, middle)) / 2;
}

/**
 * The nearest-rank percentile: the smallest sample that at least `p` percent of the samples do not exceed. With 60
 * samples the 95th percentile is the 57th smallest; it is always a sample that was measured.
 */
export function percentile(values: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new Error(`A percentile is above 0 and at most 100, not ${p}`);
  const order = sorted(values);
  return rank(order, Math.ceil((p / 100) * order.length) - 1);
}
