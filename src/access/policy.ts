import { DomainError } from '../common/domain-error.js';
import { rolesFor, type CompiledWorkflow, type TransitionInfo } from '../definitions/compile-workflow.js';
import type { Actor } from './actor.js';

/**
 * Who may do what. Every permission decision of the service is made here, so that it can be read
 * (and tested) in one place.
 */

/** Roles that may record case fields. */
const FIELD_EDITORS = ['secretariat', 'processOwner'];
/** Roles that may start a case. */
const CASE_CREATORS = ['secretariat', 'processOwner'];
/** Roles that run a case's day-to-day data: parties, roles, decisions, goals, actions, documents. */
const CASE_ADMINISTRATORS = ['secretariat', 'processOwner'];
/** Roles that keep the shared registry of organisations, boards and people. */
const REGISTRY_KEEPERS = ['processOwner'];

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
  throw new DomainError('FORBIDDEN', `only ${listRoles(rolesForEvent(workflow, candidates))} may send ${event} here; you act as ${listRoles(actor.roles)}`);
}

/** @throws DomainError FORBIDDEN */
export function assertMayEditFields(actor: Actor): void {
  if (actor.roles.some((r) => FIELD_EDITORS.includes(r))) return;
  throw new DomainError('FORBIDDEN', `only ${listRoles(FIELD_EDITORS)} may record case fields; you act as ${listRoles(actor.roles)}`);
}

/** @throws DomainError FORBIDDEN */
export function assertMayCreateCase(actor: Actor): void {
  if (actor.roles.some((r) => CASE_CREATORS.includes(r))) return;
  throw new DomainError('FORBIDDEN', `only ${listRoles(CASE_CREATORS)} may start a case; you act as ${listRoles(actor.roles)}`);
}

/**
 * @param what says what is being done, for the message: "change the parties"
 * @throws DomainError FORBIDDEN
 */
export function assertMayAdministerCase(actor: Actor, what: string): void {
  if (actor.kind === 'system' || actor.roles.some((r) => CASE_ADMINISTRATORS.includes(r))) return;
  throw new DomainError('FORBIDDEN', `only ${listRoles(CASE_ADMINISTRATORS)} may ${what}; you act as ${listRoles(actor.roles)}`);
}

/** @throws DomainError FORBIDDEN */
export function assertMayKeepRegistry(actor: Actor): void {
  if (actor.roles.some((r) => REGISTRY_KEEPERS.includes(r))) return;
  throw new DomainError('FORBIDDEN', `only ${listRoles(REGISTRY_KEEPERS)} may change the registry of organisations and people; you act as ${listRoles(actor.roles)}`);
}

function listRoles(roles: readonly string[]): string {
  return roles.length ? roles.join(' or ') : 'no role';
}
