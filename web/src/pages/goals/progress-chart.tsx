import type { Goal } from './common';
import { percent } from './common';

const W = 560;
const ROW = 28;
const LEFT = 170;

/**
 * One goal measured for several parties: a bar per party of how much of the way from baseline to
 * target it has gone, with a line where the plan expects it. Words beside each bar; the summary
 * list beside the chart holds the same numbers.
 */
export function ProgressChart({ goals, names, title, idPrefix }: { goals: Goal[]; names: string[]; title: string; idPrefix: string }) {
  const h = goals.length * ROW + 8;
  const x = (share: number) => LEFT + Math.max(0, Math.min(1, share)) * (W - LEFT - 60);
  return (
    <svg class="goal-chart" viewBox={`0 0 ${W} ${h}`} role="img" aria-labelledby={`${idPrefix}-t`}>
      <title id={`${idPrefix}-t`}>{title}</title>
      {goals.map((g, i) => {
        const y = 4 + i * ROW;
        const share = g.progress.share;
        const expected = g.progress.expectedShare;
        return (
          <g>
            <text x={LEFT - 8} y={y + 17} text-anchor="end" font-size="13" fill="#1b1b1b">
              {names[i]!.length > 24 ? `${names[i]!.slice(0, 23)}…` : names[i]}
            </text>
            <rect x={LEFT} y={y + 4} width={W - LEFT - 60} height={ROW - 10} fill="#f3f2f1" stroke="#b1b4b6" />
            {share !== null && <rect x={LEFT} y={y + 4} width={x(share) - LEFT} height={ROW - 10} fill="#0b4f8a" />}
            {expected !== null && <line x1={x(expected)} x2={x(expected)} y1={y} y2={y + ROW - 2} stroke="#1b1b1b" stroke-width="3" />}
            <text x={W - 54} y={y + 17} font-size="13" fill="#1b1b1b">
              {percent(share)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
