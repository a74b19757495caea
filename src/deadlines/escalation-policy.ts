import type { Actor } from '../access/actor.js';
import { DomainError } from '../common/domain-error.js';

/**
 * Roles that acknowledge any escalation of a case: the managers (chefer, styrgrupp) the ladder
 * escalates to. Besides them, whoever a level told (a role it notifies) may acknowledge it.
 * (Kept here until the access issue gathers every permission in `access/policy.ts`.)
 */
const ACKNOWLEDGERS = ['manager', 'steeringGroup'];

/** @throws DomainError FORBIDDEN naming the roles that may acknowledge */
export function assertMayAcknowledge(actor: Actor, notified: readonly string[]): void {
  const allowed = [...new Set([...ACKNOWLEDGERS, ...notified])];
  if (actor.roles.some((r) => allowed.includes(r))) return;
  throw new DomainError('FORBIDDEN', `only ${allowed.join(' or ')} may acknowledge this escalation; you act as ${actor.roles.join(' or ') || 'no role'}`);
}
