import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import type { Actor } from '../access/actor.js';
import { assertMayKeepRegistry } from '../access/policy.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { DomainError, notFound } from '../common/domain-error.js';
import type { LocalizedText } from '../common/i18n.js';
import { BoardRecord, OrganisationRecord, PersonRecord, type BoardKind, type OrganisationKind } from '../registry/organisation.entity.js';
import { SEED_ORGANISATIONS } from './seed/organisations.js';
import { isUuid } from '../common/uuid.js';

/** The kinds of organisation as a Swedish message names them. */
const KIND_NAMES: Record<OrganisationKind, string> = {
  municipality: 'kommun',
  region: 'region',
  stateAgency: 'statlig myndighet',
  university: 'lärosäte',
  business: 'företag',
  civilSociety: 'civilsamhälle',
  other: 'annan',
};

/** A page of a list: at most `limit` items after the first `offset`. */
export interface Page {
  limit: number;
  offset: number;
}

/** Input of a new organisation. */
export interface NewOrganisation {
  name: string;
  kind: OrganisationKind;
  orgNumber?: string;
  municipalityCode?: string;
}

/** Input of a new person. */
export interface NewPerson {
  subject: string;
  name: string;
  email?: string;
  organisationId: string;
  /** administrator, processOwner */
  systemRoles?: string[];
}

/**
 * The shared registry of organisations, their boards, and the people who act for them. It is
 * reference data, not case data: changing it does not change any case's history (a handover,
 * which does, goes through the parties service).
 */
@Injectable()
export class RegistryService {
  private readonly logger = new Logger('Registry');

  constructor(
    private readonly orm: MikroORM,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A page of the organisations (by name) and how many match in all. */
  async listOrganisations(filter: { kind?: OrganisationKind; q?: string; code?: string }, page: Page): Promise<{ items: OrganisationRecord[]; total: number }> {
    const where: FilterQuery<OrganisationRecord> = {};
    if (filter.kind) where.kind = filter.kind;
    if (filter.code) where.municipalityCode = filter.code;
    if (filter.q) where.name = { $ilike: `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
    const [items, total] = await this.orm.em.fork().findAndCount(OrganisationRecord, where, { orderBy: { name: 'asc', id: 'asc' }, ...page });
    return { items, total };
  }

  /** @throws DomainError NOT_FOUND */
  async organisation(id: string): Promise<{ organisation: OrganisationRecord; boards: BoardRecord[] }> {
    const em = this.orm.em.fork();
    const organisation = await em.findOne(OrganisationRecord, { id });
    if (!organisation) throw notFound('organisation', id);
    return { organisation, boards: await em.find(BoardRecord, { organisationId: id }, { orderBy: { name: 'asc' } }) };
  }

  /** @throws DomainError FORBIDDEN, CONFLICT-like UNPROCESSABLE when the number or code is taken */
  async createOrganisation(input: NewOrganisation, actor: Actor): Promise<OrganisationRecord> {
    assertMayKeepRegistry(actor);
    if (input.municipalityCode && !['municipality', 'region'].includes(input.kind)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        { sv: 'Bara kommuner och regioner har en kommun- eller regionkod.', en: 'only municipalities and regions have a municipality/region code' },
        {
          errors: [
            {
              path: 'municipalityCode',
              message: { sv: `en organisation av slaget ${KIND_NAMES[input.kind]} har ingen sådan kod`, en: `a ${input.kind} has no such code` },
            },
          ],
        },
      );
    }
    const expectedLength = input.kind === 'region' ? 2 : 4;
    if (input.municipalityCode && input.municipalityCode.length !== expectedLength) {
      throw new DomainError(
        'VALIDATION_FAILED',
        {
          sv: `En ${input.kind === 'region' ? 'regionkod' : 'kommunkod'} har ${expectedLength} siffror.`,
          en: `a ${input.kind}'s code has ${expectedLength} digits`,
        },
        { errors: [{ path: 'municipalityCode', message: { sv: `måste ha ${expectedLength} siffror`, en: `must have ${expectedLength} digits` } }] },
      );
    }
    return this.unique(
      async (em) =>
        em.create(OrganisationRecord, {
          id: randomUUID(),
          name: input.name.trim(),
          kind: input.kind,
          orgNumber: input.orgNumber ?? null,
          municipalityCode: input.municipalityCode ?? null,
          createdAt: this.clock.now(),
        }),
      {
        sv: 'En organisation med det här organisationsnumret eller den här koden finns redan i registret.',
        en: 'an organisation with this organisation number or code is already registered',
      },
    );
  }

  /** @throws DomainError FORBIDDEN, NOT_FOUND */
  async addBoard(organisationId: string, input: { name: string; kind: BoardKind }, actor: Actor): Promise<BoardRecord> {
    assertMayKeepRegistry(actor);
    return this.unique(
      async (em) => {
        if (!(await em.findOne(OrganisationRecord, { id: organisationId }))) throw notFound('organisation', organisationId);
        return em.create(BoardRecord, { id: randomUUID(), organisationId, name: input.name.trim(), kind: input.kind });
      },
      { sv: `Organisationen har redan en nämnd som heter "${input.name.trim()}".`, en: `the organisation already has a board named "${input.name.trim()}"` },
    );
  }

  /** A page of the people (by name) and how many match in all. */
  async people(filter: { organisationId?: string }, page: Page): Promise<{ items: PersonRecord[]; total: number }> {
    const [items, total] = await this.orm.em
      .fork()
      .findAndCount(PersonRecord, filter.organisationId ? { organisationId: filter.organisationId } : {}, { orderBy: { name: 'asc', id: 'asc' }, ...page });
    return { items, total };
  }

  /** @throws DomainError NOT_FOUND */
  async person(id: string): Promise<PersonRecord> {
    const person = await this.orm.em.fork().findOne(PersonRecord, { id });
    if (!person) throw notFound('person', id);
    return person;
  }

  /** @throws DomainError FORBIDDEN, UNPROCESSABLE (unknown organisation, subject taken) */
  async createPerson(input: NewPerson, actor: Actor): Promise<PersonRecord> {
    assertMayKeepRegistry(actor);
    return this.unique(
      async (em) => {
        if (!(await em.findOne(OrganisationRecord, { id: input.organisationId }))) {
          throw new DomainError(
            'UNPROCESSABLE',
            { sv: `Organisationen "${input.organisationId}" finns inte i registret.`, en: `organisation "${input.organisationId}" is not in the registry` },
            { errors: [{ path: 'organisationId', message: { sv: 'okänd organisation', en: 'unknown organisation' } }] },
          );
        }
        return em.create(PersonRecord, {
          id: randomUUID(),
          subject: input.subject.trim(),
          name: input.name.trim(),
          email: input.email ?? null,
          organisationId: input.organisationId,
          active: true,
          deactivatedAt: null,
          systemRoles: [...new Set(input.systemRoles ?? [])],
        });
      },
      {
        sv: `En person med identiteten "${input.subject}" finns redan i registret.`,
        en: `a person with the identity "${input.subject}" is already registered`,
      },
    );
  }

  /**
   * Names of organisations and people by id, for views. Inside a command's transaction, pass its
   * `em` (the embedded database's one connection is taken by it).
   */
  async names(ids: Iterable<string | null | undefined>, em: EntityManager = this.orm.em.fork()): Promise<Map<string, string>> {
    const list = [...new Set([...ids].filter((id): id is string => !!id && isUuid(id)))];
    if (!list.length) return new Map();
    const [organisations, people] = await Promise.all([em.find(OrganisationRecord, { id: { $in: list } }), em.find(PersonRecord, { id: { $in: list } })]);
    return new Map([...organisations.map((o) => [o.id, o.name] as const), ...people.map((p) => [p.id, p.name] as const)]);
  }

  /** Changes a person's name, e-mail or system roles. @throws DomainError FORBIDDEN, NOT_FOUND */
  async updatePerson(id: string, patch: { name?: string; email?: string | null; systemRoles?: string[] }, actor: Actor): Promise<PersonRecord> {
    assertMayKeepRegistry(actor);
    return this.orm.em.fork().transactional(async (em) => {
      const person = await em.findOne(PersonRecord, { id });
      if (!person) throw notFound('person', id);
      if (patch.name !== undefined) person.name = patch.name.trim();
      if (patch.email !== undefined) person.email = patch.email;
      if (patch.systemRoles !== undefined) person.systemRoles = [...new Set(patch.systemRoles)];
      return person;
    });
  }

  /**
   * Loads the seed's organisations and boards (idempotent: what exists, by code or name, is left
   * as it is). Returns how many organisations it added.
   */
  async seed(): Promise<number> {
    return this.orm.em.fork().transactional(async (em) => {
      const existing = await em.find(OrganisationRecord, {});
      let added = 0;
      for (const org of SEED_ORGANISATIONS) {
        const found = existing.find((e) => (org.code && e.municipalityCode === org.code) || e.name === org.name);
        if (found) continue;
        const id = randomUUID();
        em.create(OrganisationRecord, {
          id,
          name: org.name,
          kind: org.kind,
          orgNumber: org.orgNumber ?? null,
          municipalityCode: org.code ?? null,
          createdAt: this.clock.now(),
        });
        for (const board of org.boards) em.create(BoardRecord, { id: randomUUID(), organisationId: id, name: board.name, kind: board.kind });
        added++;
      }
      if (added) this.logger.log(`seeded ${added} organisations`);
      return added;
    });
  }

  /** Runs a creation; a unique-key clash becomes a 422 with `message`. */
  private async unique<T extends object>(work: (em: EntityManager) => Promise<T>, message: LocalizedText): Promise<T> {
    try {
      return await this.orm.em.fork().transactional(work);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new DomainError('UNPROCESSABLE', message);
      throw error;
    }
  }
}
