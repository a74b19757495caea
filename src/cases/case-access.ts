import { Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '../common/domain-error.js';
import { CasePartyRecord } from './party.entity.js';
import type { Actor } from '../access/actor.js';
import { isUuid } from '../common/uuid.js';

/**
 * Which cases a caller may see at all: those their organisation is party to. Everything else is
 * "not found" — to the caller, a case of another organisation does not exist.
 */
@Injectable()
export class CaseAccess {
  constructor(private readonly orm: MikroORM) {}

  /** Whether the actor's organisation is a party to the case (the system sees every case). */
  async visible(caseId: string, actor: Actor, em: EntityManager = this.orm.em.fork()): Promise<boolean> {
    if (actor.kind === 'system') return true;
    if (!isUuid(caseId) || !isUuid(actor.organisation)) return false;
    return (await em.count(CasePartyRecord, { caseId, organisationId: actor.organisation })) > 0;
  }

  /** @throws DomainError NOT_FOUND, worded as for a case that does not exist */
  async assertVisible(caseId: string, actor: Actor, em?: EntityManager): Promise<void> {
    // A malformed id is left to the route's own validation (400).
    if (!isUuid(caseId)) return;
    if (!(await this.visible(caseId, actor, em))) throw notFound('case', caseId);
  }
}
