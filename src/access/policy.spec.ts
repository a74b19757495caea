import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DomainError } from '../common/domain-error.js';
import type { ActorOnCase } from './actor.js';
import { assertAdministrator, assertMayContribute, assertMayRunCase, holdsWorkflowRole } from './policy.js';

const person = (holdings: ActorOnCase['holdings']): ActorOnCase => ({
  kind: 'person',
  person: 'p',
  organisation: 'o',
  roles: [...new Set(holdings.map((h) => h.role))],
  holdings,
  systemRoles: [],
});
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
    expect(holdsWorkflowRole({ kind: 'system', person: 'system', organisation: 'system', roles: ['system'], holdings: [], systemRoles: [] }, 'system')).toBe(
      true,
    );
  });
});

describe('refusals in Swedish', () => {
  /** Every activity the services name when they ask the policy, read from the source. */
  function activitiesInSource(dir = fileURLToPath(new URL('..', import.meta.url))): Array<{ assert: string; what: string }> {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return activitiesInSource(path);
      if (!entry.name.endsWith('.ts') || entry.name.endsWith('.spec.ts')) return [];
      return [...readFileSync(path, 'utf8').matchAll(/(assertMayRunCase|assertMayContribute|assertAdministrator)\([\w.]+, '([^']+)'\)/g)].map((m) => ({
        assert: m[1]!,
        what: m[2]!,
      }));
    });
  }

  it('names every activity of the services in Swedish when it refuses', () => {
    const found = activitiesInSource();
    expect(found.length).toBeGreaterThan(20);
    const nobody: ActorOnCase = { kind: 'person', person: 'p', organisation: 'o', roles: ['observer'], holdings: [], systemRoles: [] };
    const asserts = { assertMayRunCase, assertMayContribute, assertAdministrator } as Record<string, (actor: ActorOnCase, what: string) => void>;
    const untranslated = found.filter(({ assert, what }) => {
      try {
        asserts[assert]!(nobody, what);
        return true;
      } catch (error) {
        return (error as DomainError).messageIn('sv').includes('göra detta');
      }
    });
    expect(untranslated).toEqual([]);
  });

  it('says who may, with the role names in Swedish', () => {
    const observer: ActorOnCase = { kind: 'person', person: 'p', organisation: 'o', roles: ['observer'], holdings: [], systemRoles: [] };
    expect(() => assertMayContribute(observer, 'record signatures')).toThrow(
      expect.objectContaining({
        localized: {
          sv: 'bara sekretariat eller processägare får registrera underskrifter; du har observatör i ärendet',
          en: 'only secretariat or processOwner may record signatures; you hold observer on this case',
        },
      }),
    );
  });
});
