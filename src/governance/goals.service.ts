import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Actor, ActorOnCase } from '../access/actor.js';
import { CaseRoleDirectory } from '../cases/case-roles.js';
import { assertMayContribute, assertMayRunCase } from '../access/policy.js';
import { CasesService, unchanged, updateOf, type ChangeOutcome, type CommandOptions, type CommandResult, type MutationResult } from '../cases/cases.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { DomainError, notFound, unprocessable } from '../common/domain-error.js';
import { actFor, DEEDS, type OnBehalfOf } from './acting.js';
import { directionOf, progressOf, targetValueOf, type GoalProgress } from './goal-progress.js';
import { GoalRecord, MeasurementRecord, type GoalDirection, type MeasurementSource } from './goal.entity.js';
import { fetchKolada, parseKolada, type KoladaValue } from './kolada.js';
import { CasePartyRecord } from '../cases/party.entity.js';

/** The fields of a goal a secretariat sets; all but the title may wait until later. */
export interface GoalInput {
  title: string;
  kpi?: string | null;
  indicatorName?: string | null;
  unit?: string | null;
  municipalityCode?: string | null;
  organisationId?: string | null;
  baselineValue?: number | null;
  baselineYear?: number | null;
  targetKind?: 'absolute' | 'relative' | null;
  targetValue?: number | null;
  targetYear?: number | null;
  direction?: GoalDirection | null;
}

/** A goal with its measurements and progress. */
export interface GoalWithProgress {
  goal: GoalRecord;
  measurements: MeasurementRecord[];
  progress: GoalProgress;
}

/** What an import of Kolada values did. */
export interface ImportResult {
  imported: number;
  goals: string[];
  /** Values in the file that no goal of the case measures. */
  unmatched: number;
}

/**
 * Measurable goals (Blekinge: halve youth unemployment) with their measurements, imported from
 * Kolada's JSON format or, where `KOLADA_BASE_URL` is set, from Kolada's live API.
 */
@Injectable()
export class GoalsService {
  constructor(
    private readonly orm: MikroORM,
    private readonly cases: CasesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly roles: CaseRoleDirectory,
  ) {}

  async list(caseId: string): Promise<GoalWithProgress[]> {
    const em = this.orm.em.fork();
    const goals = await em.find(GoalRecord, { caseId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    const measurements = goals.length ? await em.find(MeasurementRecord, { goalId: { $in: goals.map((g) => g.id) } }, { orderBy: { period: 'asc' } }) : [];
    return goals.map((goal) => {
      const own = measurements.filter((m) => m.goalId === goal.id);
      return { goal, measurements: own, progress: progressOf(goal, own) };
    });
  }

  /** @throws DomainError NOT_FOUND */
  async get(caseId: string, goalId: string): Promise<GoalWithProgress> {
    const found = (await this.list(caseId)).find((g) => g.goal.id === goalId);
    if (!found) throw notFound('goal', goalId);
    return found;
  }

  /**
   * A goal as just written in a command's transaction, with its measurements (which the command did
   * not change) and progress; for the command's answer.
   */
  async withProgress(goal: GoalRecord, em: EntityManager): Promise<GoalWithProgress> {
    const measurements = await em.find(MeasurementRecord, { goalId: goal.id }, { orderBy: { period: 'asc' } });
    return { goal, measurements, progress: progressOf(goal, measurements) };
  }

  /** @throws DomainError UNPROCESSABLE (organisation not a party, target and direction disagree) */
  create(
    caseId: string,
    input: GoalInput,
    actor: Actor,
    options: CommandOptions<MutationResult<GoalRecord>> = {},
  ): Promise<CommandResult<MutationResult<GoalRecord>>> {
    return this.cases.mutate(caseId, actor, options, async ({ em, now, actor: onCase }) => {
      assertMayRunCase(onCase, 'set goals');
      const goal = em.create(GoalRecord, { id: randomUUID(), caseId, createdAt: now, ...blankGoal(), ...clean(input), title: input.title.trim() });
      await this.check(em, caseId, goal);
      return { type: 'goal.created', payload: { goal: { id: goal.id, ...goalSnapshot(goal) } }, value: goal };
    });
  }

  /** @throws DomainError NOT_FOUND, UNPROCESSABLE */
  update(
    caseId: string,
    goalId: string,
    patch: Partial<GoalInput>,
    actor: Actor,
    options: CommandOptions<MutationResult<GoalRecord>> = {},
  ): Promise<CommandResult<MutationResult<GoalRecord>>> {
    return this.cases.mutate(caseId, actor, options, async ({ em, actor: onCase }) => {
      assertMayRunCase(onCase, 'change goals');
      const goal = await em.findOne(GoalRecord, { id: goalId, caseId });
      if (!goal) throw notFound('goal', goalId);
      const before = goalSnapshot(goal);
      Object.assign(goal, clean(patch));
      await this.check(em, caseId, goal);
      const after = goalSnapshot(goal);
      return updateOf('goal.updated', { goal: goalId }, before, after, goal);
    });
  }

  /**
   * Records (or corrects) a year's value: for a goal of a party, as that party (policy's
   * assertMayActFor); a joint goal any contributor measures.
   * @throws DomainError NOT_FOUND for a goal not on this case, FORBIDDEN
   */
  recordMeasurement(
    caseId: string,
    goalId: string,
    input: { period: number; value: number },
    actor: Actor,
    options: CommandOptions<MutationResult<MeasurementRecord>> = {},
  ): Promise<CommandResult<MutationResult<MeasurementRecord>>> {
    return this.cases.mutate(caseId, actor, options, async ({ em, now, actor: onCase }) => {
      assertMayContribute(onCase, 'record measurements');
      const goal = await em.findOne(GoalRecord, { id: goalId, caseId });
      if (!goal) throw notFound('goal', goalId);
      // A goal of a party is measured for that party; a joint goal (no party) by any contributor.
      const acting = goal.organisationId ? await actFor(em, onCase, goal.organisationId, DEEDS.measure) : {};
      const { measurement, previous } = await this.upsert(em, goal.id, input.period, input.value, 'manual', now);
      if (previous === input.value) return unchanged(measurement);
      return {
        type: 'measurement.recorded',
        payload: { goal: goal.id, period: input.period, value: input.value, previous, source: 'manual', ...acting },
        value: measurement,
      };
    });
  }

  /**
   * Imports a file in the Kolada data API's JSON format: every total that matches a goal of the
   * case (same KPI and municipality code) becomes that goal's measurement for the year.
   * @throws DomainError VALIDATION_FAILED when the file is not in Kolada's format (nothing is imported)
   */
  importKolada(
    caseId: string,
    document: unknown,
    actor: Actor,
    options: CommandOptions<MutationResult<ImportResult>> = {},
    source: MeasurementSource = 'kolada-file',
  ): Promise<CommandResult<MutationResult<ImportResult>>> {
    const values = parseKolada(document);
    return this.cases.mutate(caseId, actor, options, async ({ em, now, actor: onCase }) => {
      assertMayContribute(onCase, 'import measurements');
      return this.apply(em, onCase, caseId, values, source, now);
    });
  }

  /**
   * Fetches each goal's KPI for its municipality from Kolada's live API (`KOLADA_BASE_URL`, e.g.
   * https://api.kolada.se) and imports the values.
   * @throws DomainError UNPROCESSABLE when no base URL is configured; NOT_FOUND, FORBIDDEN before any request goes out; UPSTREAM_UNAVAILABLE (502) when Kolada does not answer within the limits (see {@link fetchKolada})
   */
  async syncKolada(
    caseId: string,
    actor: Actor,
    options: CommandOptions<MutationResult<ImportResult>> = {},
  ): Promise<CommandResult<MutationResult<ImportResult>>> {
    const base = this.config.koladaBaseUrl;
    if (!base)
      throw new DomainError('UNPROCESSABLE', {
        sv: 'Ingen koppling till Koladas API är inställd (KOLADA_BASE_URL). Importera en fil i Koladas format i stället.',
        en: "no Kolada API is configured (KOLADA_BASE_URL); import a file in Kolada's format instead",
      });
    // Who may import is checked before any request goes out (and again when the values are stored).
    const standing = await this.roles.standing(this.orm.em.fork(), caseId, actor);
    if (!standing.party) throw notFound('case', caseId);
    assertMayContribute(standing.actor, 'import measurements');
    const goals = (await this.list(caseId)).map((g) => g.goal).filter((g) => g.kpi && g.municipalityCode);
    const values: KoladaValue[] = [];
    for (const goal of goals) {
      const url = new URL(`/v2/data/kpi/${encodeURIComponent(goal.kpi!)}/municipality/${encodeURIComponent(goal.municipalityCode!)}`, base);
      values.push(...parseKolada(await fetchKolada(url, this.config.kolada)));
    }
    return this.importKoladaValues(caseId, values, actor, options);
  }

  private importKoladaValues(
    caseId: string,
    values: KoladaValue[],
    actor: Actor,
    options: CommandOptions<MutationResult<ImportResult>>,
  ): Promise<CommandResult<MutationResult<ImportResult>>> {
    return this.cases.mutate(caseId, actor, options, async ({ em, now, actor: onCase }) => {
      assertMayContribute(onCase, 'import measurements');
      return this.apply(em, onCase, caseId, values, 'kolada-api', now);
    });
  }

  /**
   * Writes the values to the goals they match. Each goal of a party is measured as that party
   * (policy's assertMayActFor): one value for a goal the actor may not measure refuses the whole
   * import (403), so nothing is half imported.
   */
  private async apply(
    em: EntityManager,
    actor: ActorOnCase,
    caseId: string,
    values: KoladaValue[],
    source: MeasurementSource,
    now: Date,
  ): Promise<ChangeOutcome<ImportResult>> {
    const goals = (await em.find(GoalRecord, { caseId })).filter((g) => g.kpi && g.municipalityCode);
    const changes: Array<{ goal: string; period: number; value: number; previous: number | null; onBehalfOf?: OnBehalfOf }> = [];
    const acting = new Map<string, { onBehalfOf?: OnBehalfOf }>();
    let unmatched = 0;
    for (const v of values) {
      const matching = goals.filter((g) => g.kpi === v.kpi && g.municipalityCode === v.municipality);
      if (!matching.length) unmatched++;
      for (const goal of matching) {
        if (goal.organisationId && !acting.has(goal.organisationId))
          acting.set(goal.organisationId, await actFor(em, actor, goal.organisationId, DEEDS.measure));
        const { previous } = await this.upsert(em, goal.id, v.period, v.value, source, now);
        if (previous !== v.value)
          changes.push({ goal: goal.id, period: v.period, value: v.value, previous, ...(goal.organisationId ? acting.get(goal.organisationId) : {}) });
      }
    }
    const result: ImportResult = { imported: changes.length, goals: [...new Set(changes.map((c) => c.goal))], unmatched };
    if (!changes.length) return unchanged(result); // nothing new: no history event
    return { type: 'measurements.imported', payload: { source, changes }, value: result };
  }

  private async upsert(em: EntityManager, goalId: string, period: number, value: number, source: MeasurementSource, now: Date) {
    const existing = await em.findOne(MeasurementRecord, { goalId, period });
    const previous = existing?.value ?? null;
    const measurement = existing ?? em.create(MeasurementRecord, { goalId, period, value, source, recordedAt: now });
    Object.assign(measurement, { value, source, recordedAt: now });
    return { measurement, previous };
  }

  private async check(em: EntityManager, caseId: string, goal: GoalRecord): Promise<void> {
    if (goal.organisationId && !(await em.findOne(CasePartyRecord, { caseId, organisationId: goal.organisationId }))) {
      throw unprocessable('organisationId', { sv: 'målet kan bara mätas för en part i ärendet', en: 'the goal can only be measured for a party of the case' });
    }
    if (goal.targetKind === 'relative' && goal.targetValue !== null && goal.targetValue <= -100) {
      throw unprocessable('targetValue', {
        sv: 'ett relativt mål är en procentuell förändring från utgångsvärdet, större än −100',
        en: 'a relative target is a percentage change of the baseline, above −100',
      });
    }
    const target = targetValueOf(goal);
    const implied = directionOf({ ...goal, direction: null });
    if (goal.direction && implied && goal.direction !== implied) {
      throw unprocessable('direction', {
        sv: `målvärdet (${target}) ligger åt andra hållet från utgångsvärdet (${goal.baselineValue}) än riktningen "${goal.direction === 'increase' ? 'öka' : goal.direction === 'decrease' ? 'minska' : goal.direction}"`,
        en: `the target (${target}) lies in the other direction from the baseline (${goal.baselineValue}) than "${goal.direction}"`,
      });
    }
    if (goal.baselineYear !== null && goal.targetYear !== null && goal.targetYear <= goal.baselineYear) {
      throw unprocessable('targetYear', { sv: 'målåret måste komma efter utgångsåret', en: 'the target year must come after the baseline year' });
    }
  }
}

function blankGoal(): Omit<GoalRecord, 'id' | 'caseId' | 'createdAt' | 'title'> {
  return {
    kpi: null,
    indicatorName: null,
    unit: null,
    municipalityCode: null,
    organisationId: null,
    baselineValue: null,
    baselineYear: null,
    targetKind: null,
    targetValue: null,
    targetYear: null,
    direction: null,
  };
}

/** Only the keys given, trimmed; `undefined` leaves a field as it is. */
function clean(input: Partial<GoalInput>): Partial<GoalRecord> {
  const out: Partial<GoalRecord> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    (out as Record<string, unknown>)[key] = typeof value === 'string' ? value.trim() || null : value;
  }
  if (typeof input.title === 'string') out.title = input.title.trim();
  return out;
}

export function goalSnapshot(g: GoalRecord) {
  return {
    title: g.title,
    kpi: g.kpi,
    indicatorName: g.indicatorName,
    unit: g.unit,
    municipalityCode: g.municipalityCode,
    organisationId: g.organisationId,
    baselineValue: g.baselineValue,
    baselineYear: g.baselineYear,
    targetKind: g.targetKind,
    targetValue: g.targetValue,
    targetYear: g.targetYear,
    direction: g.direction,
  };
}
