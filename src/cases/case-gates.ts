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
}

/** A gated event of the case's step, with its verdict now. */
export interface GateStatusView {
  event: string;
  title: string | null;
  target: StepView;
  passed: boolean;
  failures: ObligationView[];
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
    const dueOn = open.map((d) => d.dueOn).sort()[0] ?? null;
    const events = new Map<string, { title: string | null; target: StepView }>();
    for (const t of candidateTransitions(workflow, record.state)) {
      if (!t.gate.length || events.has(t.event)) continue;
      events.set(t.event, { title: t.title?.[lang] ?? null, target: toStepView(workflow.steps.get(t.target)!, lang) });
    }
    const verdicts = [];
    for (const [event, info] of events) verdicts.push({ event, info, result: await this.queries.explainGate(record.id, event, em) });
    const owing = verdicts.flatMap((v) => v.result.failures.map((f) => owingOrganisations(f, { leading })));
    const names = await organisationsById(em, owing.flat());
    let i = 0;
    const gates = verdicts.map(({ event, info, result }) => ({
      event,
      title: info.title,
      target: info.target,
      passed: result.passed,
      failures: result.failures.map((f): ObligationView => {
        const orgs = owing[i++]!;
        const role = f.responsible ?? null;
        return {
          event,
          ruleSet: f.ruleSet,
          rule: f.rule,
          message: f.message[lang],
          responsible: role,
          responsibleTitle: role ? (ROLE_TITLES[role as CaseRole]?.[lang] ?? role) : null,
          organisations: orgs.map((id) => ({ id, name: names.get(id)?.name ?? null })),
          mine: orgs.includes(actor.organisation),
          dueOn,
          item: f.item ?? null,
        };
      }),
    }));
    return { caseId: record.id, version: record.version, gates, owedByMe: gates.flatMap((g) => g.failures.filter((f) => f.mine)) };
  }
}
