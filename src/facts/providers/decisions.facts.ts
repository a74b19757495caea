import { stockholmDate, type LocalDate } from '../../calendar/working-days.js';
import { ADOPTED, appealDeadline, effectiveStatus, finalFrom } from '../../governance/appeal.js';
import { eventLoopPause } from '../../common/event-loop.js';
import { compareDecisionText, differingWords, formatRanges, textDigest, words } from '../../governance/decision-text.js';
import { DecisionPointRecord, type RecordedDecisionStatus } from '../../governance/decision.entity.js';
import { boardLabel } from '../../governance/labels.js';
import { factKey, type FactRequest } from '../../rules/fact-key.js';
import type { FactContext, FactProvider } from '../fact-provider.js';

/**
 * Facts about the boards' decisions at a decision point (params `decisionPoint`): which required
 * boards have not adopted it, whose text differs from the reference (likalydande beslut), and
 * which are not yet final (laga kraft).
 */
export class DecisionsFacts implements FactProvider {
  readonly provides = ['decisionPointDefined', 'boardsMissing', 'decisionTextDifferences', 'decisionsNotFinal'] as const;

  async compute(ctx: FactContext, wanted: readonly FactRequest[]): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    const byPoint = new Map<string, FactRequest[]>();
    for (const request of wanted) {
      const key = String(request.params?.decisionPoint ?? '');
      byPoint.set(key, [...(byPoint.get(key) ?? []), request]);
    }
    for (const [pointKey, requests] of byPoint) {
      const facts = await this.forPoint(ctx, pointKey);
      for (const request of requests) out[factKey(request.name, request.params)] = facts[request.name as keyof typeof facts];
    }
    return out;
  }

  private async forPoint({ em, record, now, calendar }: FactContext, key: string) {
    const point = await em.findOne(DecisionPointRecord, { caseId: record.id, key });
    if (!point) return { decisionPointDefined: false, boardsMissing: [], decisionTextDifferences: [], decisionsNotFinal: [] };
    const today = stockholmDate(now);
    const rows = point.boardIds.length ? await em.execute<RequiredBoardRow[]>(REQUIRED_BOARDS_SQL, requiredBoardsParameters(point, today)) : [];
    const reference = words(point.referenceText);
    // Most boards share an appeal deadline (announced the same day): work out each date once.
    const finalFromOf = new Map<string | null, LocalDate | null>();
    const firstFinalDay = (deadline: string | null) => finalFromOf.get(deadline) ?? finalFromOf.set(deadline, finalFrom(deadline)).get(deadline)!;
    // A decision not yet announced can be final at the earliest three weeks after an announcement
    // today: "tidigast" in an explanation is then a real date rather than none.
    const finalIfAnnouncedToday = finalFrom(appealDeadline(today, calendar));
    const boardsMissing = [];
    const decisionTextDifferences = [];
    const decisionsNotFinal = [];
    // Each comparison is bounded (DIFF_LIMITS); between boards, other requests get their turn.
    const pause = eventLoopPause();
    for (const row of rows) {
      await pause();
      const label = boardLabel(row.organisation_name === null ? undefined : { name: row.organisation_name }, { name: row.board_name });
      const base = { label, board: row.board_id, organisation: row.organisation_id };
      const decision = row.status === null ? null : { status: row.status, appealDeadline: row.appeal_deadline };
      const status = decision ? effectiveStatus(decision, today) : 'none';
      if (!decision || !ADOPTED.has(status as never)) {
        boardsMissing.push({ ...base, status });
        decisionsNotFinal.push({ ...base, status, finalFrom: finalIfAnnouncedToday });
        continue;
      }
      const comparison = row.same_words ? null : compareDecisionText(reference, row.text ?? '');
      if (comparison && !comparison.identical) {
        const differing = differingWords(comparison);
        decisionTextDifferences.push({ ...base, words: formatRanges(comparison.ranges), missingWords: differing.missing, extraWords: differing.extra });
      }
      if (status === 'final') continue;
      // Appealed: final when the court has ruled, a day nobody knows yet.
      const earliest = status === 'appealed' ? null : decision.appealDeadline ? firstFinalDay(decision.appealDeadline) : finalIfAnnouncedToday;
      decisionsNotFinal.push({ ...base, status, finalFrom: earliest });
    }
    return { decisionPointDefined: true, boardsMissing, decisionTextDifferences, decisionsNotFinal };
  }
}

/** A required board, its organisation and its decision (if any), as {@link REQUIRED_BOARDS_SQL} gives them. */
interface RequiredBoardRow {
  board_id: string;
  board_name: string;
  organisation_id: string;
  organisation_name: string | null;
  status: RecordedDecisionStatus | null;
  /** The decision's digest equals the reference's: the same words, and its text is not read. */
  same_words: boolean;
  text: string | null;
  appeal_deadline: LocalDate | null;
}

/**
 * The boards of a decision point that still need something, in the order the point names them
 * (boards no longer in the registry left out), each with its organisation and its decision; the
 * text only of decisions whose digest differs from the reference's. A board whose decision has the
 * reference's words and is final today (announced, appeal deadline passed: see `effectiveStatus`)
 * appears in no fact, so the database leaves it out: a gate over every municipality and region of
 * Sweden (311 boards, B5) reads only the boards it will explain. Parameters: see
 * {@link requiredBoardsParameters}. One statement and no entities; B5 also runs it through `pg`
 * alone as its raw limit.
 */
export const REQUIRED_BOARDS_SQL = `
  select b.id as board_id, b.name as board_name, b.organisation_id, o.name as organisation_name,
         d.status, coalesce(d.text_digest = reference.digest, false) as same_words,
         case when d.text_digest = reference.digest then null else d.text end as text,
         d.appeal_deadline::text as appeal_deadline
    from (select ?::text as digest, ?::date as today) as reference
   cross join jsonb_array_elements_text(?::jsonb) with ordinality as required (board_id, position)
    join boards b on b.id = required.board_id::uuid
    left join organisations o on o.id = b.organisation_id
    left join board_decisions d on d.decision_point_id = ? and d.board_id = b.id
   where not coalesce(d.text_digest = reference.digest and d.status = 'announced' and d.appeal_deadline < reference.today, false)
   order by required.position`;

/** The parameters of {@link REQUIRED_BOARDS_SQL} for a decision point on a given day (Swedish date). */
export function requiredBoardsParameters(point: { id: string; referenceText: string; boardIds: readonly string[] }, today: LocalDate): unknown[] {
  return [textDigest(point.referenceText), today, JSON.stringify(point.boardIds), point.id];
}
