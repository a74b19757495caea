/**
 * Who is acting: a person acting for an organisation in some roles, or the system (the
 * scheduler). Every command records its actor in the case history.
 *
 * GDPR: `person` is an official's identifier or name in their role, nothing more.
 */
export interface Actor {
  kind: 'person' | 'system';
  person: string;
  organisation: string;
  roles: string[];
}

/** The actor the scheduler acts as; its commands are gated and audited like anyone's. */
export const SYSTEM_ACTOR: Actor = { kind: 'system', person: 'system', organisation: 'system', roles: ['system'] };

/** Scope of an actor's idempotency keys: one caller's key never answers another caller. */
export function actorScope(actor: Actor): string {
  return `${actor.kind}:${actor.organisation}:${actor.person}`;
}
