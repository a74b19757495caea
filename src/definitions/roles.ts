/**
 * Roles a person can hold on a case, always *for an organisation* (DOMAIN.md: responsibilities
 * belong to roles in organisations, not to single persons, so the work survives when someone
 * leaves). Workflow files name these in `meta.roles`.
 */
export const CASE_ROLES = ['processOwner', 'secretariat', 'manager', 'steeringGroup', 'chair', 'member', 'observer'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

/** The actor the scheduler uses when the clock, not a person, acts on a case. */
export const SYSTEM_ROLE = 'system';

/** Roles a workflow may name: the case roles plus the system actor. */
export const WORKFLOW_ROLES: readonly string[] = [...CASE_ROLES, SYSTEM_ROLE];

/**
 * For which parties a role named in a workflow's `meta.roles` counts. Plain `"secretariat"` counts
 * only when held for a leading party (running the case is the lead's); `"steeringGroup@decides"`
 * when held for a party with that responsibility, `"steeringGroup@any"` for any party. The case's
 * `processOwner` counts whichever party holds it, as it runs the case (policy's assertMayRunCase).
 */
export const ROLE_PARTIES = ['leads', 'decides', 'contributes', 'informed', 'any'] as const;
export type RoleParty = (typeof ROLE_PARTIES)[number];

/** A `meta.roles` entry split into the role and the parties it counts for; null party: unqualified. */
export function parseWorkflowRole(entry: string): { role: string; party: string | null } {
  const at = entry.indexOf('@');
  return at < 0 ? { role: entry, party: null } : { role: entry.slice(0, at), party: entry.slice(at + 1) };
}

export function isCaseRole(value: string): value is CaseRole {
  return (CASE_ROLES as readonly string[]).includes(value);
}

/** What the roles are called, for messages and screens. */
export const ROLE_TITLES: Record<CaseRole | 'system', { sv: string; en: string }> = {
  processOwner: { sv: 'Processägare', en: 'Process owner' },
  secretariat: { sv: 'Sekretariat', en: 'Secretariat' },
  manager: { sv: 'Chef', en: 'Manager' },
  steeringGroup: { sv: 'Styrgrupp', en: 'Steering group' },
  chair: { sv: 'Ordförande', en: 'Chair' },
  member: { sv: 'Ledamot', en: 'Member' },
  observer: { sv: 'Observatör', en: 'Observer' },
  system: { sv: 'Systemet', en: 'The system' },
};

/** Roles beyond any single case. */
export const SYSTEM_ROLES = ['administrator', 'processOwner'] as const;
export type SystemRole = (typeof SYSTEM_ROLES)[number];
