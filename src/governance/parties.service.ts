import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../access/actor.js';
import { assertMayKeepRegistry, assertMayRunCase } from '../access/policy.js';
import { isCaseRole, ROLE_TITLES } from '../definitions/roles.js';
import { addMonths, stockholmDate } from '../calendar/working-days.js';
import type { ChangeOutcome, CommandOptions, CommandResult, MutationContext, MutationResult } from '../cases/cases.service.js';
import { CasesService, unchanged, updateOf } from '../cases/cases.service.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { DomainError, notFound, unprocessable } from '../common/domain-error.js';
import { DecisionPointRecord } from './decision.entity.js';
import { notAParty } from './labels.js';
import { BoardRecord, OrganisationRecord, PersonRecord } from '../registry/organisation.entity.js';
import { CasePartyRecord, CaseRoleRecord, ChairRotationRecord, type PartyResponsibility, type RotationEntry } from '../cases/party.entity.js';

/** Input of a new party. */
export interface NewParty {
  organisationId: string;
  responsibilities: PartyResponsibility[];
  mustSign?: boolean;
  benefit?: string | null;
}

/** Input of a role assignment; people are named by their registry id. */
export interface RoleAssignment {
  role: string;
  organisationId: string;
  holderId?: string | null;
  deputyId?: string | null;
  required?: boolean;
}

/**
 * Parties and roles of a case: who takes part and how, who holds which role for which party, the
 * rotating chair and the handover when someone leaves. Every change goes through
 * {@link CasesService.mutate}, so it is in the case's history.
 */
@Injectable()
export class PartiesService {
  constructor(
    private readonly orm: MikroORM,
    private readonly cases: CasesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async parties(caseId: string): Promise<CasePartyRecord[]> {
    return this.orm.em.fork().find(CasePartyRecord, { caseId }, { orderBy: { addedSeq: 'asc' } });
  }

  async roles(caseId: string): Promise<CaseRoleRecord[]> {
    return this.orm.em.fork().find(CaseRoleRecord, { caseId }, { orderBy: { role: 'asc', id: 'asc' } });
  }

  async rotation(caseId: string): Promise<ChairRotationRecord | null> {
    return this.orm.em.fork().findOne(ChairRotationRecord, { caseId });
  }

  /** @throws DomainError FORBIDDEN, UNPROCESSABLE (unknown organisation, already a party) */
  addParty(
    caseId: string,
    input: NewParty,
    actor: Actor,
    options: CommandOptions<MutationResult<CasePartyRecord>> = {},
  ): Promise<CommandResult<MutationResult<CasePartyRecord>>> {
    return this.cases.mutate(caseId, actor, options, async ({ em, now, record, actor: onCase }) => {
      assertMayRunCase(onCase, 'change the parties');
      const organisation = await em.findOne(OrganisationRecord, { id: input.organisationId });
      if (!organisation)
        throw unprocessable('organisationId', {
          sv: `organisationen "${input.organisationId}" finns inte i registret`,
          en: `organisation "${input.organisationId}" is not in the registry`,
        });
      if (await em.findOne(CasePartyRecord, { caseId, organisationId: organisation.id })) {
        throw unprocessable('organisationId', {
          sv: `${organisation.name} är redan part i ärendet`,
          en: `${organisation.name} is already a party to the case`,
        });
      }
      const party = em.create(CasePartyRecord, {
        caseId,
        organisationId: organisation.id,
        responsibilities: unique(input.responsibilities),
        mustSign: input.mustSign ?? input.responsibilities.includes('decides'),
        benefit: input.benefit?.trim() || null,
        addedAt: now,
        addedSeq: record.version + 1,
      });
      return {
        type: 'party.added',
        payload: {
          organisation: { id: organisation.id, name: organisation.name },
          responsibilities: party.responsibilities,
          mustSign: party.mustSign,
          benefit: party.benefit,
        },
        value: party,
      };
    });
  }

  /** @throws DomainError FORBIDDEN, NOT_FOUND */
  updateParty(
    caseId: string,
    organisationId: string,
    patch: Partial<Omit<NewParty, 'organisationId'>>,
    actor: Actor,
    options: CommandOptions<MutationResult<CasePartyRecord>> = {},
  ): Promise<CommandResult<MutationResult<CasePartyRecord>>> {
    return this.cases.mutate(caseId, actor, options, async ({ em, actor: onCase }) => {
      assertMayRunCase(onCase, 'change the parties');
      const party = await this.party(em, caseId, organisationId);
      const before = { responsibilities: party.responsibilities, mustSign: party.mustSign, benefit: party.benefit };
      if (patch.responsibilities) party.responsibilities = unique(patch.responsibilities);
      if (patch.mustSign !== undefined) party.mustSign = patch.mustSign;
      if (patch.benefit !== undefined) party.benefit = patch.benefit?.trim() || null;
      const after = { responsibilities: party.responsibilities, mustSign: party.mustSign, benefit: party.benefit };
      return updateOf('party.updated', { organisation: organisationId }, before, after, party);
    });
  }

  /**
   * Removes a party and its role assignments.
   * @throws DomainError UNPROCESSABLE when it holds the only assignment of a required role, or one
   *         of its boards must decide at a decision point
   */
  removeParty(
    caseId: string,
    organisationId: string,
    actor: Actor,
    options: CommandOptions<MutationResult<null>> = {},
  ): Promise<CommandResult<MutationResult<null>>> {
    return this.cases.mutate(caseId, actor, options, async ({ em, actor: onCase }) => {
      assertMayRunCase(onCase, 'change the parties');
      const party = await this.party(em, caseId, organisationId);
      const roles = await em.find(CaseRoleRecord, { caseId });
      const own = roles.filter((r) => r.organisationId === organisationId);
      for (const role of own.filter((r) => r.required)) {
        if (!roles.some((r) => r.role === role.role && r.organisationId !== organisationId)) {
          const title = isCaseRole(role.role) ? ROLE_TITLES[role.role] : { sv: role.role, en: role.role };
          throw new DomainError('UNPROCESSABLE', {
            sv: `Parten är ensam om rollen ${title.sv.toLocaleLowerCase('sv-SE')} i ärendet, och rollen krävs. Ge rollen till en annan part först.`,
            en: `the party holds the only "${role.role}" role of the case, which is required; assign it to another party first`,
          });
        }
      }
      const boards = new Set((await em.find(BoardRecord, { organisationId })).map((b) => b.id));
      for (const point of await em.find(DecisionPointRecord, { caseId })) {
        if (point.boardIds.some((id) => boards.has(id))) {
          throw new DomainError('UNPROCESSABLE', {
            sv: `En nämnd hos parten ska besluta vid beslutspunkten "${point.title}". Ta bort nämnden där först.`,
            en: `a board of the party must decide at decision point "${point.key}"; remove it there first`,
          });
        }
      }
      const rotation = await em.findOne(ChairRotationRecord, { caseId });
      if (rotation?.entries.some((e) => e.organisationId === organisationId)) {
        throw new DomainError('UNPROCESSABLE', {
          sv: 'Parten ingår i rotationen av ordförandeskapet. Ändra rotationen först.',
          en: 'the party takes part in the chair rotation; change the rotation first',
        });
      }
      for (const role of own) em.remove(role);
      em.remove(party);
      return { type: 'party.removed', payload: { organisation: organisationId, rolesRemoved: own.map((r) => r.role) }, value: null };
    });
  }

  /** @throws DomainError FORBIDDEN, UNPROCESSABLE (not a party, unknown person, person of another organisation) */
  assignRole(
    caseId: string,
    input: RoleAssignment,
    actor: Actor,
    options: CommandOptions<MutationResult<CaseRoleRecord>> = {},
  ): Promise<CommandResult<MutationResult<CaseRoleRecord>>> {
    return this.cases.mutate(caseId, actor, options, async ({ em, now, actor: onCase }) => {
      assertMayRunCase(onCase, 'assign roles');
      if (!isCaseRole(input.role)) throw unprocessable('role', { sv: `rollen "${input.role}" finns inte`, en: `unknown role "${input.role}"` });
      await this.party(em, caseId, input.organisationId, 'organisationId');
      const holderId = await this.personOf(em, input.holderId ?? null, input.organisationId, 'holderId');
      const deputyId = await this.personOf(em, input.deputyId ?? null, input.organisationId, 'deputyId');
      const role = em.create(CaseRoleRecord, {
        id: randomUUID(),
        caseId,
        role: input.role,
        organisationId: input.organisationId,
        holderId,
        deputyId,
        required: input.required ?? false,
        vacantSince: holderId ? null : now,
      });
      return { type: 'role.assigned', payload: { role: roleSummary(role) }, value: role };
    });
  }

  /** @throws DomainError FORBIDDEN, NOT_FOUND, UNPROCESSABLE */
  updateRole(
    caseId: string,
    roleId: string,
    patch: { holderId?: string | null; deputyId?: string | null; required?: boolean },
    actor: Actor,
    options: CommandOptions<MutationResult<CaseRoleRecord>> = {},
  ): Promise<CommandResult<MutationResult<CaseRoleRecord>>> {
    return this.cases.mutate(caseId, actor, options, async ({ em, now, actor: onCase }) => {
      assertMayRunCase(onCase, 'assign roles');
      const role = await em.findOne(CaseRoleRecord, { id: roleId, caseId });
      if (!role) throw notFound('role', roleId);
      const before = roleSummary(role);
      if (patch.holderId !== undefined) {
        role.holderId = await this.personOf(em, patch.holderId, role.organisationId, 'holderId');
        role.vacantSince = role.holderId ? null : (role.vacantSince ?? now);
      }
      if (patch.deputyId !== undefined) role.deputyId = await this.personOf(em, patch.deputyId, role.organisationId, 'deputyId');
      if (patch.required !== undefined) role.required = patch.required;
      const after = roleSummary(role);
      return updateOf('role.updated', {}, before, after, role);
    });
  }

  /** @throws DomainError FORBIDDEN, NOT_FOUND */
  removeRole(caseId: string, roleId: string, actor: Actor, options: CommandOptions<MutationResult<null>> = {}): Promise<CommandResult<MutationResult<null>>> {
    return this.cases.mutate(caseId, actor, options, async ({ em, actor: onCase }) => {
      assertMayRunCase(onCase, 'assign roles');
      const role = await em.findOne(CaseRoleRecord, { id: roleId, caseId });
      if (!role) throw notFound('role', roleId);
      em.remove(role);
      return { type: 'role.removed', payload: { role: roleSummary(role) }, value: null };
    });
  }

  /**
   * Sets up Blekinge's rotating chair: the parties in order, each with the person who chairs for
   * it, and the period. The first in the order chairs from now; the chair moves on every period.
   */
  setRotation(
    caseId: string,
    input: { entries: RotationEntry[]; periodMonths: number; startsOn?: string },
    actor: Actor,
    options: CommandOptions<MutationResult<ChairRotationRecord>> = {},
  ): Promise<CommandResult<MutationResult<ChairRotationRecord>>> {
    return this.cases.mutate(caseId, actor, options, async (ctx) => {
      assertMayRunCase(ctx.actor, 'set up the chair rotation');
      const { em } = ctx;
      if (input.entries.length < 2) throw unprocessable('entries', { sv: 'en rotation behöver minst två parter', en: 'a rotation needs at least two parties' });
      const seen = new Set<string>();
      for (const [i, entry] of input.entries.entries()) {
        if (seen.has(entry.organisationId))
          throw unprocessable(`entries.${i}.organisationId`, { sv: 'varje part har en plats i turordningen', en: 'each party takes one turn in the order' });
        seen.add(entry.organisationId);
        await this.party(em, caseId, entry.organisationId, `entries.${i}.organisationId`);
        await this.personOf(em, entry.personId ?? null, entry.organisationId, `entries.${i}.personId`);
      }
      const startsOn = input.startsOn ?? stockholmDate(ctx.now);
      const existing = await em.findOne(ChairRotationRecord, { caseId });
      const rotation = existing ?? em.create(ChairRotationRecord, { caseId, entries: [], periodMonths: 1, currentIndex: 0, nextRotationOn: startsOn });
      rotation.entries = input.entries.map((e) => ({ organisationId: e.organisationId, personId: e.personId ?? null }));
      rotation.periodMonths = input.periodMonths;
      rotation.currentIndex = 0;
      rotation.nextRotationOn = addMonths(startsOn, input.periodMonths);
      const chair = await this.seatChair(ctx, rotation);
      return {
        type: 'chair.rotationSet',
        payload: { entries: rotation.entries, periodMonths: rotation.periodMonths, nextRotationOn: rotation.nextRotationOn, chair: roleSummary(chair) },
        value: rotation,
      };
    });
  }

  /**
   * Moves the chair to the next party in the order: when asked, or (the scheduler, as the system
   * actor) when the period has run out. A scheduled rotation that another instance already made
   * changes nothing.
   */
  rotateChair(
    caseId: string,
    actor: Actor,
    reason: 'requested' | 'scheduled',
    options: CommandOptions<MutationResult<ChairRotationRecord>> = {},
  ): Promise<CommandResult<MutationResult<ChairRotationRecord>>> {
    return this.cases.mutate(caseId, actor, options, async (ctx): Promise<ChangeOutcome<ChairRotationRecord>> => {
      if (reason === 'requested') assertMayRunCase(ctx.actor, 'rotate the chair');
      const rotation = await ctx.em.findOne(ChairRotationRecord, { caseId });
      if (!rotation)
        throw new DomainError('UNPROCESSABLE', {
          sv: 'Ärendet har ingen rotation av ordförandeskapet. Inrätta en först.',
          en: 'the case has no chair rotation; set one up first',
        });
      const today = stockholmDate(ctx.now);
      if (reason === 'scheduled' && rotation.nextRotationOn > today) return unchanged(rotation);
      const from = rotation.entries[rotation.currentIndex]!.organisationId;
      rotation.currentIndex = (rotation.currentIndex + 1) % rotation.entries.length;
      // A scheduled rotation catches up on the dates it was due, not from today, so periods stay aligned.
      rotation.nextRotationOn = addMonths(reason === 'scheduled' ? rotation.nextRotationOn : today, rotation.periodMonths);
      const chair = await this.seatChair(ctx, rotation);
      return {
        type: 'chair.rotated',
        payload: { reason, from, to: chair.organisationId, holder: chair.holderId, nextRotationOn: rotation.nextRotationOn },
        value: rotation,
      };
    });
  }

  /** Open cases with a chair rotation due on or before `today`, for the scheduler. */
  async dueRotations(today: string, limit = 100): Promise<string[]> {
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<Array<{ case_id: string }>>(
        `select r.case_id from chair_rotations r join cases c on c.id = r.case_id
        where c.status = 'active' and r.next_rotation_on <= ? order by r.next_rotation_on limit ?`,
        [today, limit],
      );
    return rows.map((r) => r.case_id);
  }

  /**
   * The seed's "what if someone leaves?": deactivates a person and, on every case, hands each role
   * they hold to its deputy, or leaves it vacant (flagged from now) when there is none. Each case
   * gets its own history event. A person who is only a deputy loses that place.
   */
  async deactivatePerson(personId: string, actor: Actor): Promise<{ person: PersonRecord; cases: string[] }> {
    assertMayKeepRegistry(actor);
    const em = this.orm.em.fork();
    const person = await em.findOne(PersonRecord, { id: personId });
    if (!person) throw notFound('person', personId);
    const touched = await em.find(CaseRoleRecord, { $or: [{ holderId: personId }, { deputyId: personId }] });
    const caseIds = [...new Set(touched.map((r) => r.caseId))];
    await em.transactional(async (tem) => {
      const p = await tem.findOneOrFail(PersonRecord, { id: personId });
      p.active = false;
      p.deactivatedAt = this.clock.now();
    });
    for (const caseId of caseIds) {
      await this.cases.mutate(
        caseId,
        actor,
        {},
        async ({ em: cem, now }) => {
          const handed: unknown[] = [];
          for (const role of await cem.find(CaseRoleRecord, { caseId, $or: [{ holderId: personId }, { deputyId: personId }] })) {
            const before = roleSummary(role);
            if (role.deputyId === personId) role.deputyId = null;
            if (role.holderId === personId) {
              role.holderId = role.deputyId;
              role.deputyId = null;
              role.vacantSince = role.holderId ? null : now;
            }
            handed.push({ from: before, to: roleSummary(role), outcome: role.holderId ? 'deputy' : 'vacant' });
          }
          return handed.length ? { type: 'role.handedOver', payload: { person: personId, roles: handed }, value: null } : unchanged(null);
        },
        { allowClosed: true, consequence: true },
      );
    }
    return { person: { ...person, active: false }, cases: caseIds };
  }

  /** Seats the rotation's current party as chair: one `chair` assignment, moved from party to party. */
  private async seatChair({ em, now }: MutationContext, rotation: ChairRotationRecord): Promise<CaseRoleRecord> {
    const entry = rotation.entries[rotation.currentIndex]!;
    const holder = entry.personId ? await em.findOne(PersonRecord, { id: entry.personId, active: true }) : null;
    let chair = await em.findOne(CaseRoleRecord, { caseId: rotation.caseId, role: 'chair' });
    if (!chair)
      chair = em.create(CaseRoleRecord, {
        id: randomUUID(),
        caseId: rotation.caseId,
        role: 'chair',
        organisationId: entry.organisationId,
        holderId: null,
        deputyId: null,
        required: true,
        vacantSince: null,
      });
    chair.organisationId = entry.organisationId;
    chair.holderId = holder?.id ?? null;
    chair.deputyId = null;
    chair.vacantSince = holder ? null : now;
    return chair;
  }

  private async party(em: EntityManager, caseId: string, organisationId: string, path?: string): Promise<CasePartyRecord> {
    const party = await em.findOne(CasePartyRecord, { caseId, organisationId });
    if (party) return party;
    if (path) throw unprocessable(path, notAParty(organisationId));
    throw notFound('party', organisationId);
  }

  /** A person of the registry who acts for `organisationId` and is active, or null. */
  private async personOf(em: EntityManager, personId: string | null, organisationId: string, path: string): Promise<string | null> {
    if (!personId) return null;
    const person = await em.findOne(PersonRecord, { id: personId });
    if (!person) throw unprocessable(path, { sv: `personen "${personId}" finns inte i registret`, en: `person "${personId}" is not in the registry` });
    if (!person.active) throw unprocessable(path, { sv: `${person.name} är inaktiverad`, en: `${person.name} is deactivated` });
    if (person.organisationId !== organisationId) {
      throw unprocessable(path, {
        sv: `${person.name} företräder en annan organisation; en roll innehas för partens egen organisation`,
        en: `${person.name} acts for another organisation; a role is held for the party's own organisation`,
      });
    }
    return person.id;
  }
}

export function roleSummary(r: CaseRoleRecord) {
  return {
    id: r.id,
    role: r.role,
    organisation: r.organisationId,
    holder: r.holderId,
    deputy: r.deputyId,
    required: r.required,
    vacantSince: r.vacantSince?.toISOString() ?? null,
  };
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}
