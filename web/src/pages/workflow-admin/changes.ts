import type { State, WorkflowFile } from '../../definition-types/workflow';
import { lang } from '../../i18n';
import { statesOf } from '../../components/diagram';
import { amountText, offsetText, rolesText } from './step-times';
import { w } from './words';

/** A step's time limit and ladder as one comparable text. */
function ladderText(state: State | undefined): string {
  return (state?.meta?.escalation ?? []).map((r) => `${offsetText(r.at)}: ${rolesText(r.notify)}`).join('; ');
}

/** Sorted keys, so that two definitions compare by content and not by the order jsonb keeps keys in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * What a new version changes against the latest published one, in words, step by step: steps
 * added and removed, time limits and escalations changed, and whether anything else (gates,
 * transitions, texts) differs.
 */
export function changesSince(previous: WorkflowFile, next: WorkflowFile): string[] {
  const l = lang();
  const before = previous.states;
  const after = next.states;
  const title = (s: State | undefined, id: string) => s?.meta?.title[l] ?? id;
  const lines: string[] = [];
  for (const { id } of statesOf(next)) {
    const a = after[id];
    const b = before[id];
    if (!b) {
      lines.push(w('stepAdded', { step: title(a, id) }));
      continue;
    }
    const slaBefore = b.meta?.sla ? amountText(b.meta.sla) : w('noTimeLimit');
    const slaAfter = a?.meta?.sla ? amountText(a.meta.sla) : w('noTimeLimit');
    if (slaBefore !== slaAfter) lines.push(w('slaChanged', { step: title(a, id), before: slaBefore, after: slaAfter }));
    if (ladderText(a) !== ladderText(b)) lines.push(w('ladderChanged', { step: title(a, id) }));
  }
  for (const { id } of statesOf(previous)) if (!after[id]) lines.push(w('stepRemoved', { step: title(before[id], id) }));
  const rest = (f: WorkflowFile) =>
    canonical({
      ...f,
      version: 0,
      states: Object.fromEntries(Object.entries(f.states).map(([k, s]) => [k, { ...s, meta: { ...s.meta, sla: null, escalation: null } }])),
    });
  if (rest(previous) !== rest(next)) lines.push(w('otherChanges'));
  return lines;
}
