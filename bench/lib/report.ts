import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow } from './context.js';
import type { MachineInfo } from './machine.js';

const HEADER: BenchRow = { bench: 'bench', what: 'what', ours: 'ours', limit: 'raw limit, same run', ratio: 'ratio', goal: 'goal', met: 'met' };

/** The rows as a Markdown table (what docs/performance.md shows). */
export function markdownTable(rows: readonly BenchRow[]): string {
  const cells = (r: BenchRow) => [r.bench, r.what, r.ours, r.limit, r.ratio, r.goal, r.met];
  const line = (values: string[]) => `| ${values.join(' | ')} |`;
  return [line(cells(HEADER)), line(cells(HEADER).map(() => '---')), ...rows.map((r) => line(cells(r)))].join('\n');
}

/** One line saying where and on what the figures were measured. */
export function machineLine(m: MachineInfo): string {
  return `${m.date.slice(0, 10)}, ${m.cores} cores (${m.cpuModel}), ${(m.memoryBytes / 2 ** 30).toFixed(1)} GiB, Node ${m.node}, ${m.postgres}, load ${m.loadAverageAtStart.toFixed(2)} at start`;
}

/** Writes `bench/results/<date>-<name>.json` and returns its path. */
export function writeResults(dir: string, name: string, content: { machine: MachineInfo } & Record<string, unknown>): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${content.machine.date.slice(0, 10)}-${name}.json`);
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
  return file;
}
