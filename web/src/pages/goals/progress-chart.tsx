import { percent, type Goal } from './common';
import { w } from './words';

const clamp = (share: number) => Math.round(Math.max(0, Math.min(1, share)) * 1000) / 10;

/**
 * One goal measured for several parties: a bar per party of how much of the way from baseline to
 * target it has gone, with a line where the plan expects it. Drawn in HTML, so that the names and
 * numbers are text (the chart's own text equivalent) and reflow on a narrow screen; the bars are
 * decoration for the eye.
 */
export function ProgressChart({ goals, names, title }: { goals: Goal[]; names: string[]; title: string }) {
  return (
    <figure class="progress-chart">
      <figcaption>
        <span class="visually-hidden">{title}. </span>
        <span class="hint">{w('groupChartText')}</span>
      </figcaption>
      <ul class="progress-bars">
        {goals.map((g, i) => {
          const { share, expectedShare } = g.progress;
          return (
            <li>
              <span class="progress-name">{names[i]}</span>
              <span class="progress-track" aria-hidden="true">
                {share !== null && <span class="progress-fill" style={{ width: `${clamp(share)}%` }} />}
                {expectedShare !== null && <span class="progress-plan" style={{ left: `${clamp(expectedShare)}%` }} />}
              </span>
              <span class="progress-value">
                {share === null ? w('noValues') : w('shareOfWay', { share: percent(share), expected: percent(expectedShare) })}
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
