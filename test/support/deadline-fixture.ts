import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addParty, advance, assignRole, createCase, setFields } from './factories.js';
import { person, seedRegistry } from './governance-fixture.js';
import type { TestActor, TestApp } from './test-app.js';

const t = (sv: string, en: string) => ({ sv, en });

/**
 * A small workflow of its own for the deadline tests ("frist"), so they do not depend on the
 * shipped lifecycle's gates: `prepare` (3 working days, a three-level ladder, gated on the field
 * "report"), then `review`, a parallel step (10 calendar days) with a `legal` region whose
 * `reading` sub-step has 8 hours and a `finance` region with 2 working days, then `closed`.
 */
export const FRIST_WORKFLOW = {
  id: 'frist',
  version: 1,
  title: t('Frister', 'Deadlines'),
  initial: 'prepare',
  meta: { roles: { ADVANCE: ['secretariat'], CLOSE: ['secretariat'] }, fields: [{ key: 'report', type: 'longText', label: t('Rapport', 'Report') }] },
  states: {
    prepare: {
      meta: {
        title: t('Förberedelse', 'Preparation'),
        sla: { workingDays: 3 },
        escalation: [
          { level: 'reminder', title: t('Påminnelse', 'Reminder'), at: { workingDays: -1 }, notify: ['secretariat'] },
          { level: 'manager', title: t('Eskalering till chef', 'Escalation to manager'), at: { workingDays: 0 }, notify: ['manager'] },
          { level: 'steering', title: t('Eskalering till styrgrupp', 'Escalation to steering group'), at: { workingDays: 2 }, notify: ['steeringGroup'] },
        ],
      },
      on: { ADVANCE: { target: 'review', meta: { title: t('Skicka på granskning', 'Send for review'), gate: ['report-ready'] } } },
    },
    review: {
      type: 'parallel',
      meta: { title: t('Granskning', 'Review'), sla: { calendarDays: 10 } },
      states: {
        legal: {
          initial: 'reading',
          meta: { title: t('Juridisk granskning', 'Legal review') },
          states: {
            reading: {
              meta: { title: t('Läsning', 'Reading'), sla: { hours: 8 }, escalation: [{ level: 'manager', at: { hours: 0 }, notify: ['manager'] }] },
              on: { ADVANCE: 'done' },
            },
            done: { type: 'final', meta: { title: t('Klar', 'Done') } },
          },
        },
        finance: { meta: { title: t('Ekonomisk granskning', 'Finance review'), sla: { workingDays: 2 } } },
      },
      on: { CLOSE: 'closed' },
    },
    closed: { type: 'final', meta: { title: t('Avslutad', 'Closed') } },
  },
};

const REPORT_READY = {
  id: 'report-ready',
  title: t('Rapporten är klar', 'The report is ready'),
  conditions: [
    {
      id: 'report-written',
      when: { fact: 'filledFields', operator: 'contains', value: 'report' },
      message: t('Rapporten saknas: fyll i fältet "report".', 'The report is missing: fill in the field "report".'),
      responsible: 'secretariat',
    },
  ],
  examples: [
    { name: 'no report', facts: { filledFields: [] }, passes: false, failing: ['report-written'] },
    { name: 'report', facts: { filledFields: ['report'] }, passes: true },
  ],
};

/** Writes the "frist" workflow and its rule set to a folder of their own. */
export function fristDefinitions(): { workflowsDir: string; rulesDir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-frist-'));
  const workflowsDir = join(dir, 'workflows');
  const rulesDir = join(dir, 'rules');
  mkdirSync(workflowsDir);
  mkdirSync(rulesDir);
  writeFileSync(join(workflowsDir, 'frist.v1.json'), JSON.stringify(FRIST_WORKFLOW, null, 2));
  writeFileSync(join(rulesDir, 'report-ready.json'), JSON.stringify(REPORT_READY, null, 2));
  return { workflowsDir, rulesDir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The people of a case and how the tests sign them in. */
export interface CastMember {
  id: string;
  subject: string;
  email: string | null;
  as: TestActor;
}

/**
 * The registry, and people holding the roles of the ladder: Anna (secretariat), Maria and Mats
 * (managers, for two organisations), Stina (steering group, no e-mail address: inbox only) and Mats
 * again in the steering group.
 */
export async function seedCast(
  t: TestApp,
): Promise<{ orgs: { region: string; kommun: string }; cast: Record<'anna' | 'maria' | 'mats' | 'stina', CastMember> }> {
  const registry = await seedRegistry(t);
  const region = registry.get('Region Kronoberg')!.id;
  const kommun = registry.get('Växjö kommun')!.id;
  // Their roles are held on each case (startCase assigns them), not carried by the person.
  const member = async (subject: string, name: string, organisation: string, email: string | null): Promise<CastMember> => ({
    id: await person(t, subject, name, organisation, email ?? undefined),
    subject,
    email,
    as: { person: subject, organisation },
  });
  return {
    orgs: { region, kommun },
    cast: {
      anna: await member('anna.sekr', 'Anna Sekreterare', region, 'anna@region.example'),
      maria: await member('maria.chef', 'Maria Chef', region, 'maria@region.example'),
      mats: await member('mats.chef', 'Mats Chef', kommun, 'Mats@Kommun.example'),
      stina: await member('stina.styr', 'Stina Styrgrupp', region, null),
    },
  };
}

/** Anna, the region's secretariat: the tests act as her unless they say otherwise. */
export const ANNA: TestActor = { person: 'anna.sekr', organisation: '07' };

/**
 * Starts a "frist" case now, as Anna (so the region leads it and she is its secretariat), and gives
 * the cast their roles on it. Returns the case id.
 */
export async function startCase(t: TestApp, seeded: Awaited<ReturnType<typeof seedCast>>, title: string): Promise<string> {
  const { orgs, cast } = seeded;
  const as = { as: cast.anna.as };
  const { id } = await createCase(t, { workflow: 'frist', title }, as);
  await addParty(t, id, { organisationId: orgs.kommun, responsibilities: ['decides', 'contributes'] }, as);
  const roles: Array<[string, string, CastMember]> = [
    ['manager', orgs.region, cast.maria],
    ['manager', orgs.kommun, cast.mats],
    ['steeringGroup', orgs.region, cast.stina],
    ['steeringGroup', orgs.kommun, cast.mats],
  ];
  for (const [role, organisationId, who] of roles) await assignRole(t, id, { role, organisationId, holderId: who.id }, as);
  return id;
}

/**
 * Moves a "frist" case to its end as Anna, from wherever it is: the report filled in, ADVANCE out
 * of `prepare`, CLOSE. Closing ends its deadlines and escalation levels, so a test that counts what
 * the escalation job fires does not count this case's. A closed case is left as it is.
 * @throws Error when a step is refused
 */
export async function finishFristCase(t: TestApp, id: string): Promise<void> {
  const as = { as: ANNA };
  const { status, state } = (await t.request('GET', `/cases/${id}`, as)).body;
  if (status === 'closed') return;
  await setFields(t, id, { report: 'klar' }, as);
  if (state.value === 'prepare') await advance(t, id, {}, as);
  await advance(t, id, { type: 'CLOSE' }, as);
}
