import type { DeadlineOffset, EscalationLevel, Sla, State, WorkflowFile } from '../../definition-types/workflow';
import { lang } from '../../i18n';
import { SummaryList } from '../../forms';
import { statesOf } from '../../components/diagram';
import { w } from './words';

/** A step with its time limit and escalation ladder, found anywhere in the definition's tree of states. */
interface TimedStep {
  key: string;
  title: string;
  sla?: Sla;
  ladder: EscalationLevel[];
}

/** Every step that has a time limit, in the order of the definition. */
export function timedSteps(definition: WorkflowFile): TimedStep[] {
  const found: TimedStep[] = [];
  const walk = (states: Record<string, State> | undefined, prefix: string) => {
    for (const [key, state] of Object.entries(states ?? {})) {
      if (state.meta?.sla) found.push({ key: prefix + key, title: state.meta.title[lang()] ?? key, sla: state.meta.sla, ladder: state.meta.escalation ?? [] });
      walk(state.states, `${prefix}${key}.`);
    }
  };
  // In the order a case meets the steps (the stored definition's key order is jsonb's, not the written one).
  const order = statesOf(definition).map((n) => n.id);
  walk(Object.fromEntries(order.map((id) => [id, definition.states[id]!])), '');
  return found;
}

/** "20 arbetsdagar", "48 timmar". */
export function amountText(time: Sla | DeadlineOffset, absolute = true): string {
  const pick = (n: number, one: 'workingDay' | 'calendarDay' | 'hour', many: 'workingDays' | 'calendarDays' | 'hours') =>
    Math.abs(n) === 1 ? w(one) : w(many, { n: absolute ? Math.abs(n) : n });
  if (time.workingDays !== undefined) return pick(time.workingDays, 'workingDay', 'workingDays');
  if (time.calendarDays !== undefined) return pick(time.calendarDays, 'calendarDay', 'calendarDays');
  return pick(time.hours ?? 0, 'hour', 'hours');
}

/** When a rung fires, relative to the deadline: "5 arbetsdagar före sista dagen", "när sista dagen har gått ut". */
export function offsetText(at: DeadlineOffset): string {
  const n = at.workingDays ?? at.calendarDays ?? at.hours ?? 0;
  const hours = at.hours !== undefined;
  if (n === 0) return hours ? w('atDeadlineHours') : w('atDeadline');
  const time = amountText(at);
  if (n < 0) return hours ? w('beforeHours', { time }) : w('before', { time });
  return hours ? w('afterHours', { time }) : w('after', { time });
}

/** "styrgruppen och cheferna": the roles told, in words. */
export function rolesText(roles: readonly string[]): string {
  const named = roles.map((r) => {
    const key = `role_${r}` as Parameters<typeof w>[0];
    const text = w(key);
    return text.startsWith('role_') ? r : text;
  });
  return named.length > 1 ? `${named.slice(0, -1).join(', ')} ${w('and')} ${named[named.length - 1]}` : (named[0] ?? '');
}

/**
 * Each step's time limit and escalation ladder in words: "Tidsgräns: 40 arbetsdagar",
 * "5 arbetsdagar före sista dagen: sekretariatet". A heading level is given so the section fits the page.
 */
export function StepTimes({ definition, level = 2 }: { definition: WorkflowFile; level?: 2 | 3 }) {
  const steps = timedSteps(definition);
  const H = level === 2 ? 'h2' : 'h3';
  const Sub = level === 2 ? 'h3' : 'h4';
  return (
    <section aria-labelledby="step-times" class="step-times">
      <H id="step-times">{w('timesTitle')}</H>
      <p>{w('timesIntro')}</p>
      {steps.length === 0 && <p class="muted">{w('noTimes')}</p>}
      <ul class="cards-list">
        {steps.map((s) => (
          <li class="summary-card">
            <div class="summary-card-header">
              <Sub class="summary-card-title">{s.title}</Sub>
            </div>
            <div class="summary-card-body">
              <SummaryList
                rows={[
                  { key: w('timeLimit'), value: s.sla ? amountText(s.sla) : w('noTimeLimit') },
                  {
                    key: w('ladder'),
                    value: s.ladder.length ? (
                      <ol class="ladder">
                        {s.ladder.map((rung) => (
                          <li>
                            {capitalise(offsetText(rung.at))}: {rolesText(rung.notify)}
                            {rung.title ? <span class="muted"> ({rung.title[lang()]})</span> : null}
                          </li>
                        ))}
                      </ol>
                    ) : (
                      w('noLadder')
                    ),
                  },
                ]}
              />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
