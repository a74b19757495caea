import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '../access/actor.js';
import { ROLE_TITLES, type CaseRole } from '../definitions/roles.js';
import type { Language } from '../common/i18n.js';
import { DeadlineQueries, type OpenDeadline } from '../deadlines/deadline-queries.js';
import { organisationsById } from '../registry/organisations-by-id.js';
import { CasePartyRecord } from './party.entity.js';
import { candidateTransitions } from './case-engine.js';
import { CaseQueries } from './case-queries.js';
import type { CaseRecord } from './case.entity.js';
import { toStepView, type StepView } from './case-view.js';
import { owingOrganisations } from './obligations.js';
import type { CompiledWorkflow } from '../definitions/compile-workflow.js';
import type { GateResult } from '../rules/gate-evaluator.js';
import type { TaskStatus } from '../rules/task-kinds.js';
import { toTaskView, type TaskView } from './task-view.js';

/** One unmet condition of a gate: what, who must act, for which organisation, by when. */
export interface ObligationView {
  event: string;
  ruleSet: string | null;
  rule: string;
  message: string;
  /** The role expected to act (from the rule file), and what it is called. */
  responsible: string | null;
  responsibleTitle: string | null;
  /** The organisations that owe it: the item's organisation, else the leading parties. */
  organisations: Array<{ id: string; name: string | null }>;
  /** Whether the caller's organisation is among them. */
  mine: boolean;
  /** The last day of the step the case is in (its deadline), if it has one. */
  dueOn: string | null;
  /** The item the line explains (a board, a party, …), as the rule file's `each` gives it. */
  item: Record<string, unknown> | null;
  /** What would satisfy it, with its status for the caller (waiting for others when another organisation owes it). */
  task: TaskView;
}

/**
 * One condition of a gate as a task of the task list: unmet ones (one per item a condition
 * explains) with who owes them and by when, met ones done. The caller's view: a task another
 * organisation owes is `waitingForOthers`.
 */
export interface CaseTaskView extends TaskView {
  ruleSet: string | null;
  rule: string;
  /** The condition's message while it is unmet; null when done. */
  message: string | null;
  /** The role expected to act (from the rule file), and what it is called. */
  responsible: string | null;
  responsibleTitle: string | null;
  /** The organisations that owe it (none when done). */
  owedBy: Array<{ id: string; name: string | null }>;
  /** Whether the caller's organisation is among them. */
  mine: boolean;
  /** The last day of the step the gate leads out of (its deadline), if it has one; null when done. */
  dueOn: string | null;
}

/** A gated event of the case's step, with its verdict now. */
export interface GateStatusView {
  event: string;
  title: string | null;
  target: StepView;
  passed: boolean;
  failures: ObligationView[];
  /** The gate as a task list: every condition of its rule sets in file order, unmet and done. */
  tasks: CaseTaskView[];
}

/** Every gate ahead of the case now, explained and attributed. */
export interface CaseGatesView {
  caseId: string;
  version: number;
  gates: GateStatusView[];
  /** The unmet conditions the caller's organisation owes (those of `gates` with `mine`). */
  owedByMe: ObligationView[];
}

/**
 * What stands between a case and its next steps, and who owes it: the gates of every gated event
 * of the step the case is in (whoever may send it), evaluated as a real command would. Reads only.
 */
@Injectable()
export class CaseGates {
  constructor(
    private readonly orm: MikroORM,
    private readonly queries: CaseQueries,
    private readonly deadlines: DeadlineQueries,
  ) {}

  /** @throws DomainError NOT_FOUND */
  async forCase(caseId: string, actor: Actor, lang: Language): Promise<CaseGatesView> {
    const { record, workflow } = await this.queries.get(caseId, actor);
    return this.of(record, workflow, actor, lang);
  }

  /** The same for a case already loaded (the case list, which has read its open deadlines already). */
  async of(record: CaseRecord, workflow: CompiledWorkflow, actor: Actor, lang: Language, openDeadlines?: readonly OpenDeadline[]): Promise<CaseGatesView> {
    const em = this.orm.em.fork();
    const parties = await em.find(CasePartyRecord, { caseId: record.id });
    const leading = new Set(parties.filter((p) => p.responsibilities.includes('leads')).map((p) => p.organisationId));
    const open = openDeadlines ?? (await this.deadlines.open(record.id, workflow, em));
    const events = new Map<string, { title: string | null; target: StepView; dueOn: string | null }>();
    for (const t of candidateTransitions(workflow, record.state)) {
      if (!t.gate.length || events.has(t.event)) continue;
      events.set(t.event, { title: t.title?.[lang] ?? null, target: toStepView(workflow.steps.get(t.target)!, lang), dueOn: dueOnFor(t.source, open) });
    }
    const verdicts = [];
    for (const [event, info] of events) verdicts.push({ event, info, result: await this.queries.explainGate(record.id, event, em) });
    const owing = verdicts.map((v) => v.result.failures.map((f) => owingOrganisations(f, { leading })));
    const names = await organisationsById(em, owing.flat(2));
    const named = (ids: string[]) => ids.map((id) => ({ id, name: names.get(id)?.name ?? null }));
    const gates = verdicts.map(({ event, info, result }, g) => {
      const failures = result.failures.map((f, i): ObligationView => {
        const orgs = owing[g]![i]!;
        const role = f.responsible ?? null;
        const mine = orgs.includes(actor.organisation);
        return {
          event,
          ruleSet: f.ruleSet,
          rule: f.rule,
          message: f.message[lang],
          responsible: role,
          responsibleTitle: role ? (ROLE_TITLES[role as CaseRole]?.[lang] ?? role) : null,
          organisations: named(orgs),
          mine,
          dueOn: info.dueOn,
          item: f.item ?? null,
          task: toTaskView(f.task, lang, f.message[lang], forCaller(f.task.status, mine)),
        };
      });
      return { event, title: info.title, target: info.target, passed: result.passed, failures, tasks: taskList(workflow, result, failures, lang) };
    });
    return { caseId: record.id, version: record.version, gates, owedByMe: gates.flatMap((g) => g.failures.filter((f) => f.mine)) };
  }
}

/** A task's status for the caller: one that another organisation owes waits for others. */
function forCaller(status: TaskStatus, mine: boolean): TaskStatus {
  return !mine && (status === 'notStarted' || status === 'inProgress') ? 'waitingForOthers' : status;
}

/**
 * The last day of the step a gated transition leaves: the deadline of its source state, or of a
 * state around or inside it (a parallel step's regions); else the nearest of the case's deadlines.
 */
function dueOnFor(source: string, open: readonly OpenDeadline[]): string | null {
  const related = open.filter((d) => d.stateId === source || source.startsWith(`${d.stateId}.`) || d.stateId.startsWith(`${source}.`));
  return (related.length ? related : open).map((d) => d.dueOn).sort()[0] ?? null;
}

/** Every condition of the gate's rule sets in file order: the unmet ones as attributed above, the met ones done. */
function taskList(workflow: CompiledWorkflow, result: GateResult, failures: ObligationView[], lang: Language): CaseTaskView[] {
  const out: CaseTaskView[] = [];
  const roleTitle = (role: string | null) => (role ? (ROLE_TITLES[role as CaseRole]?.[lang] ?? role) : null);
  for (const { id } of result.ruleSets) {
    const ruleSet = workflow.ruleSets.get(id);
    for (const condition of ruleSet?.conditions ?? []) {
      const unmet = failures.filter((f) => f.ruleSet === id && f.rule === condition.id);
      for (const f of unmet) {
        out.push({
          ...f.task,
          ruleSet: id,
          rule: f.rule,
          message: f.message,
          responsible: f.responsible,
          responsibleTitle: f.responsibleTitle,
          owedBy: f.organisations,
          mine: f.mine,
          dueOn: f.dueOn,
        });
      }
      const met = unmet.length ? undefined : result.met?.find((m) => m.ruleSet === id && m.rule === condition.id);
      if (met) {
        const responsible = condition.responsible ?? null;
        out.push({
          ...toTaskView(met.task, lang, ruleSet!.title[lang]),
          ruleSet: id,
          rule: condition.id,
          message: null,
          responsible,
          responsibleTitle: roleTitle(responsible),
          owedBy: [],
          mine: false,
          dueOn: null,
        });
      }
    }
  }
  // A named guard that said no is no condition of a rule set: it is listed after them.
  for (const f of failures.filter((f) => f.ruleSet === null)) {
    out.push({
      ...f.task,
      ruleSet: null,
      rule: f.rule,
      message: f.message,
      responsible: f.responsible,
      responsibleTitle: f.responsibleTitle,
      owedBy: f.organisations,
      mine: f.mine,
      dueOn: f.dueOn,
    });
  }
  return out;
}
