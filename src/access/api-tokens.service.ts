import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { CLOCK, type Clock } from '../common/clock.js';
import { DomainError, notFound } from '../common/domain-error.js';
import type { LocalizedText } from '../common/i18n.js';
import { PersonRecord } from '../registry/organisation.entity.js';
import type { Actor } from './actor.js';
import { ApiTokenRecord } from './api-token.entity.js';
import { assertAdministrator } from './policy.js';

/** API tokens start with this, so they are recognised (and found by secret scanners) at a glance. */
export const TOKEN_PREFIX = 'svk_';

/** A token's SHA-256: what is stored and looked up. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * API tokens for integrations and scripts: created and revoked by an administrator, stored only as
 * a hash, shown once. A token acts as a registered person (an integration account).
 */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly orm: MikroORM,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Creates a token; the returned `token` is the only time it is ever seen. */
  async create(input: { name: string; personId: string; expiresAt?: Date | null }, actor: Actor): Promise<{ token: string; record: ApiTokenRecord }> {
    assertAdministrator(actor);
    return this.issue(input, actor.person);
  }

  /** Creates a token without a caller: for the development administrator at first start. */
  async issue(input: { name: string; personId: string; expiresAt?: Date | null }, createdBy: string): Promise<{ token: string; record: ApiTokenRecord }> {
    return this.orm.em.fork().transactional(async (em) => {
      const person = await em.findOne(PersonRecord, { id: input.personId });
      if (!person)
        throw refused('personId', { sv: `personen "${input.personId}" finns inte i registret`, en: `person "${input.personId}" is not in the registry` });
      if (!person.active) throw refused('personId', { sv: `${person.name} är avaktiverad`, en: `${person.name} is deactivated` });
      const now = this.clock.now();
      if (input.expiresAt && input.expiresAt <= now)
        throw refused('expiresAt', { sv: 'giltighetstiden måste sluta i framtiden', en: 'the expiry must be in the future' });
      const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
      const record = em.create(ApiTokenRecord, {
        id: randomUUID(),
        name: input.name.trim(),
        tokenHash: tokenHash(token),
        personId: person.id,
        createdBy,
        createdAt: now,
        expiresAt: input.expiresAt ?? null,
        revokedAt: null,
        lastUsedAt: null,
      });
      return { token, record };
    });
  }

  /** A page of the tokens (newest first) and how many there are. */
  async list(actor: Actor, page: { limit: number; offset: number }): Promise<{ items: ApiTokenRecord[]; total: number }> {
    assertAdministrator(actor);
    const [items, total] = await this.orm.em.fork().findAndCount(ApiTokenRecord, {}, { orderBy: { createdAt: 'desc', id: 'desc' }, ...page });
    return { items, total };
  }

  /** @throws DomainError NOT_FOUND */
  async revoke(id: string, actor: Actor): Promise<ApiTokenRecord> {
    assertAdministrator(actor);
    return this.orm.em.fork().transactional(async (em) => {
      const record = await em.findOne(ApiTokenRecord, { id });
      if (!record) throw notFound('token', id);
      record.revokedAt ??= this.clock.now();
      return record;
    });
  }

  /**
   * The person a token acts as, if the token is known, not revoked and not expired, and the person
   * is active; with the token's id and who made it (a development token is marked so). One query:
   * it runs before every request.
   */
  async personOf(token: string): Promise<{ person: PersonRecord; tokenId: string; createdBy: string } | null> {
    const em = this.orm.em.fork();
    const now = this.clock.now();
    const [row] = await em.execute<Array<Record<string, unknown> & { token_id: string; token_created_by: string; token_last_used_at: Date | string | null }>>(
      `select t.id as token_id, t.created_by as token_created_by, t.last_used_at as token_last_used_at, p.*
         from api_tokens t join people p on p.id = t.person_id
        where t.token_hash = ? and t.revoked_at is null and (t.expires_at is null or t.expires_at > ?) and p.active`,
      [tokenHash(token), now],
    );
    if (!row) return null;
    // Remember use at most once a minute: a busy integration should not write on every request.
    const lastUsed = row.token_last_used_at === null ? null : new Date(row.token_last_used_at);
    if (!lastUsed || now.getTime() - lastUsed.getTime() > 60_000) {
      await em.nativeUpdate(ApiTokenRecord, { id: row.token_id }, { lastUsedAt: now });
    }
    const { token_id: tokenId, token_created_by: createdBy, token_last_used_at: _, ...person } = row;
    return { person: em.map(PersonRecord, person), tokenId, createdBy };
  }

  /** Until when a token made by `createdBy` is valid: null when it is unknown, revoked, expired or never expires. */
  async developmentTokenExpiry(token: string, createdBy: string): Promise<Date | null> {
    const record = await this.orm.em
      .fork()
      .findOne(ApiTokenRecord, { tokenHash: tokenHash(token), createdBy, revokedAt: null, expiresAt: { $gt: this.clock.now() } });
    return record?.expiresAt ?? null;
  }
}

/** A 422 about one field, in every language (the error filter answers in the caller's). */
function refused(path: string, message: LocalizedText): DomainError {
  return new DomainError('UNPROCESSABLE', message, { errors: [{ path, message }] });
}
