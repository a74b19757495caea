/**
 * Who is acting: a person acting for an organisation, or the system (the scheduler). Every command
 * records its actor in the case history.
 *
 * GDPR: `person` is an official's identity (the subject they sign in with), nothing more.
 */
export interface Actor {
  kind: 'person' | 'system';
  /** The identity they signed in with (`people.subject`). */
  person: string;
  /** Their registry id, when they are registered. */
  personId?: string;
  /** The registry id of the organisation they act for. */
  organisation: string;
  /** Roles on the case at hand (filled in per case: see CaseRoleDirectory). */
  roles: string[];
  /** The same, with the party each role is held for, whether that party leads the case and its responsibilities. */
  holdings?: Array<{ role: string; organisationId: string; leads?: boolean; responsibilities?: string[] }>;
  /** Roles beyond any case: administrator, processOwner. */
  systemRoles: string[];
}

/** The actor the scheduler acts as; its commands are gated and audited like anyone's. */
export const SYSTEM_ACTOR: Actor = { kind: 'system', person: 'system', organisation: 'system', roles: ['system'], systemRoles: [] };

/** Scope of an actor's idempotency keys: one caller's key never answers another caller. */
export function actorScope(actor: Actor): string {
  return `${actor.kind}:${actor.organisation}:${actor.person}`;
}
