import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags, OmitType } from '@nestjs/swagger';
import { ApiAnswers } from './api-answers.js';
import { CaseGatesDto, MyCasesDto } from './dto/responses.dto.js';
import { MeDto, UiConfigDto } from './dto/service-responses.dto.js';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Request } from 'express';
import type { Actor } from '../access/actor.js';
import { CaseGates } from '../cases/case-gates.js';
import { CaseQueries } from '../cases/case-queries.js';
import { toCaseSummary, toStepView } from '../cases/case-view.js';
import type { AppConfig } from '../config/app-config.js';
import type { DatabaseTarget } from '../config/database.js';
import { APP_CONFIG, DATABASE_TARGET } from '../config/tokens.js';
import { DeadlineQueries } from '../deadlines/deadline-queries.js';
import { ladderOf } from '../deadlines/deadline-plan.js';
import { EscalationRecord } from '../escalations/escalation.entity.js';
import { OrganisationRecord, PersonRecord } from '../registry/organisation.entity.js';
import { CurrentActor, Public } from './auth.guard.js';
import { ListCasesQuery } from './dto/cases.dto.js';
import { uuidParam } from './params.js';
import { languageOf } from './language.js';
import { isUuid } from '../common/uuid.js';

/** `GET /me/cases`: the case-list filters, without paging (stalled cases come first, up to `limit`). */
export class MyCasesQuery extends OmitType(ListCasesQuery, ['offset'] as const) {}

/**
 * What the web interface needs beyond the case API: whether and how to sign in, who is signed in,
 * "my cases" with what my organisation owes, and every gate ahead of a case with who owes what.
 * Reads only; visibility and permissions as everywhere (src/access/policy.ts, CaseVisibilityGuard).
 */
@ApiTags('web interface')
@Controller()
export class UiController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_TARGET) private readonly database: DatabaseTarget,
    private readonly orm: MikroORM,
    private readonly queries: CaseQueries,
    private readonly gates: CaseGates,
    private readonly deadlines: DeadlineQueries,
  ) {}

  @Get('ui/config')
  @Public()
  @ApiOperation({
    summary:
      'How the web interface signs in (no sign-in needed): OpenID Connect issuer and client id when configured, whether this is a development database with a development token, and where to report accessibility problems',
  })
  @ApiAnswers({ type: UiConfigDto, errors: [429] })
  config_(): UiConfigDto {
    return {
      development: this.database.kind === 'embedded' && !this.config.production,
      oidc: this.config.oidc ? { issuer: this.config.oidc.issuer, clientId: this.config.oidc.audience } : null,
      languages: ['sv', 'en'],
      accessibilityContact: this.config.accessibilityContact,
    };
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in person: name, organisation and system roles' })
  @ApiAnswers({ type: MeDto, errors: [401, 429, 503] })
  async me(@CurrentActor() actor: Actor): Promise<MeDto> {
    const em = this.orm.em.fork();
    const person = actor.personId ? await em.findOne(PersonRecord, { id: actor.personId }) : null;
    const organisation = isUuid(actor.organisation) ? await em.findOne(OrganisationRecord, { id: actor.organisation }) : null;
    return {
      person: { id: person?.id ?? null, subject: actor.person, name: person?.name ?? actor.person },
      organisation: { id: organisation?.id ?? actor.organisation, name: organisation?.name ?? null },
      systemRoles: actor.systemRoles,
    };
  }

  @Get('me/cases')
  @ApiOperation({
    summary: 'My cases: those my organisation is party to, stalled ones first, each with its step, working days left and what my organisation still owes it',
  })
  @ApiAnswers({ type: MyCasesDto })
  async myCases(@Query() query: MyCasesQuery, @CurrentActor() actor: Actor, @Req() req: Request): Promise<MyCasesDto> {
    const lang = languageOf(req);
    const limit = query.limit ?? 100;
    const filter = {
      ...(query.state ? { state: query.state } : {}),
      ...(query.workflow ? { workflow: query.workflow } : {}),
      ...(query.q ? { text: query.q } : {}),
      ...(query.status ? { status: query.status } : {}),
      offset: 0,
    };
    // Stalled first: the stalled ones, then (unless only stalled ones were asked for) the others.
    const wanted = query.stalled ? [query.stalled === 'true'] : [true, false];
    const items = [];
    let total = 0;
    for (const stalled of wanted) {
      const page = await this.queries.list({ ...filter, stalled, limit: Math.max(1, limit - items.length) }, actor);
      total += page.total;
      if (items.length < limit) items.push(...page.items.slice(0, limit - items.length).map((i) => ({ ...i, stalled })));
    }
    // The highest level that has fired and not yet closed (the case is still in its step), per case.
    const fired = await this.orm.em
      .fork()
      .find(
        EscalationRecord,
        { caseId: { $in: items.map((i) => i.record.id) }, status: { $in: ['open', 'acknowledged'] } },
        { orderBy: { rung: 'desc', firedAt: 'desc' } },
      );
    return {
      total,
      items: await Promise.all(
        items.map(async ({ record, workflow, stalled }) => {
          const escalation = fired.find((e) => e.caseId === record.id);
          const open = await this.deadlines.open(record.id, workflow);
          const next = [...open].sort((a, b) => a.workingDaysLeft - b.workingDaysLeft)[0];
          const gates = await this.gates.of(record, workflow, actor, lang, open);
          return {
            ...toCaseSummary(record, workflow, lang),
            workflow: { id: workflow.id, version: workflow.version, title: workflow.title[lang] },
            stalled,
            escalation:
              escalation && (escalation.status === 'open' || escalation.status === 'acknowledged')
                ? {
                    level: escalation.level,
                    title: ladderOf(workflow.definition, escalation.stateId)[escalation.rung]?.title?.[lang] ?? null,
                    status: escalation.status,
                    firedAt: (escalation.firedAt ?? escalation.fireAt).toISOString(),
                  }
                : null,
            deadline: next
              ? {
                  step: toStepView(workflow.steps.get(next.stateId)!, lang),
                  dueOn: next.dueOn,
                  dueAt: next.dueAt.toISOString(),
                  workingDaysLeft: next.workingDaysLeft,
                  overdue: next.overdue,
                }
              : null,
            owed: gates.owedByMe.map((o) => ({ event: o.event, message: o.message, responsibleTitle: o.responsibleTitle })),
          };
        }),
      ),
    };
  }

  @Get('cases/:id/gates')
  @ApiOperation({
    summary:
      'Every gate ahead of the case now: each unmet condition in the caller’s language, the role that must act, the organisations that owe it (mine flagged) and the step’s deadline',
  })
  @ApiAnswers({ type: CaseGatesDto })
  async caseGates(@Param('id', uuidParam('case id')) id: string, @CurrentActor() actor: Actor, @Req() req: Request): Promise<CaseGatesDto> {
    return this.gates.forCase(id, actor, languageOf(req));
  }
}
