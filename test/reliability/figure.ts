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
