import type { Schema } from '../api';
import { t } from '../i18n';

export type Goal = Schema<'GoalViewDto'>;

const W = 560;
const H = 240;
const PAD = { left: 56, right: 20, top: 16, bottom: 36 };

/**
 * A goal over time: the straight line from the baseline to the target (dashed: the expected path),
 * the measurements (solid line, round markers), the baseline (square) and target (diamond). Shapes
 * and line styles tell them apart, not colour; the table under it holds the same numbers.
 */
export function GoalChart({ goal, idPrefix }: { goal: Goal; idPrefix: string }) {
  const points: Array<{ year: number; value: number }> = [];
  if (goal.baseline.year !== null && goal.baseline.value !== null) points.push({ year: goal.baseline.year, value: goal.baseline.value });
  const target = goal.target.year !== null && goal.target.resolvedValue !== null ? { year: goal.target.year, value: goal.target.resolvedValue } : null;
  const all = [...points, ...(target ? [target] : []), ...goal.measurements.map((m) => ({ year: m.period, value: m.value }))];
  if (all.length < 2) return null;
  const years = all.map((p) => p.year);
  const values = all.map((p) => p.value);
  const [x0, x1] = [Math.min(...years), Math.max(...years)];
  let [y0, y1] = [Math.min(...values), Math.max(...values)];
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  const pad = (y1 - y0) * 0.1;
  y0 -= pad;
  y1 += pad;
  const x = (year: number) => PAD.left + ((year - x0) / Math.max(1, x1 - x0)) * (W - PAD.left - PAD.right);
  const y = (value: number) => H - PAD.bottom - ((value - y0) / (y1 - y0)) * (H - PAD.top - PAD.bottom);
  const measured = [...goal.measurements].sort((a, b) => a.period - b.period);
  const ticks = Array.from({ length: 5 }, (_, i) => y0 + ((y1 - y0) * i) / 4);
  const yearTicks = [...new Set(years)].sort((a, b) => a - b);
  const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1));
  return (
    <svg class="goal-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${idPrefix}-t`}>
      <title id={`${idPrefix}-t`}>{t('goalChartTitle', { goal: goal.title })}</title>
      {ticks.map((v) => (
        <g>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#d0d4d8" />
          <text x={PAD.left - 6} y={y(v) + 4} text-anchor="end" font-size="12" fill="#1b1b1b">
            {fmt(v)}
          </text>
        </g>
      ))}
      {yearTicks.map((yr) => (
        <text x={x(yr)} y={H - 12} text-anchor="middle" font-size="12" fill="#1b1b1b">
          {yr}
        </text>
      ))}
      <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} stroke="#1b1b1b" />
      <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#1b1b1b" />
      {points[0] && target && (
        <line
          x1={x(points[0].year)}
          y1={y(points[0].value)}
          x2={x(target.year)}
          y2={y(target.value)}
          stroke="#4a4f55"
          stroke-width="2"
          stroke-dasharray="6 4"
        />
      )}
      {measured.length > 1 && <polyline points={measured.map((m) => `${x(m.period)},${y(m.value)}`).join(' ')} fill="none" stroke="#0b4f8a" stroke-width="3" />}
      {measured.map((m) => (
        <circle cx={x(m.period)} cy={y(m.value)} r="5" fill="#0b4f8a" />
      ))}
      {points[0] && <rect x={x(points[0].year) - 5} y={y(points[0].value) - 5} width="10" height="10" fill="#1b1b1b" />}
      {target && <path d={`M ${x(target.year)} ${y(target.value) - 7} l 7 7 l -7 7 l -7 -7 z`} fill="#ffffff" stroke="#1b1b1b" stroke-width="2" />}
    </svg>
  );
}
