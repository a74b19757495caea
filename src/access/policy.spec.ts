import type { Actor } from './actor.js';
import { holdsWorkflowRole } from './policy.js';

const person = (holdings: NonNullable<Actor['holdings']>): Actor => ({ kind: 'person', person: 'p', organisation: 'o', roles: [...new Set(holdings.map((h) => h.role))], holdings, systemRoles: [] });
const lead = { organisationId: 'region', leads: true, responsibilities: ['leads', 'decides'] };
const deciding = { organisationId: 'vaxjo', leads: false, responsibilities: ['decides', 'contributes'] };
const informed = { organisationId: 'almhult', leads: false, responsibilities: ['informed'] };

describe('holdsWorkflowRole: a role named in meta.roles, and the party it is held for', () => {
  it('counts a plain role only when held for a leading party', () => {
    expect(holdsWorkflowRole(person([{ role: 'secretariat', ...lead }]), 'secretariat')).toBe(true);
    expect(holdsWorkflowRole(person([{ role: 'secretariat', ...deciding }]), 'secretariat')).toBe(false);
    expect(holdsWorkflowRole(person([{ role: 'secretariat', ...informed }]), 'secretariat')).toBe(false);
  });

  it('counts a qualified role for the parties it names', () => {
    const steering = person([{ role: 'steeringGroup', ...deciding }]);
    expect(holdsWorkflowRole(steering, 'steeringGroup@decides')).toBe(true);
    expect(holdsWorkflowRole(steering, 'steeringGroup@leads')).toBe(false);
    expect(holdsWorkflowRole(person([{ role: 'steeringGroup', ...informed }]), 'steeringGroup@decides')).toBe(false);
    expect(holdsWorkflowRole(person([{ role: 'steeringGroup', ...informed }]), 'steeringGroup@any')).toBe(true);
  });

  it("counts the case's process owner whichever party holds it, and system only for the scheduler", () => {
    expect(holdsWorkflowRole(person([{ role: 'processOwner', ...informed }]), 'processOwner')).toBe(true);
    expect(holdsWorkflowRole(person([{ role: 'secretariat', ...lead }]), 'system')).toBe(false);
    expect(holdsWorkflowRole({ kind: 'system', person: 'system', organisation: 'system', roles: ['system'], systemRoles: [] }, 'system')).toBe(true);
  });
});
