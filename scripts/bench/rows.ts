/** One figure of the benchmark's table, with the target where it sets one. */
export interface Row {
  readonly measure: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: Target;
  /** The samples a median or percentile was taken from, for the JSON report (not printed). */
  readonly samples?: readonly number[];
}

export interface Target {
  /** As the issue words it: `≤ 1.02`, `0`, `≤ 100 ms`. */
  readonly text: string;
  readonly met: boolean;
}
