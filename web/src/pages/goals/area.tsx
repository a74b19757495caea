import type { CaseAccess } from '../../access';
import { Area } from '../../components/area-nav';
import { Badge, ErrorMessage, Loading, useData } from '../../components/common';
import { GoalChart } from '../../components/goal-chart';
import { SummaryList, type Confirmation, type SummaryAction, type SummaryRow } from '../../forms';
import { to } from '../../router';
import type { PartiesData } from '../parties/common';
import { groupGoals, indicatorText, mayMeasure, measuredForText, percent, readGoals, targetText, whoMayRun, withUnit, type Goal } from './common';
import { GOAL_PATHS } from './paths';
import { ProgressChart } from './progress-chart';
import { w } from './words';

/** A goal's progress in words with a symbol: on track, behind, or not measured yet. */
function Status({ goal }: { goal: Goal }) {
  const p = goal.progress;
  if (p.onTrack === null) return <Badge kind="info">{w('noProgress')}</Badge>;
  return (
    <>
      {p.onTrack ? <Badge kind="ok">{w('onTrack')}</Badge> : <Badge kind="bad">{w('offTrack')}</Badge>}{' '}
      <span>{w('reached', { share: percent(p.share), expected: percent(p.expectedShare) })}</span>
    </>
  );
}

/**
 * The goals area of the case page: all goals at a glance first, then each goal (a goal measured
 * for several parties once, with one chart of how far each has come) with its chart and the same
 * numbers in words; links to the forms for those who may use them.
 */
export function GoalsArea({
  caseId,
  parties,
  access,
  confirmation,
}: {
  caseId: string;
  parties: PartiesData;
  access: CaseAccess;
  confirmation: Confirmation | null;
}) {
  const state = useData(() => readGoals(caseId), [caseId]);
  const id = { id: caseId };
  const goals = state.data ?? [];
  const canImport = access.contributes && goals.some((g) => g.indicator.kpi);
  return (
    <Area
      id="goals"
      title={w('area')}
      confirmation={confirmation}
      actions={
        <>
          {access.runsCase ? (
            <a class="button secondary" href={to(GOAL_PATHS.add, id)}>
              {w('addGoal')}
            </a>
          ) : (
            <p class="muted">{whoMayRun(parties.parties)}</p>
          )}
          {canImport && (
            <a class="button secondary" href={to(GOAL_PATHS.import, id)}>
              {w('importKolada')}
            </a>
          )}
          {!access.contributes && goals.length > 0 && <p class="muted">{w('whoMayMeasure')}</p>}
        </>
      }
    >
      {state.error ? (
        <ErrorMessage error={state.error} />
      ) : !state.data ? (
        <Loading />
      ) : (
        <Goals caseId={caseId} goals={goals} parties={parties} access={access} />
      )}
    </Area>
  );
}

function Goals({ caseId, goals, parties, access }: { caseId: string; goals: Goal[]; parties: PartiesData; access: CaseAccess }) {
  if (goals.length === 0) return <p>{w('noGoals')}</p>;
  const name = (g: Goal) => measuredForText(g, parties.parties);
  const who = (g: Goal) =>
    parties.parties.find((p) => p.organisation.id === g.measuredFor.organisationId)?.organisation.name ??
    (g.measuredFor.municipalityCode ? w('municipality', { code: g.measuredFor.municipalityCode }) : w('joint'));
  // Within a goal of several parties, the parties in alphabetical order.
  const groups = groupGoals(goals).map((group) => [...group].sort((a, b) => who(a).localeCompare(who(b), 'sv')));
  return (
    <>
      <h3>{w('glance')}</h3>
      <ul class="goal-glance">
        {groups.map((group, i) => (
          <li>
            <a href={`#goal-${i}`}>{group[0]!.title}</a>
            {group.length === 1 ? (
              <div>
                <Status goal={group[0]!} />
              </div>
            ) : (
              <div>{glanceOfGroup(group)}</div>
            )}
          </li>
        ))}
      </ul>
      {groups.map((group, i) => (
        <section class="goal" id={`goal-${i}`} aria-labelledby={`goal-${i}-h`}>
          <h3 id={`goal-${i}-h`}>{group[0]!.title}</h3>
          {group.length === 1 ? (
            <OneGoal caseId={caseId} goal={group[0]!} name={name(group[0]!)} access={access} idPrefix={`goal-${i}-chart`} />
          ) : (
            <GoalGroup caseId={caseId} goals={group} names={group.map(who)} access={access} />
          )}
        </section>
      ))}
    </>
  );
}

/** "4 av 9 i takt med planen, 3 efter planen, 2 utan mätvärden" */
function glanceOfGroup(group: Goal[]) {
  const on = group.filter((g) => g.progress.onTrack === true).length;
  const off = group.filter((g) => g.progress.onTrack === false).length;
  const none = group.length - on - off;
  return (
    <>
      {on > 0 && <Badge kind="ok">{`${on} ${w('onTrack').toLowerCase()}`}</Badge>}{' '}
      {off > 0 && <Badge kind="bad">{`${off} ${w('offTrack').toLowerCase()}`}</Badge>}{' '}
      {none > 0 && <Badge kind="info">{`${none}: ${w('noProgress').toLowerCase()}`}</Badge>}
    </>
  );
}

/** The links of a goal the person may use. */
function goalActions(caseId: string, goal: Goal, access: CaseAccess, what: string): SummaryAction[] {
  return [
    ...(mayMeasure(access, goal)
      ? [{ href: to(GOAL_PATHS.measure, { id: caseId, goalId: goal.id }), text: w('recordMeasurement'), what: w('hiddenGoal', { goal: what }) }]
      : []),
    ...(access.runsCase
      ? [{ href: to(GOAL_PATHS.change, { id: caseId, goalId: goal.id }), text: w('changeGoal'), what: w('hiddenGoal', { goal: what }) }]
      : []),
  ];
}

function Links({ actions }: { actions: SummaryAction[] }) {
  if (!actions.length) return null;
  return (
    <ul class="link-list">
      {actions.map((a) => (
        <li>
          <a href={a.href}>
            {a.text}
            <span class="visually-hidden"> {a.what}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** One goal: status, what it is, its chart over the years and the same numbers as a list. */
function OneGoal({ caseId, goal, name, access, idPrefix }: { caseId: string; goal: Goal; name: string; access: CaseAccess; idPrefix: string }) {
  const rows: SummaryRow[] = [
    { key: w('indicator'), value: indicatorText(goal) },
    { key: w('measuredForKey'), value: name.charAt(0).toLocaleUpperCase() + name.slice(1) },
    {
      key: `■ ${w('baseline')}`,
      value: goal.baseline.value === null ? w('notSet') : w('yearValue', { value: withUnit(goal.baseline.value, goal), year: goal.baseline.year ?? '–' }),
    },
    ...[...goal.measurements]
      .sort((a, b) => a.period - b.period)
      .map((m) => ({
        key: `● ${w('measurement')} ${m.period}`,
        value: `${withUnit(m.value, goal)}${m.source !== 'manual' ? ` (${w('sourceKolada')})` : ''}`,
      })),
    { key: `◇ ${w('target')}`, value: targetText(goal) },
  ];
  return (
    <>
      <p>
        <Status goal={goal} />
      </p>
      <div class="goal-body">
        <figure class="goal-figure">
          <GoalChart goal={goal} idPrefix={idPrefix} />
          <figcaption class="hint">{w('chartSummary')}</figcaption>
        </figure>
        <SummaryList rows={rows} />
      </div>
      <Links actions={goalActions(caseId, goal, access, goal.title)} />
    </>
  );
}

/** A goal measured for several parties: one chart of how far each has come, then each party's numbers. */
function GoalGroup({ caseId, goals, names, access }: { caseId: string; goals: Goal[]; names: string[]; access: CaseAccess }) {
  const first = goals[0]!;
  const rows: SummaryRow[] = goals
    .map((g, i) => ({
      key: names[i]!,
      value: (
        <>
          <Status goal={g} />
          <span class="block muted">
            {w('baseline')}: {g.baseline.value === null ? '–' : w('yearValue', { value: withUnit(g.baseline.value, g), year: g.baseline.year ?? '–' })}.{' '}
            {g.progress.latest ? `${w('latest', { value: withUnit(g.progress.latest.value, g), year: g.progress.latest.period })}. ` : ''}
            {w('target')}: {targetText(g)}.
          </span>
        </>
      ),
      actions: goalActions(caseId, g, access, `${g.title} ${names[i]}`),
    }))
    .map((row) => (row.actions?.length ? row : { key: row.key, value: row.value }));
  return (
    <>
      <p>
        {w('indicator')}: {indicatorText(first)}
      </p>
      <ProgressChart goals={goals} names={names} title={w('groupChartTitle', { goal: first.title })} />
      <h4>{w('byParty')}</h4>
      <SummaryList rows={rows} />
    </>
  );
}
