import { DomainError } from '../common/domain-error.js';
import { rolesFor, type CompiledWorkflow, type TransitionInfo } from '../definitions/compile-workflow.js';
import type { Actor } from './actor.js';

/**
 * Who may do what. Every permission decision of the service is made here, so that it can be read
 * (and tested, see test/permissions.e2e.test.ts) in one place.
 *
 * Visibility comes first and is not here: a case, or anything on it, that the caller's
 * organisation is not party to answers 404 (CaseVisibilityGuard and the cases service). What
 * follows decides, on a visible case, what the caller's roles allow (403 with the reason).
 * On a case, `actor.roles` are the roles the person holds on that case (CaseRoleDirectory);
 * `actor.systemRoles` are roles beyond any case.
 */

/**
 * Two levels of day-to-day work on a case:
 * - running it (parties, roles, the chair, decision points, goals, the action plan, fields): the
 *   case's process owner, or the secretariat held for a party that leads;
 * - contributing to it (documents and signatures, resource commitments, measurements): any
 *   party's secretariat, or the process owner.
 */
const CONTRIBUTORS = ['secretariat', 'processOwner'];

/** The roles that may send an event handled by these candidate transitions (from the workflow's meta). */
export function rolesForEvent(workflow: CompiledWorkflow, candidates: readonly TransitionInfo[]): string[] {
  return [...new Set(candidates.flatMap((t) => rolesFor(workflow, t.source, t.event)))];
}

/** Whether the actor holds a role that may send the event. */
export function maySend(actor: Actor, workflow: CompiledWorkflow, candidates: readonly TransitionInfo[]): boolean {
  const allowed = rolesForEvent(workflow, candidates);
  return actor.roles.some((role) => allowed.includes(role));
}

/** @throws DomainError FORBIDDEN naming the roles that may send the event */
export function assertMaySend(actor: Actor, workflow: CompiledWorkflow, candidates: readonly TransitionInfo[], event: string): void {
  if (maySend(actor, workflow, candidates)) return;
  throw new DomainError('FORBIDDEN', `only ${listRoles(rolesForEvent(workflow, candidates))} may send ${event} here; you hold ${listRoles(actor.roles)} on this case`);
}

/** @throws DomainError FORBIDDEN */
export function assertMayEditFields(actor: Actor): void {
  assertMayRunCase(actor, 'record case fields');
}

/**
 * Anyone signed in for a registered organisation may start a case; their organisation becomes its
 * leading party and they its secretariat, so the one who starts a case runs it.
 * @throws DomainError FORBIDDEN
 */
export function assertMayCreateCase(actor: Actor): void {
  if (actor.kind === 'person' && actor.personId) return;
  throw new DomainError('FORBIDDEN', 'only a person registered for an organisation may start a case');
}

/**
 * Running the case: its process owner, or the secretariat of a leading party.
 * @param what says what is being done, for the message: "change the parties"
 * @throws DomainError FORBIDDEN
 */
export function assertMayRunCase(actor: Actor, what: string): void {
  if (actor.kind === 'system' || actor.roles.includes('processOwner')) return;
  if (actor.holdings?.some((h) => h.role === 'secretariat' && h.leads)) return;
  throw new DomainError('FORBIDDEN', `only the process owner or the secretariat of the leading party may ${what}; you hold ${listRoles(actor.roles)} on this case`);
}

/**
 * Contributing to the case: any party's secretariat, or the process owner.
 * @throws DomainError FORBIDDEN
 */
export function assertMayContribute(actor: Actor, what: string): void {
  if (actor.kind === 'system' || actor.roles.some((r) => CONTRIBUTORS.includes(r))) return;
  throw new DomainError('FORBIDDEN', `only ${listRoles(CONTRIBUTORS)} may ${what}; you hold ${listRoles(actor.roles)} on this case`);
}

/**
 * A board's decision is recorded only by the secretariat of the board's own organisation: each
 * party is its own authority, and its registry, not the lead's, is the source.
 * @throws DomainError FORBIDDEN
 */
export function assertMayRecordDecision(actor: Actor, boardOrganisationId: string, boardLabel: string): void {
  if (actor.kind === 'system') return;
  if (actor.holdings?.some((h) => h.role === 'secretariat' && h.organisationId === boardOrganisationId)) return;
  throw new DomainError('FORBIDDEN', `only the secretariat of the board's own organisation may record the decision of ${boardLabel}`);
}

/**
 * Acknowledging an escalation: the managers the ladder escalates to (manager, steeringGroup), or
 * whoever the level told (a role it notifies), on that case.
 * @throws DomainError FORBIDDEN naming the roles that may
 */
export function assertMayAcknowledge(actor: Actor, notified: readonly string[]): void {
  const allowed = [...new Set(['manager', 'steeringGroup', ...notified])];
  if (actor.roles.some((r) => allowed.includes(r))) return;
  throw new DomainError('FORBIDDEN', `only ${listRoles(allowed)} may acknowledge this escalation; you hold ${listRoles(actor.roles)} on this case`);
}

/**
 * The outbox spans every case and organisation: its operators, the administrators.
 * @throws DomainError FORBIDDEN
 */
export function assertMayKeepOutbox(actor: Actor): void {
  assertAdministrator(actor, 'look at or re-drive the outbox');
}

/** @throws DomainError FORBIDDEN */
export function assertMayKeepRegistry(actor: Actor): void {
  assertAdministrator(actor, 'change the registry of organisations and people');
}

/** Publishing workflow versions: the process owners of definitions. @throws DomainError FORBIDDEN */
export function assertMayPublishWorkflows(actor: Actor): void {
  if (ownsDefinitions(actor)) return;
  throw new DomainError('FORBIDDEN', {
    sv: 'bara en processägare för arbetsflödesdefinitioner får publicera versioner av arbetsflöden',
    en: 'only a process owner of workflow definitions may publish workflow versions',
  });
}

/**
 * Checking a workflow or rule sets before publishing: those who may publish. Checking runs the
 * sender's rules and examples, so it is not open to everyone signed in.
 * @throws DomainError FORBIDDEN
 */
export function assertMayCheckWorkflows(actor: Actor): void {
  if (ownsDefinitions(actor)) return;
  throw new DomainError('FORBIDDEN', {
    sv: 'bara en processägare för arbetsflödesdefinitioner får kontrollera arbetsflöden och regeluppsättningar',
    en: 'only a process owner of workflow definitions may check workflows and rule sets',
  });
}

/** The system roles that own workflow definitions: process owner, administrator. */
function ownsDefinitions(actor: Actor): boolean {
  return actor.systemRoles.includes('processOwner') || actor.systemRoles.includes('administrator');
}

/** @throws DomainError FORBIDDEN */
export function assertAdministrator(actor: Actor, what = 'manage API tokens'): void {
  if (actor.systemRoles.includes('administrator')) return;
  throw new DomainError('FORBIDDEN', `only an administrator may ${what}`);
}

function listRoles(roles: readonly string[]): string {
  return roles.length ? roles.join(' or ') : 'no role';
}
