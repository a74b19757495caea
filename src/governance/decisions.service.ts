import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../access/actor.js';
import { assertMayRecordDecision, assertMayRunCase } from '../access/policy.js';
import { WORKING_CALENDAR } from '../calendar/calendar.provider.js';
import { stockholmDate, type SwedishCalendar } from '../calendar/working-days.js';
import { CasesService, updateOf, type CommandOptions, type CommandResult, type MutationResult } from '../cases/cases.service.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { DomainError, notFound, unprocessable } from '../common/domain-error.js';
import { ADOPTED, appealDeadline, checkDecisionDates, datesBefore, earliestDecisionDate, effectiveStatus, finalFrom, type DecisionStatus } from './appeal.js';
import { canonicalJson } from '../common/canonical-json.js';
import { eventLoopPause } from '../common/event-loop.js';
import { compareDecisionText, textDigest, words, type TextComparison } from './decision-text.js';
import { BoardDecisionRecord, DecisionPointRecord, type RecordedDecisionStatus } from './decision.entity.js';
import { boardLabel } from './labels.js';
import { BoardRecord, OrganisationRecord } from '../registry/organisation.entity.js';
import { CasePartyRecord } from '../cases/party.entity.js';

/** Input of a decision point. */
export interface NewDecisionPoint {
  key: string;
  title: string;
  referenceText: string;
  boardIds: string[];
}

/** A board decision as recorded by the secretariat. */
export interface DecisionInput {
  status: RecordedDecisionStatus;
  text?: string | null;
  meetingDate?: string | null;
  minutesParagraph?: string | null;
  minutesApprovedDate?: string | null;
  announcedDate?: string | null;
  /** Why a final decision's registration is corrected (required for that, see recordDecision). */
  correction?: string | null;
}

/** One board's line in the decision point overview: its decision, status and text comparison. */
export interface BoardLine {
  board: BoardRecord;
  organisation: OrganisationRecord;
  label: string;
  decision: BoardDecisionRecord | null;
  status: DecisionStatus | 'none';
  finalFrom: string | null;
  comparison: TextComparison | null;
}

/** A decision point with every required board's line, for the secretariat's view. */
export interface DecisionPointOverview {
  point: DecisionPointRecord;
  boards: BoardLine[];
  summary: { required: number; adopted: number; identical: number; final: number };
}

/**
 * Board decisions at named decision points (Kronoberg's likalydande beslut): the reference text,
 * the boards that must decide, each board's decision with the Kommunallagen dates, and the
 * comparison of every decided text with the reference.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly orm: MikroORM,
    private readonly cases: CasesService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WORKING_CALENDAR) private readonly calendar: SwedishCalendar,
  ) {}

  async list(caseId: string): Promise<DecisionPointRecord[]> {
    return this.orm.em.fork().find(DecisionPointRecord, { caseId }, { orderBy: { createdAt: 'asc', key: 'asc' } });
  }

  /** @throws DomainError NOT_FOUND */
  async overview(caseId: string, key: string): Promise<DecisionPointOverview> {
    const em = this.orm.em.fork();
    const point = await em.findOne(DecisionPointRecord, { caseId, key });
    if (!point) throw notFound('decision point', key);
    const boards = await this.requiredBoards(em, point.boardIds);
    const decisions = new Map((await em.find(BoardDecisionRecord, { decisionPointId: point.id })).map((d) => [d.boardId, d]));
    const today = stockholmDate(this.clock.now());
    const reference = words(point.referenceText);
    // Each comparison is bounded (DIFF_LIMITS); between boards, other requests get their turn.
    const pause = eventLoopPause();
    const lines: BoardLine[] = [];
    for (const { board, organisation } of boards) {
      await pause();
      const decision = decisions.get(board.id) ?? null;
      const status = decision ? effectiveStatus(decision, today) : 'none';
      const comparison = decision && ADOPTED.has(status as DecisionStatus) ? compareDecisionText(reference, decision.text ?? '') : null;
      lines.push({
        board,
        organisation,
        label: boardLabel(organisation, board),
        decision,
        status,
        finalFrom: decision ? finalFrom(decision.appealDeadline) : null,
        comparison,
      });
    }
    return {
      point,
      boards: lines,
      summary: {
        required: lines.length,
        adopted: lines.filter((l) => ADOPTED.has(l.status as DecisionStatus)).length,
        identical: lines.filter((l) => l.comparison?.identical).length,
        final: lines.filter((l) => l.status === 'final').length,
      },
    };
  }

  /** @throws DomainError UNPROCESSABLE when the key is taken or a board's organisation is not a party */
  createPoint(
    caseId: string,
    input: NewDecisionPoint,
    actor: Actor,
    options: CommandOptions<MutationResult<DecisionPointRecord>> = {},
  ): Promise<CommandResult<MutationResult<DecisionPointRecord>>> {
    return this.cases.mutate(caseId, actor, options, async ({ em, now, actor: onCase }) => {
      assertMayRunCase(onCase, 'set up decision points');
      if (await em.findOne(DecisionPointRecord, { caseId, key: input.key }))
        throw unprocessable('key', { sv: `ärendet har redan en beslutspunkt "${input.key}"`, en: `the case already has a decision point "${input.key}"` });
      await this.checkBoards(em, caseId, input.boardIds);
      const point = em.create(DecisionPointRecord, {
        id: randomUUID(),
        caseId,
        key: input.key,
        title: input.title.trim(),
        referenceText: input.referenceText,
        boardIds: [...new Set(input.boardIds)],
        createdAt: now,
      });
      return {
        type: 'decisionPoint.created',
        payload: { key: point.key, title: point.title, referenceText: point.referenceText, boards: point.boardIds },
        value: point,
      };
    });
  }

  /** Changes the title, the reference text or the boards. @throws DomainError NOT_FOUND, UNPROCESSABLE */
  updatePoint(
    caseId: string,
    key: string,
    patch: Partial<Omit<NewDecisionPoint, 'key'>>,
    actor: Actor,
    options: CommandOptions<MutationResult<DecisionPointRecord>> = {},
  ): Promise<CommandResult<MutationResult<DecisionPointRecord>>> {
    return this.cases.mutate(caseId, actor, options, async ({ em, actor: onCase }) => {
      assertMayRunCase(onCase, 'change decision points');
      const point = await em.findOne(DecisionPointRecord, { caseId, key });
      if (!point) throw notFound('decision point', key);
      const before = { title: point.title, referenceText: point.referenceText, boards: point.boardIds };
      if (patch.boardIds) {
        await this.checkBoards(em, caseId, patch.boardIds);
        point.boardIds = [...new Set(patch.boardIds)];
      }
      if (patch.title !== undefined) point.title = patch.title.trim();
      if (patch.referenceText !== undefined) point.referenceText = patch.referenceText;
      const after = { title: point.title, referenceText: point.referenceText, boards: point.boardIds };
      return updateOf('decisionPoint.updated', { key }, before, after, point);
    });
  }

  /**
   * Records (or updates) one board's decision. The appeal deadline is computed from the
   * announcement date on the Swedish calendar. A decision that has become final (laga kraft) is
   * not rewritten (see finalChange): only an appeal made in time, or a corrected registration with
   * its reason, may still be recorded. No date may lie more than a year before the case started
   * (see earliestDecisionDate).
   * @throws DomainError NOT_FOUND (decision point), DECISION_FINAL (409), UNPROCESSABLE (board not
   *         required here, its organisation not a party, dates out of order, in the future or more
   *         than a year before the case, missing text)
   */
  recordDecision(
    caseId: string,
    key: string,
    boardId: string,
    input: DecisionInput,
    actor: Actor,
    options: CommandOptions<MutationResult<BoardDecisionRecord>> = {},
  ): Promise<CommandResult<MutationResult<BoardDecisionRecord>>> {
    return this.cases.mutate(caseId, actor, options, async ({ em, now, record, actor: onCase }) => {
      const point = await em.findOne(DecisionPointRecord, { caseId, key });
      if (!point) throw notFound('decision point', key);
      const board = await em.findOne(BoardRecord, { id: boardId });
      if (!board) throw notFound('board', boardId);
      const organisation = await em.findOneOrFail(OrganisationRecord, { id: board.organisationId });
      if (!(await em.findOne(CasePartyRecord, { caseId, organisationId: board.organisationId }))) {
        throw new DomainError('UNPROCESSABLE', {
          sv: `${organisation.name} är inte part i ärendet, så ${boardLabel(organisation, board)} kan inte besluta här.`,
          en: `${organisation.name} is not a party to the case, so ${boardLabel(organisation, board)} cannot decide here`,
        });
      }
      assertMayRecordDecision(onCase, board.organisationId, boardLabel(organisation, board));
      if (!point.boardIds.includes(boardId)) {
        throw new DomainError('UNPROCESSABLE', {
          sv: `${boardLabel(organisation, board)} är inte en av nämnderna som beslutar vid beslutspunkten "${point.title}".`,
          en: `${boardLabel(organisation, board)} is not one of the boards that decide at "${key}"`,
        });
      }
      const fields = {
        status: input.status,
        text: input.text ?? null,
        meetingDate: input.meetingDate ?? null,
        minutesParagraph: input.minutesParagraph?.trim() || null,
        minutesApprovedDate: input.minutesApprovedDate ?? null,
        announcedDate: input.announcedDate ?? null,
      };
      const today = stockholmDate(now);
      const problems = checkDecisionDates(fields, today);
      if (problems.length)
        throw new DomainError(
          'UNPROCESSABLE',
          { sv: problems.map((p) => p.message.sv).join('; '), en: problems.map((p) => p.message.en).join('; ') },
          { errors: problems },
        );
      const earliest = earliestDecisionDate(stockholmDate(record.createdAt));
      const early = datesBefore(fields, earliest);
      if (early.length) {
        const dates = early.map((e) => e.date).join(', ');
        throw new DomainError(
          'UNPROCESSABLE',
          {
            sv: `${dates} ligger mer än ett år före ärendets start (${stockholmDate(record.createdAt)}); ett så gammalt beslut hör inte till den här samverkan och kan inte registreras här (tidigast ${earliest}).`,
            en: `${dates} is more than a year before the case started (${stockholmDate(record.createdAt)}); a decision that old does not belong to this collaboration and cannot be recorded here (earliest ${earliest}).`,
          },
          {
            errors: early.map((e) => ({
              path: e.path,
              message: {
                sv: `${e.date} ligger före ${earliest}, ett år före ärendets start`,
                en: `${e.date} is before ${earliest}, a year before the case started`,
              },
            })),
          },
        );
      }
      const appeal = fields.announcedDate ? appealDeadline(fields.announcedDate, this.calendar) : null;
      const existing = await em.findOne(BoardDecisionRecord, { decisionPointId: point.id, boardId });
      const correction =
        existing && effectiveStatus(existing, today) === 'final' ? finalChange(existing, fields, input.correction, boardLabel(organisation, board)) : null;
      const digest = fields.text === null ? null : textDigest(fields.text);
      const decision =
        existing ??
        em.create(BoardDecisionRecord, {
          id: randomUUID(),
          decisionPointId: point.id,
          boardId,
          ...fields,
          appealDeadline: appeal,
          textDigest: digest,
          updatedAt: now,
        });
      const before = existing ? decisionSnapshot(existing) : null;
      Object.assign(decision, fields, { appealDeadline: appeal, textDigest: digest, updatedAt: now });
      if (correction)
        return {
          type: 'decision.corrected',
          payload: { decisionPoint: key, board: boardId, label: boardLabel(organisation, board), correction, from: before, to: decisionSnapshot(decision) },
          value: decision,
        };
      return updateOf(
        'decision.recorded',
        { decisionPoint: key, board: boardId, label: boardLabel(organisation, board) },
        before,
        decisionSnapshot(decision),
        decision,
      );
    });
  }

  private async requiredBoards(em: EntityManager, ids: string[]): Promise<Array<{ board: BoardRecord; organisation: OrganisationRecord }>> {
    const boards = ids.length ? await em.find(BoardRecord, { id: { $in: ids } }) : [];
    const organisations = new Map(
      (boards.length ? await em.find(OrganisationRecord, { id: { $in: boards.map((b) => b.organisationId) } }) : []).map((o) => [o.id, o]),
    );
    const byId = new Map(boards.map((b) => [b.id, b]));
    return ids.filter((id) => byId.has(id)).map((id) => ({ board: byId.get(id)!, organisation: organisations.get(byId.get(id)!.organisationId)! }));
  }

  /** Every board exists and belongs to a party. */
  private async checkBoards(em: EntityManager, caseId: string, boardIds: string[]): Promise<void> {
    if (!boardIds.length) throw unprocessable('boardIds', { sv: 'ange minst en nämnd som ska besluta', en: 'name at least one board that must decide' });
    const boards = await this.requiredBoards(em, boardIds);
    const found = new Set(boards.map((b) => b.board.id));
    boardIds.forEach((id, i) => {
      if (!found.has(id)) throw unprocessable(`boardIds.${i}`, { sv: `nämnden "${id}" finns inte i registret`, en: `board "${id}" is not in the registry` });
    });
    const parties = new Set((await em.find(CasePartyRecord, { caseId })).map((p) => p.organisationId));
    for (const [i, { board, organisation }] of boards.entries()) {
      if (!parties.has(board.organisationId))
        throw unprocessable(`boardIds.${i}`, {
          sv: `${boardLabel(organisation, board)} hör till ${organisation.name}, som inte är part i ärendet`,
          en: `${boardLabel(organisation, board)} belongs to ${organisation.name}, which is not a party to the case`,
        });
    }
  }
}

/**
 * A final decision (laga kraft) is not changed: a changed decision is a new decision, taken,
 * announced and appealable anew. Sending it unchanged is fine, and so is recording that it was
 * appealed in time (a court's notice may come late). What may still change is a wrong
 * *registration* — the minutes say otherwise — given with `correction` saying why: it is recorded
 * as `decision.corrected`, and the decision stays final, as the appeal window ran on the decision
 * as taken.
 * @returns the reason when the change is such a correction, null when it is no correction
 * @throws DomainError DECISION_FINAL
 */
function finalChange(
  existing: BoardDecisionRecord,
  fields: Pick<BoardDecisionRecord, 'status' | 'text' | 'meetingDate' | 'minutesParagraph' | 'minutesApprovedDate' | 'announcedDate'>,
  correction: string | null | undefined,
  label: string,
): string | null {
  const content = (d: typeof fields) =>
    canonicalJson({
      text: d.text,
      meetingDate: d.meetingDate,
      minutesParagraph: d.minutesParagraph,
      minutesApprovedDate: d.minutesApprovedDate,
      announcedDate: d.announcedDate,
    });
  if (content(existing) === content(fields) && (fields.status === existing.status || fields.status === 'appealed')) return null;
  if (correction?.trim()) return correction.trim();
  const since = finalFrom(existing.appealDeadline);
  throw new DomainError(
    'DECISION_FINAL',
    {
      sv: `Beslutet i ${label} har vunnit laga kraft (från ${since}) och ändras inte i efterhand. Ett ändrat beslut är ett nytt beslut: registrera det vid en ny beslutspunkt när nämnden har fattat det och det har anslagits. Var det registreringen som var fel, inte beslutet, skicka rättelsen med "correction" som säger varför; den syns i historiken.`,
      en: `The decision of ${label} has become final (laga kraft, from ${since}) and is not changed afterwards. A changed decision is a new decision: record it at a new decision point once the board has taken and announced it. If the registration was wrong, not the decision, send the correction with "correction" saying why; it is shown in the history.`,
    },
    { finalFrom: since },
  );
}

export function decisionSnapshot(d: BoardDecisionRecord) {
  return {
    status: d.status,
    text: d.text,
    meetingDate: d.meetingDate,
    minutesParagraph: d.minutesParagraph,
    minutesApprovedDate: d.minutesApprovedDate,
    announcedDate: d.announcedDate,
    appealDeadline: d.appealDeadline,
  };
}
