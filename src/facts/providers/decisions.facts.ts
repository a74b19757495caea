import type { EntityManager } from '@mikro-orm/postgresql';
import { stockholmDate } from '../../calendar/working-days.js';
import { ADOPTED, effectiveStatus, finalFrom } from '../../governance/appeal.js';
import { compareDecisionText, formatRanges } from '../../governance/decision-text.js';
import { BoardDecisionRecord, DecisionPointRecord } from '../../governance/decision.entity.js';
import { boardLabel } from '../../governance/labels.js';
import { BoardRecord } from '../../governance/organisation.entity.js';
import { factKey, type FactRequest } from '../fact-key.js';
import type { FactContext, FactProvider } from '../fact-provider.js';
import { organisationsById } from './case-data.js';

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

  private async forPoint({ em, record, now }: FactContext, key: string) {
    const point = await em.findOne(DecisionPointRecord, { caseId: record.id, key });
    if (!point) return { decisionPointDefined: false, boardsMissing: [], decisionTextDifferences: [], decisionsNotFinal: [] };
    const { boards, labels } = await this.boards(em, point.boardIds);
    const decisions = new Map((await em.find(BoardDecisionRecord, { decisionPointId: point.id })).map((d) => [d.boardId, d]));
    const today = stockholmDate(now);
    const boardsMissing = [];
    const decisionTextDifferences = [];
    const decisionsNotFinal = [];
    for (const board of boards) {
      const base = { label: labels.get(board.id)!, board: board.id, organisation: board.organisationId };
      const decision = decisions.get(board.id);
      const status = decision ? effectiveStatus(decision, today) : 'none';
      if (!decision || !ADOPTED.has(status as never)) {
        boardsMissing.push({ ...base, status });
        decisionsNotFinal.push({ ...base, status, finalFrom: null });
        continue;
      }
      const comparison = compareDecisionText(point.referenceText, decision.text ?? '');
      if (!comparison.identical) decisionTextDifferences.push({ ...base, words: formatRanges(comparison.ranges) });
      if (status !== 'final') decisionsNotFinal.push({ ...base, status, finalFrom: finalFrom(decision.appealDeadline) });
    }
    return { decisionPointDefined: true, boardsMissing, decisionTextDifferences, decisionsNotFinal };
  }

  private async boards(em: EntityManager, ids: string[]) {
    const rows = ids.length ? await em.find(BoardRecord, { id: { $in: ids } }) : [];
    const byId = new Map(rows.map((b) => [b.id, b]));
    const boards = ids.map((id) => byId.get(id)).filter((b): b is BoardRecord => !!b);
    const organisations = await organisationsById(em, boards.map((b) => b.organisationId));
    const labels = new Map(boards.map((b) => [b.id, boardLabel(organisations.get(b.organisationId), b)]));
    return { boards, labels };
  }
}
