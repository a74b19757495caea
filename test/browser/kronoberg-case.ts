import { Walk } from '../../src/demo/walk.js';
import { addParties, appoint, documentSignedBy, fields, type DemoParty } from '../../src/demo/steps.js';
import { seedRegistry } from '../support/governance-fixture.js';
import { ADMINISTRATOR, type TestActor, type TestApp } from '../support/test-app.js';

export const REFERENCE = `Nämnden ställer sig bakom överenskommelsen Barnens bästa gäller i Kronoberg.
1. Nämnden prioriterar tidiga och förebyggande insatser för barn och unga.
2. Nämnden deltar i det regionala forumet och i den gemensamma styrgruppen.`;

/** The people of the browser tests: each party's secretariat, the region's manager, and someone of a municipality that is no party. */
export const PEOPLE = {
  region: { person: 'sekr.region', organisation: '07' },
  alvesta: { person: 'sekr.alvesta', organisation: '0764' },
  vaxjo: { person: 'sekr.vaxjo', organisation: '0780' },
  manager: { person: 'chef.region', organisation: '07' },
  ljungby: { person: 'sekr.ljungby', organisation: '0781' },
} satisfies Record<string, TestActor>;

export interface KronobergCase {
  id: string;
  boards: { region: string; alvesta: string; vaxjo: string };
}

/**
 * A Kronoberg case ("Barnens bästa gäller") of the region, Alvesta and Växjö, walked over the API
 * to the step "Likalydande beslut" with the decision point set up and no decision recorded; each
 * party's secretariat and the region's manager hold their roles on it.
 */
export async function kronobergCaseAtDecisions(t: TestApp): Promise<KronobergCase> {
  await seedRegistry(t);
  const w = new Walk(t.url, await t.token(ADMINISTRATOR), () => {});
  const benefit = 'Tidigare och samordnade insatser för barn och unga i kommunen.';
  const parties: DemoParty[] = [
    {
      name: 'Region Kronoberg',
      kind: 'region',
      code: '07',
      responsibilities: ['leads', 'decides', 'contributes'],
      benefit: 'Färre barn och unga som behöver specialiserad vård.',
    },
    { name: 'Alvesta kommun', kind: 'municipality', code: '0764', responsibilities: ['decides', 'contributes'], benefit },
    { name: 'Växjö kommun', kind: 'municipality', code: '0780', responsibilities: ['decides', 'contributes'], benefit },
  ];
  await w.start('kronoberg', 'Barnens bästa gäller', parties[0]!);
  const ids = await addParties(w, parties);
  const org = (name: string) => ids.get(name)!;
  await fields(w, { arena: 'Regionalt forum Barnens bästa och lokala forum i varje kommun.' }, 'arena');
  await documentSignedBy(
    w,
    { title: 'Överenskommelse Barnens bästa gäller', kind: 'agreement', registry: org('Region Kronoberg').id, number: 'RK 2026/88' },
    parties.map((p) => org(p.name).id),
  );
  await appoint(w, 'steeringGroup', org('Region Kronoberg').id, 'Maria Nilsson');
  await w.advance();
  const boards = {
    region: org('Region Kronoberg').boards.get('Regionstyrelsen')!,
    alvesta: org('Alvesta kommun').boards.get('Socialnämnden')!,
    vaxjo: org('Växjö kommun').boards.get('Socialnämnden')!,
  };
  await w.api.post(`/cases/${w.caseId}/decision-points`, {
    key: 'joint-agreement',
    title: 'Likalydande beslut: Barnens bästa gäller',
    referenceText: REFERENCE,
    boardIds: Object.values(boards),
  });
  const roles: Array<[TestActor, string, string]> = [
    [PEOPLE.region, 'secretariat', org('Region Kronoberg').id],
    [PEOPLE.alvesta, 'secretariat', org('Alvesta kommun').id],
    [PEOPLE.vaxjo, 'secretariat', org('Växjö kommun').id],
    [PEOPLE.manager, 'manager', org('Region Kronoberg').id],
  ];
  for (const [who, role, organisationId] of roles) {
    await w.api.post(`/cases/${w.caseId}/roles`, { role, organisationId, holderId: (await t.identity(who)).personId });
  }
  return { id: w.caseId, boards };
}
