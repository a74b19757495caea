/**
 * Prints a test's one-line figure (`R3: 12,480 acknowledged, 0 lost, …`) straight to stdout, so it
 * stands in the run's output without jest's console decoration.
 */
export function figure(line: string): void {
  process.stdout.write(`\n${line}\n`);
}

/** `12480` → `12,480` */
export function n(value: number): string {
  return value.toLocaleString('en-GB');
}

/**
 * fast-check settings for the property tests here: `numRuns`, and `FC_SEED` from the environment
 * to replay a failure (fast-check prints the seed of a failing run).
 */
export function properties(numRuns: number): { numRuns: number; seed?: number } {
  return { numRuns, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) };
}
