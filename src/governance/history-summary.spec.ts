import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileWorkflow } from '../definitions/compile-workflow.js';
import type { WorkflowFile } from '../definitions/workflow-types.js';
import { EVENT_TITLES, summarize, type HistoryEventInput, type HistoryLookups } from './history-summary.js';

const t = (sv: string, en = sv) => ({ sv, en });
const ORG = { region: '00000000-0000-4000-8000-00000000000a', vaxjo: '00000000-0000-4000-8000-00000000000b' };
const PEOPLE = { maria: '00000000-0000-4000-8000-0000000000a1', per: '00000000-0000-4000-8000-0000000000a2' };
const BOARD = '00000000-0000-4000-8000-0000000000b1';
const GOAL = '00000000-0000-4000-8000-0000000000c1';
const DOC = '00000000-0000-4000-8000-0000000000d1';
const SECRET = '00000000-0000-4000-8000-0000000000d2';

const definition: WorkflowFile = {
  id: 'demo',
  version: 1,
  title: t('Samverkan för samhällsutveckling', 'Collaboration for societal development'),
  initial: 'gatherActors',
  meta: {
    roles: { ADVANCE: ['secretariat'] },
    fields: [
      { key: 'arena', type: 'longText', label: t('Arena (forum)') },
      { key: 'startDate', type: 'date', label: t('Startdatum', 'Start date') },
    ],
    documentKinds: [{ key: 'situationAnalysis', label: t('Lägesbild', 'Situation picture') }],
  },
  states: {
    gatherActors: {
      meta: {
        title: t('Samla aktörerna', 'Gather actors'),
        sla: { workingDays: 10 },
        escalation: [{ level: 'manager', title: t('Eskalering till chef', 'Escalation to manager'), at: { workingDays: 0 }, notify: ['manager'] }],
      },
      on: { ADVANCE: { target: 'jointProblem', meta: { title: t('Gå vidare till Gemensamt problem', 'Continue to Joint problem') } } },
    },
    jointProblem: { meta: { title: t('Gemensamt problem', 'Joint problem') }, on: { ADVANCE: 'closed' } },
    closed: { type: 'final', meta: { title: t('Avslutad', 'Closed') } },
  },
};

const lookups: HistoryLookups = {
  personBySubject: (subject) => (subject === 'maria.nilsson' ? { name: 'Maria Nilsson', organisation: ORG.region } : undefined),
  person: (id) => ({ [PEOPLE.maria]: { name: 'Maria Nilsson', organisation: ORG.region }, [PEOPLE.per]: { name: 'Per Holm', organisation: ORG.vaxjo } })[id],
  organisation: (id) => ({ [ORG.region]: 'Region Kronoberg', [ORG.vaxjo]: 'Växjö kommun' })[id],
  board: (id) => (id === BOARD ? 'Växjö kommun – socialnämnden' : undefined),
  goal: (id) => (id === GOAL ? 'Färre barn i behov av vård' : undefined),
  document: (id) => ({ [DOC]: { kind: 'agreement', title: 'Överenskommelse' }, [SECRET]: { kind: 'situationAnalysis', title: null } })[id],
  workflow: compileWorkflow(definition, new Map()),
};

const by = (payload: Record<string, unknown>, type: string, person = 'maria.nilsson'): HistoryEventInput => ({
  type,
  actorKind: 'person',
  actorPerson: person,
  actorOrganisation: ORG.region,
  payload,
});

/** One event of every kind, as the services write them. */
const EVENTS: HistoryEventInput[] = [
  by(
    {
      title: 'Barnens bästa',
      workflow: { id: 'demo', version: 1 },
      to: { value: 'gatherActors' },
      party: { organisation: ORG.region, responsibilities: ['leads'] },
      role: { id: 'r0', role: 'secretariat', organisation: ORG.region, holder: PEOPLE.maria },
    },
    'case.created',
  ),
  by(
    {
      event: { type: 'ADVANCE', comment: 'Klart' },
      from: { value: 'gatherActors' },
      to: { value: 'jointProblem' },
      transition: { source: 'gatherActors', target: 'jointProblem' },
      gate: { passed: true },
    },
    'case.transitioned',
  ),
  by(
    { changes: { arena: { from: null, to: 'Regionalt forum' }, startDate: { from: '2027-01-01', to: '2027-03-03' }, anteckning: { from: 'a', to: null } } },
    'case.fields.updated',
  ),
  by({ organisation: { id: ORG.vaxjo, name: 'Växjö kommun' }, responsibilities: ['decides', 'contributes'], mustSign: true, benefit: null }, 'party.added'),
  by(
    {
      organisation: ORG.vaxjo,
      from: { responsibilities: ['decides'], mustSign: true, benefit: null },
      to: { responsibilities: ['decides'], mustSign: true, benefit: 'Färre placeringar' },
    },
    'party.updated',
  ),
  by({ organisation: ORG.vaxjo, rolesRemoved: ['secretariat'] }, 'party.removed'),
  by(
    { role: { id: 'r1', role: 'secretariat', organisation: ORG.vaxjo, holder: PEOPLE.per, deputy: null, required: false, vacantSince: null } },
    'role.assigned',
  ),
  by(
    {
      from: { id: 'r1', role: 'secretariat', organisation: ORG.vaxjo, holder: PEOPLE.per, deputy: null, required: false, vacantSince: null },
      to: { id: 'r1', role: 'secretariat', organisation: ORG.vaxjo, holder: null, deputy: null, required: false, vacantSince: '2026-12-03T09:00:00.000Z' },
    },
    'role.updated',
  ),
  by({ role: { id: 'r1', role: 'secretariat', organisation: ORG.vaxjo, holder: null } }, 'role.removed'),
  by(
    {
      person: PEOPLE.per,
      roles: [
        {
          from: { id: 'r2', role: 'chair', organisation: ORG.vaxjo, holder: PEOPLE.per },
          to: { id: 'r2', role: 'chair', organisation: ORG.vaxjo, holder: null },
          outcome: 'vacant',
        },
      ],
    },
    'role.handedOver',
  ),
  by(
    {
      entries: [
        { organisationId: ORG.region, personId: null },
        { organisationId: ORG.vaxjo, personId: null },
      ],
      periodMonths: 6,
      nextRotationOn: '2027-06-01',
      chair: { id: 'r3', role: 'chair', organisation: ORG.region, holder: null },
    },
    'chair.rotationSet',
  ),
  {
    ...by({ reason: 'scheduled', from: ORG.region, to: ORG.vaxjo, holder: PEOPLE.per, nextRotationOn: '2027-12-01' }, 'chair.rotated'),
    actorKind: 'system',
    actorPerson: 'system',
    actorOrganisation: 'system',
  },
  by({ key: 'joint-agreement', title: 'Likalydande beslut', referenceText: 'Nämnden ställer sig bakom.', boards: [BOARD] }, 'decisionPoint.created'),
  by(
    {
      key: 'joint-agreement',
      from: { title: 'Likalydande beslut', referenceText: 'A', boards: [BOARD] },
      to: { title: 'Likalydande beslut', referenceText: 'B', boards: [BOARD] },
    },
    'decisionPoint.updated',
  ),
  by(
    {
      decisionPoint: 'joint-agreement',
      board: BOARD,
      label: 'Växjö kommun – socialnämnden',
      from: {
        status: 'decided',
        text: 'T',
        meetingDate: '2026-11-24',
        minutesParagraph: null,
        minutesApprovedDate: null,
        announcedDate: null,
        appealDeadline: null,
      },
      to: {
        status: 'announced',
        text: 'T',
        meetingDate: '2026-11-24',
        minutesParagraph: '§ 12',
        minutesApprovedDate: '2026-12-01',
        announcedDate: '2026-12-02',
        appealDeadline: '2026-12-23',
      },
    },
    'decision.recorded',
  ),
  by(
    {
      decisionPoint: 'joint-agreement',
      board: BOARD,
      label: 'x',
      correction: 'Fel paragraf',
      from: { minutesParagraph: '§ 12' },
      to: { minutesParagraph: '§ 21' },
    },
    'decision.corrected',
  ),
  by(
    {
      document: {
        id: DOC,
        kind: 'agreement',
        organisation: ORG.region,
        title: 'Överenskommelse',
        registry: ORG.region,
        registrationNumber: 'RK 2026/88',
        link: null,
      },
    },
    'document.added',
  ),
  by(
    {
      document: { id: SECRET, kind: 'situationAnalysis', organisation: ORG.vaxjo, confidential: true, visibleTo: [ORG.vaxjo] },
      onBehalfOf: { organisation: ORG.vaxjo, name: 'Växjö kommun' },
    },
    'document.added',
  ),
  by({ document: SECRET, sha256: 'ab', size: 20480 }, 'document.fileStored'),
  by({ document: DOC, organisation: ORG.vaxjo, signedOn: '2026-12-01', onBehalfOf: { organisation: ORG.vaxjo, name: 'Växjö kommun' } }, 'document.signed'),
  by(
    {
      goal: {
        id: GOAL,
        title: 'Färre barn i behov av vård',
        kpi: 'N17473',
        indicatorName: null,
        unit: null,
        municipalityCode: '0780',
        organisationId: ORG.vaxjo,
        baselineValue: 12.5,
        baselineYear: 2022,
        targetKind: 'relative',
        targetValue: -20,
        targetYear: 2030,
        direction: 'decrease',
      },
    },
    'goal.created',
  ),
  by(
    { goal: GOAL, from: { title: 'Färre barn i behov av vård', targetValue: -20 }, to: { title: 'Färre barn i behov av vård', targetValue: -25 } },
    'goal.updated',
  ),
  by({ goal: GOAL, period: 2025, value: 11.2, previous: null, source: 'manual' }, 'measurement.recorded'),
  by({ source: 'kolada-file', changes: [{ goal: GOAL, period: 2024, value: 11.9, previous: 12 }] }, 'measurements.imported'),
  by(
    {
      commitment: {
        id: 'c1',
        organisation: ORG.vaxjo,
        kind: 'staff',
        amount: 0.5,
        unit: 'årsarbetare',
        description: 'Samordnare',
        periodStart: '2027-01-01',
        periodEnd: null,
      },
    },
    'resource.committed',
  ),
  by(
    {
      commitment: { id: 'c1', organisation: ORG.vaxjo, kind: 'staff', amount: 0.5, unit: 'årsarbetare', description: null, periodStart: null, periodEnd: null },
    },
    'resource.withdrawn',
  ),
  by(
    {
      action: {
        id: 'a1',
        title: 'Trygghetsvandringar',
        responsible: ORG.vaxjo,
        dueDate: '2027-05-01',
        status: 'planned',
        subgroup: [ORG.region, ORG.vaxjo],
        goal: GOAL,
      },
    },
    'action.added',
  ),
  by(
    { action: 'a1', from: { id: 'a1', title: 'Trygghetsvandringar', status: 'planned' }, to: { id: 'a1', title: 'Trygghetsvandringar', status: 'inProgress' } },
    'action.updated',
  ),
  {
    ...by(
      {
        escalation: { id: 'e1', level: 'manager', rung: 0 },
        state: 'gatherActors',
        deadline: { dueOn: '2026-12-10' },
        notified: [{ person: PEOPLE.per, organisation: ORG.vaxjo, roles: ['manager'] }],
        unfilledRoles: ['steeringGroup'],
      },
      'escalation.raised',
    ),
    actorKind: 'system',
    actorPerson: 'system',
    actorOrganisation: 'system',
  },
  by({ escalation: { id: 'e1', level: 'manager', rung: 0 }, state: 'gatherActors', comment: 'Vi tar det på nästa möte' }, 'escalation.acknowledged'),
];

/** The event types the services write: `type: '…'` and `updateOf('…'` in their source. */
function typesInSource(): string[] {
  const out = new Set<string>();
  for (const dir of ['src/governance', 'src/cases', 'src/escalations']) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.spec.ts'))) {
      const text = readFileSync(join(dir, name), 'utf8');
      for (const m of text.matchAll(/(?:type:\s*|updateOf\(\s*)'([a-z][a-zA-Z]*\.[a-zA-Z.]+)'/g)) out.add(m[1]!);
    }
  }
  return [...out].sort();
}

describe('the history in words', () => {
  it('labels every event type the services write, and the examples here cover them all', () => {
    const types = typesInSource();
    expect(types.length).toBeGreaterThanOrEqual(29);
    expect(types.filter((type) => !Object.hasOwn(EVENT_TITLES, type))).toEqual([]);
    expect(types.filter((type) => !EVENTS.some((e) => e.type === type))).toEqual([]);
  });

  it('names people and organisations, never a login subject, an id or an index, in both languages', () => {
    for (const lang of ['sv', 'en'] as const) {
      for (const e of EVENTS) {
        const s = summarize(e, lookups, lang);
        const all = JSON.stringify(s);
        expect(`${e.type}: ${all}`).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|maria\.nilsson|"r[0-9]"|"c1"|"a1"|"e1"|\[\d\]|undefined|\[object/);
        expect(s.text.length).toBeGreaterThan(10);
      }
    }
  });

  it('says who did what, and only what changed, with labels and values in words', () => {
    const sv = (type: string, n = 0) => summarize(EVENTS.filter((e) => e.type === type)[n]!, lookups, 'sv');
    expect(sv('case.transitioned')).toEqual({
      who: 'Maria Nilsson, Region Kronoberg',
      what: 'Ärendet gick till ett nytt steg',
      text: 'Maria Nilsson, Region Kronoberg valde "Gå vidare till Gemensamt problem": ärendet gick från "Samla aktörerna" till "Gemensamt problem".',
      changes: [
        { label: 'Steg', from: 'Samla aktörerna', to: 'Gemensamt problem' },
        { label: 'Motivering', from: null, to: 'Klart' },
      ],
    });
    expect(sv('case.fields.updated').changes).toEqual([
      { label: 'Arena (forum)', from: null, to: 'Regionalt forum' },
      { label: 'Startdatum', from: '1 januari 2027', to: '3 mars 2027' },
      { label: 'anteckning', from: 'a', to: null },
    ]);
    expect(sv('party.added')).toMatchObject({
      text: 'Maria Nilsson, Region Kronoberg lade till Växjö kommun som part (beslutar, bidrar).',
      changes: [
        { label: 'Ansvar', to: 'beslutar, bidrar' },
        { label: 'Ska skriva under', to: 'ja' },
      ],
    });
    expect(sv('party.updated').changes).toEqual([{ label: 'Nytta av samverkan', from: null, to: 'Färre placeringar' }]);
    expect(sv('role.updated')).toMatchObject({
      text: 'Maria Nilsson, Region Kronoberg ändrade rollen Sekretariat för Växjö kommun.',
      changes: [
        { label: 'Innehavare', from: 'Per Holm', to: null },
        { label: 'Vakant sedan', from: null, to: '3 december 2026' },
      ],
    });
    expect(sv('decision.recorded')).toMatchObject({
      text: 'Maria Nilsson, Region Kronoberg registrerade beslutet i Växjö kommun – socialnämnden.',
      changes: [
        { label: 'Status', from: 'beslutat', to: 'anslaget' },
        { label: 'Paragraf', from: null, to: '§ 12' },
        { label: 'Protokollet justerat', from: null, to: '1 december 2026' },
        { label: 'Anslaget', from: null, to: '2 december 2026' },
        { label: 'Sista dag att överklaga', from: null, to: '23 december 2026' },
      ],
    });
    expect(sv('document.added', 1).text).toBe('Maria Nilsson, Region Kronoberg registrerade ett sekretessmarkerat dokument (Lägesbild) för Växjö kommun.');
    expect(sv('document.fileStored').text).toBe('Maria Nilsson, Region Kronoberg sparade en fil till ett sekretessmarkerat dokument (Lägesbild).');
    expect(sv('document.signed').text).toBe('Maria Nilsson, Region Kronoberg registrerade att Växjö kommun skrev under "Överenskommelse" den 1 december 2026.');
    expect(sv('chair.rotated')).toMatchObject({ who: 'Systemet', text: 'Ordförandeskapet gick enligt turordningen från Region Kronoberg till Växjö kommun.' });
    expect(sv('escalation.raised')).toMatchObject({
      text: 'Eskalering till chef: ärendet har stått i steget "Samla aktörerna" till tidsgränsen 10 december 2026.',
      changes: [
        { label: 'Underrättade', to: 'Per Holm (Chef)' },
        { label: 'Roller utan innehavare', to: 'Styrgrupp' },
      ],
    });
    expect(sv('action.updated').changes).toEqual([{ label: 'Status', from: 'planerad', to: 'pågår' }]);
    expect(sv('measurement.recorded').changes).toEqual([{ label: 'Värde 2025', from: null, to: '11,2' }]);
  });

  it('in English, and for someone the registry does not know', () => {
    const en = summarize(EVENTS.find((e) => e.type === 'party.added')!, lookups, 'en');
    expect(en).toMatchObject({
      who: 'Maria Nilsson, Region Kronoberg',
      what: 'Party added',
      text: 'Maria Nilsson, Region Kronoberg added Växjö kommun as a party (decides, contributes).',
    });
    const stranger = summarize(by({ changes: { arena: { from: null, to: 'x' } } }, 'case.fields.updated', 'okand.person'), lookups, 'sv');
    expect(stranger.who).toBe('En person vid Region Kronoberg');
  });
});
