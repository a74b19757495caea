import { LockMode, type MikroORM } from '@mikro-orm/postgresql';
import { AuditEventRecord } from '../../src/audit/audit-event.entity.js';
import { CaseRecord } from '../../src/cases/case.entity.js';
import { eventHash, toggle, transitionPayload } from './raw-sql.js';

/**
 * A diagnostic between the service and raw SQL: the raw writes (same payload, same plain-JSON
 * SHA-256) made the way the service makes them, through MikroORM (fork, `transactional`, `findOne`
 * FOR UPDATE, change the entity, `create` the audit row, flush at commit), without the service's
 * own work (access check, rules, XState, canonical JSON). Service − ORM-only is what our code
 * costs; ORM-only − raw is what the ORM costs.
 */
export async function ormOnlyToggle(orm: MikroORM, caseId: string): Promise<void> {
  await orm.em.fork().transactional(async (em) => {
    const record = await em.findOne(CaseRecord, { id: caseId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!record) throw new Error(`orm-only: no case ${caseId}`);
    const now = new Date();
    const seq = record.version + 1;
    const from = record.state as { value: string };
    const { to, payload } = transitionPayload(from, 'TOGGLE', toggle);
    const hash = eventHash(caseId, seq, 'case.transitioned', now, payload, record.headHash);
    em.create(AuditEventRecord, {
      caseId,
      seq,
      type: 'case.transitioned',
      occurredAt: now,
      actorKind: 'person',
      actorPerson: 'bench',
      actorOrganisation: 'bench',
      payload,
      prevHash: record.headHash,
      hash,
    });
    Object.assign(record, {
      state: { value: to.value, status: 'active' },
      activeStates: [to.value],
      version: seq,
      headHash: hash,
      stateEnteredAt: now,
      updatedAt: now,
    });
  });
}
