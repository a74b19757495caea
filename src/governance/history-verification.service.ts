import { Injectable } from '@nestjs/common';
import { IsolationLevel, MikroORM } from '@mikro-orm/postgresql';
import type { ChainVerdict } from '../audit/audit-chain.js';
import { AuditService } from '../audit/audit.service.js';
import { firstDifference, replayHistory } from '../audit/history-replay.js';
import { CaseRecord } from '../cases/case.entity.js';
import { notFound } from '../common/domain-error.js';
import { readGovernanceState } from './stored-state.js';

/**
 * Checks a case's history against itself and against the tables. Here, above the cases, because
 * the comparison reads what every governance table stores (parties, decisions, documents, goals,
 * work); the history's own chain and replay are the audit module's, below.
 */
@Injectable()
export class HistoryVerification {
  constructor(
    private readonly orm: MikroORM,
    private readonly audit: AuditService,
  ) {}

  /**
   * Verifies a case's history: the hash chain and every signature (`AuditService.verifyEvents`),
   * then replays the history and compares the governance state it rebuilds with the tables
   * (`replayHistory`, `firstDifference`), naming the first difference. Events and tables are read
   * in one snapshot (repeatable read), so a command committing meanwhile is not a difference.
   * @throws DomainError NOT_FOUND
   */
  async verify(caseId: string): Promise<ChainVerdict> {
    return this.orm.em.fork().transactional(
      async (em) => {
        const record = await em.findOne(CaseRecord, { id: caseId });
        if (!record) throw notFound('case', caseId);
        const events = await this.audit.history(em, caseId);
        const chain = this.audit.verifyEvents(events, record);
        if (!chain.valid) return chain;
        const { state, notComparable } = replayHistory(events);
        const difference = firstDifference(state, await readGovernanceState(em, record), notComparable);
        if (difference) {
          return {
            valid: false,
            events: events.length,
            reason: {
              sv: `databasen stämmer inte med historiken: ${difference.sv}`,
              en: `the database does not match the history: ${difference.en}`,
            },
          };
        }
        if (!notComparable.size) return chain;
        const skipped = {
          sv: 'målen och mätvärdena jämförs inte med databasen: historiken skrevs innan målens id fanns med',
          en: "the goals and measurements are not compared with the database: the history was written before it recorded the goals' ids",
        };
        return { ...chain, note: { sv: [chain.note?.sv, skipped.sv].filter(Boolean).join('; '), en: [chain.note?.en, skipped.en].filter(Boolean).join('; ') } };
      },
      { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
    );
  }
}
