/**
 * Who is signed in: a person acting for an organisation, or the system (the scheduler). Every
 * command records its actor in the case history. What they may do on a particular case depends on
 * the roles they hold there: see {@link ActorOnCase}.
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
  /** Roles beyond any case: administrator, processOwner. */
  systemRoles: string[];
}

/** A role the actor holds on a case, with the party it is held for. */
export interface RoleHolding {
  role: string;
  organisationId: string;
  /** Whether that party leads the case. */
  leads?: boolean;
  /** That party's responsibilities on the case. */
  responsibilities?: string[];
}

/**
 * The signed-in actor as they stand on one case: the roles they hold on it, each with its party.
 * Made only by `CaseRoleDirectory` (src/cases/case-roles.ts), read at the moment of the command,
 * so a handover or a rotated chair counts at once. Case-level permissions take this type, so a
 * signed-in actor whose roles were never looked up cannot be passed by mistake.
 */
export interface ActorOnCase extends Actor {
  /** The roles held on the case (sorted, each once). */
  roles: string[];
  /** The same, with the party each role is held for. */
  holdings: RoleHolding[];
}

/** The actor the scheduler acts as; its commands are gated and audited like anyone's. */
export const SYSTEM_ACTOR: Actor = { kind: 'system', person: 'system', organisation: 'system', systemRoles: [] };

/** Scope of an actor's idempotency keys: one caller's key never answers another caller. */
export function actorScope(actor: Actor): string {
  return `${actor.kind}:${actor.organisation}:${actor.person}`;
}
