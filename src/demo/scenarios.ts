import { actionPlan, addParties, appoint, benefits, commitResources, documentSignedBy, fields, followUpAndLoop, koladaFile, type DemoParty } from './steps.js';
import type { Walk } from './walk.js';

/*
 * The four cases of the seed (Att styra i territoriet), each walked through its whole lifecycle:
 * every gate is tried before it is satisfied, so the demo shows what the service says is missing.
 * Figures (baselines, measurements, amounts) are illustrative, not real statistics.
 */

const municipality = (name: string, code: string, benefit: string): DemoParty => ({
  name,
  kind: 'municipality',
  code,
  responsibilities: ['decides', 'contributes'],
  benefit,
});

/** Blekinge – "Blekinge unga lyfter": halve youth unemployment; a council with a rotating chair. */
export async function blekinge(w: Walk): Promise<void> {
  const benefit = 'Fler unga i arbete eller studier i kommunen och lägre kostnader för försörjningsstöd.';
  const parties: DemoParty[] = [
    {
      name: 'Region Blekinge',
      kind: 'region',
      code: '10',
      responsibilities: ['leads', 'decides', 'contributes'],
      benefit: 'Kompetensförsörjning i hela länet.',
    },
    municipality('Karlskrona kommun', '1080', benefit),
    municipality('Ronneby kommun', '1081', benefit),
    municipality('Karlshamns kommun', '1082', benefit),
    municipality('Olofströms kommun', '1060', benefit),
    municipality('Sölvesborgs kommun', '1083', benefit),
    {
      name: 'Arbetsförmedlingen',
      kind: 'stateAgency',
      responsibilities: ['contributes'],
      mustSign: true,
      benefit: 'Snabbare matchning av unga arbetssökande.',
    },
    {
      name: 'Blekinge Tekniska Högskola',
      kind: 'university',
      responsibilities: ['contributes'],
      benefit: 'Fler studenter från länet och samverkan kring forskning om ungas etablering.',
    },
    { name: 'Länsstyrelsen i Blekinge län', kind: 'stateAgency', responsibilities: ['informed'], benefit: '' },
  ];
  await w.start('blekinge', 'Blekinge unga lyfter', parties[0]!);
  await w.attempt('ADVANCE');
  const ids = await addParties(w, parties);
  const region = ids.get('Region Blekinge')!.id;
  const deciders = parties.filter((p) => p.responsibilities.includes('decides')).map((p) => ids.get(p.name)!.id);
  await fields(
    w,
    { arena: 'Blekingerådet: regionråd, kommunalråd, Arbetsförmedlingen, BTH och länsstyrelsen; möts varje kvartal.' },
    'Beskriver arenan: Blekingerådet',
  );
  await documentSignedBy(w, { title: 'Avsiktsförklaring Blekinge unga lyfter', kind: 'declarationOfIntent', registry: region, number: 'RB 2026/101' }, [
    ...deciders,
    ids.get('Arbetsförmedlingen')!.id,
  ]);
  await w.attempt('ADVANCE');
  await w.fix('Inrättar ambulerande ordförandeskap: regionen och de fem kommunerna, ett år var', async () => {
    const entries = [];
    for (const name of ['Region Blekinge', 'Karlskrona kommun', 'Ronneby kommun', 'Karlshamns kommun', 'Olofströms kommun', 'Sölvesborgs kommun']) {
      entries.push({ organisationId: ids.get(name)!.id, personId: await w.person(`Ordförande ${name}`, ids.get(name)!.id) });
    }
    await w.api.put(`/cases/${w.caseId}/chair/rotation`, { entries, periodMonths: 12 });
  });
  await w.advance();

  await w.attempt('ADVANCE');
  await documentSignedBy(
    w,
    { title: 'Gemensam problemanalys: ungdomsarbetslösheten i Blekinge', kind: 'problemStatement', registry: region, number: 'RB 2026/140' },
    deciders,
  );
  await w.advance();

  await w.attempt('ADVANCE');
  await documentSignedBy(
    w,
    { title: 'Nulägesanalys unga 16–24 år utanför arbete och studier', kind: 'situationAnalysis', registry: region, number: 'RB 2026/155' },
    [],
  );
  await fields(
    w,
    { dataSources: 'Kolada N03937 för Region Blekinge och kommunerna, Arbetsförmedlingens månadsstatistik.' },
    'Anger datakällorna: Kolada N03937',
  );
  await w.advance();

  let goalId = '';
  await w.fix('Lägger in målet "Halverad ungdomsarbetslöshet" (ännu utan utgångsvärde och målvärde)', async () => {
    goalId = (await w.api.post(`/cases/${w.caseId}/goals`, { title: 'Halverad ungdomsarbetslöshet i Blekinge', kpi: 'N03937', municipalityCode: '10' })).id;
  });
  await w.attempt('ADVANCE');
  await w.fix('Kompletterar målet: utgångsvärde 2022, målvärde −50 % till 2030', () =>
    w.api.patch(`/cases/${w.caseId}/goals/${goalId}`, { baselineValue: 12.4, baselineYear: 2022, targetKind: 'relative', targetValue: -50, targetYear: 2030 }),
  );
  await benefits(
    w,
    parties.filter((p) => p.benefit),
    ids,
  );
  await w.advance();

  await w.attempt('ADVANCE');
  await commitResources(w, [
    { organisationId: region, kind: 'money', amount: 2_000_000, unit: 'SEK', description: 'Navigatorcentrum, drift 2026' },
    ...['Karlskrona kommun', 'Ronneby kommun', 'Karlshamns kommun', 'Olofströms kommun', 'Sölvesborgs kommun'].map((n) => ({
      organisationId: ids.get(n)!.id,
      kind: 'staff',
      amount: 1,
      unit: 'FTE',
      description: 'Ungdomsguide',
    })),
    { organisationId: ids.get('Arbetsförmedlingen')!.id, kind: 'staff', amount: 2, unit: 'FTE', description: 'Handläggare i navigatorcentrum' },
    { organisationId: ids.get('Blekinge Tekniska Högskola')!.id, kind: 'staff', amount: 0.5, unit: 'FTE', description: 'Följeforskning' },
  ]);
  await w.advance();

  await w.attempt('ADVANCE');
  await actionPlan(w, [
    { title: 'En dörr in: öppna navigatorcentrum', responsibleOrganisationId: region, dueInDays: 60 },
    { title: 'Ungdomsguider i varje kommun', responsibleOrganisationId: ids.get('Karlskrona kommun')!.id, dueInDays: 90 },
  ]);
  await w.advance();

  await followUpAndLoop(
    w,
    () =>
      w.fix('Importerar utfallet 2025 från en fil i Koladas format', () =>
        w.api.post(`/cases/${w.caseId}/goals/kolada-import`, koladaFile([{ kpi: 'N03937', municipality: '10', period: 2025, value: 10.1 }])),
      ),
    { registry: region, number: 'RB 2027/12' },
  );
}

const KRONOBERG_REFERENCE = `Nämnden ställer sig bakom överenskommelsen Barnens bästa gäller i Kronoberg.
1. Nämnden prioriterar tidiga och förebyggande insatser för barn och unga.
2. Nämnden deltar i det regionala forumet och i den gemensamma styrgruppen.
3. Nämnden följer upp arbetet årligen tillsammans med de andra parterna.`;

/** Kronoberg – "Barnens bästa gäller": identical decisions in every board before joint work proceeds. */
export async function kronoberg(w: Walk): Promise<void> {
  const benefit = 'Tidigare och samordnade insatser för barn och unga i kommunen.';
  const parties: DemoParty[] = [
    {
      name: 'Region Kronoberg',
      kind: 'region',
      code: '07',
      responsibilities: ['leads', 'decides', 'contributes'],
      benefit: 'Färre barn och unga som behöver specialiserad vård.',
    },
    municipality('Alvesta kommun', '0764', benefit),
    municipality('Lessebo kommun', '0761', benefit),
    municipality('Ljungby kommun', '0781', benefit),
    municipality('Markaryds kommun', '0767', benefit),
    municipality('Tingsryds kommun', '0763', benefit),
    municipality('Uppvidinge kommun', '0760', benefit),
    municipality('Växjö kommun', '0780', benefit),
    municipality('Älmhults kommun', '0765', benefit),
  ];
  await w.start('kronoberg', 'Barnens bästa gäller', parties[0]!);
  const ids = await addParties(w, parties);
  const region = ids.get('Region Kronoberg')!.id;
  const all = parties.map((p) => ids.get(p.name)!.id);
  await fields(w, { arena: 'Regionalt forum Barnens bästa och lokala forum i varje kommun.' }, 'Beskriver arenorna: regionalt och lokala forum');
  await documentSignedBy(w, { title: 'Överenskommelse Barnens bästa gäller', kind: 'agreement', registry: region, number: 'RK 2026/88' }, all);
  await w.attempt('ADVANCE');
  await appoint(w, 'steeringGroup', region, 'Maria Nilsson');
  await w.advance();

  await w.attempt('ADVANCE');
  const boards = parties.map((p) => ({
    name: p.name,
    organisationId: ids.get(p.name)!.id,
    board: ids.get(p.name)!.boards.get(p.kind === 'region' ? 'Regionstyrelsen' : 'Socialnämnden')!,
  }));
  await w.fix(`Lägger upp beslutspunkten "joint-agreement" med referenstexten och ${boards.length} nämnder som ska besluta`, () =>
    w.api.post(`/cases/${w.caseId}/decision-points`, {
      key: 'joint-agreement',
      title: 'Likalydande beslut: Barnens bästa gäller',
      referenceText: KRONOBERG_REFERENCE,
      boardIds: boards.map((b) => b.board),
    }),
  );
  const alvesta = boards.find((b) => b.name === 'Alvesta kommun')!;
  const decided = (text: string, offset: number) => ({
    status: 'announced',
    text,
    meetingDate: w.daysAgo(60 + offset),
    minutesParagraph: `§ ${40 + offset}`,
    minutesApprovedDate: w.daysAgo(55 + offset),
    announcedDate: w.daysAgo(54 + offset),
  });
  await w.fix(
    'Varje parts sekretariat registrerar sin nämnds beslut (sammanträde, §, justering, anslag) – Alvestas text registreras med en avvikelse',
    async () => {
      for (const [i, b] of boards.entries()) {
        const text = b === alvesta ? KRONOBERG_REFERENCE.replace('tidiga och förebyggande insatser', 'tidiga insatser') : KRONOBERG_REFERENCE;
        const own = await w.secretariatOf(b.organisationId, b.name);
        await own.put(`/cases/${w.caseId}/decision-points/joint-agreement/decisions/${b.board}`, decided(text, i));
      }
    },
  );
  await w.attempt('ADVANCE');
  const point = await w.api.get(`/cases/${w.caseId}/decision-points/joint-agreement`);
  const line = point.boards.find((l: any) => l.board.id === alvesta.board);
  w.say(
    `  ⇄ Orddiff för ${line.board.label}: ${line.text.diff
      .filter((p: any) => p.op !== 'same')
      .map((p: any) => `${p.op === 'missing' ? 'saknas' : 'tillagt'}: "${p.words.join(' ')}"`)
      .join('; ')}`,
  );
  await w.fix('Alvestas sekretariat rättar registreringen enligt det justerade protokollet', async () =>
    (await w.secretariatOf(alvesta.organisationId, alvesta.name)).put(`/cases/${w.caseId}/decision-points/joint-agreement/decisions/${alvesta.board}`, {
      ...decided(KRONOBERG_REFERENCE, boards.indexOf(alvesta)),
      correction: 'Rättad enligt det justerade protokollet: texten registrerades fel',
    }),
  );
  await w.advance();

  await w.attempt('ADVANCE');
  await documentSignedBy(
    w,
    { title: 'Gemensam problembild: barn och unga i behov av tidiga insatser', kind: 'problemStatement', registry: region, number: 'RK 2026/130' },
    all,
  );
  await w.advance();
  await documentSignedBy(w, { title: 'Nulägesanalys barn och unga i Kronoberg', kind: 'situationAnalysis', registry: region, number: 'RK 2026/150' }, []);
  await fields(w, { dataSources: 'Elevhälsans data, socialtjänstens orosanmälningar, Kolada.' }, 'Anger datakällorna');
  await w.advance();
  await w.fix('Lägger in mål för regionen och varje kommun', async () => {
    for (const p of parties) {
      await w.api.post(`/cases/${w.caseId}/goals`, {
        title: `Färre orosanmälningar som leder till placering – ${p.name}`,
        indicatorName: 'Placeringar per 1 000 barn',
        unit: 'per 1 000',
        organisationId: ids.get(p.name)!.id,
        baselineValue: 8,
        baselineYear: 2024,
        targetKind: 'relative',
        targetValue: -25,
        targetYear: 2030,
      });
    }
  });
  await benefits(w, parties, ids);
  await w.advance();
  await commitResources(
    w,
    parties.map((p) => ({ organisationId: ids.get(p.name)!.id, kind: 'staff', amount: 0.5, unit: 'FTE', description: 'Samordnare för tidiga insatser' })),
  );
  await w.advance();
  await actionPlan(w, [
    { title: 'Gemensamma arbetsgrupper per kommun', responsibleOrganisationId: region, dueInDays: 45 },
    { title: 'Utbildning i tidiga insatser för förskola och skola', responsibleOrganisationId: ids.get('Växjö kommun')!.id, dueInDays: 120 },
  ]);
  await w.advance();

  await followUpAndLoop(
    w,
    () =>
      w.fix('Registrerar årets mätvärden för varje mål', async () => {
        for (const goal of await w.api.get(`/cases/${w.caseId}/goals`))
          await w.api.post(`/cases/${w.caseId}/goals/${goal.id}/measurements`, { period: 2026, value: 7.2 });
      }),
    { registry: region, number: 'RK 2027/9' },
  );
}

/** Borås – Centrum för kunskap och säkerhet: the municipality leads but does not decide; subgroups. */
export async function boras(w: Walk): Promise<void> {
  const parties: DemoParty[] = [
    {
      name: 'Borås Stad',
      kind: 'municipality',
      code: '1490',
      responsibilities: ['leads', 'contributes'],
      mustSign: true,
      benefit: 'Tryggare stadsdelar och ett samlat kunskapsläge.',
    },
    {
      name: 'Polismyndigheten',
      kind: 'stateAgency',
      responsibilities: ['decides', 'contributes'],
      benefit: 'Färre brott genom förebyggande arbete tillsammans med kommunen.',
    },
    {
      name: 'Västra Götalandsregionen',
      kind: 'region',
      code: '14',
      responsibilities: ['decides', 'contributes'],
      benefit: 'Tidig upptäckt av unga i riskzon via vården.',
    },
    { name: 'Högskolan i Borås', kind: 'university', responsibilities: ['contributes'], benefit: 'Forskningsunderlag och praktikplatser.' },
    { name: 'Länsstyrelsen i Västra Götalands län', kind: 'stateAgency', responsibilities: ['informed'], benefit: '' },
  ];
  await w.start('boras', 'Centrum för kunskap och säkerhet', parties[0]!);
  const ids = await addParties(w, parties);
  const boras = ids.get('Borås Stad')!.id;
  const police = ids.get('Polismyndigheten')!.id;
  const vgr = ids.get('Västra Götalandsregionen')!.id;
  await fields(w, { arena: 'Samverkansforum med operativa chefer från kommunen, polisen och regionen.' }, 'Beskriver arenan: samverkansforum');
  await documentSignedBy(
    w,
    { title: 'Avsiktsförklaring Centrum för kunskap och säkerhet', kind: 'declarationOfIntent', registry: boras, number: 'KS 2026/77' },
    [boras, vgr],
  );
  await w.attempt('ADVANCE');
  await w.fix('Polismyndigheten skriver under avsiktsförklaringen (varje part beslutar själv)', async () => {
    const declaration = (await w.api.get(`/cases/${w.caseId}/documents`)).find((d: any) => d.kind === 'declarationOfIntent');
    await w.api.post(`/cases/${w.caseId}/documents/${declaration.id}/signatures`, { organisationId: police, signedOn: w.daysAgo(20) });
  });
  await w.advance();

  await documentSignedBy(
    w,
    { title: 'Gemensamt problem: otrygghet och brott i centrala Borås', kind: 'problemStatement', registry: boras, number: 'KS 2026/90' },
    [police, vgr],
  );
  await w.advance();
  await w.attempt('ADVANCE');
  await documentSignedBy(w, { title: 'Lägesbild enligt lag (2023:196)', kind: 'situationAnalysis', registry: boras, number: 'KS 2026/95' }, []);
  await fields(w, { dataSources: 'Polisens lägesbild, kommunens trygghetsmätning, BRÅ:s NTU.' }, 'Anger datakällorna för lägesbilden');
  await w.advance();
  await w.fix('Lägger in mål för kommunen, polisen och regionen', async () => {
    for (const [name, title] of [
      ['Borås Stad', 'Ökad upplevd trygghet'],
      ['Polismyndigheten', 'Färre anmälda våldsbrott i centrum'],
      ['Västra Götalandsregionen', 'Fler unga i riskzon fångas upp tidigt'],
    ] as const) {
      await w.api.post(`/cases/${w.caseId}/goals`, {
        title,
        indicatorName: title,
        organisationId: ids.get(name)!.id,
        baselineValue: 100,
        baselineYear: 2025,
        targetKind: 'relative',
        targetValue: name === 'Borås Stad' || name === 'Västra Götalandsregionen' ? 20 : -20,
        targetYear: 2028,
      });
    }
  });
  await benefits(
    w,
    parties.filter((p) => p.benefit),
    ids,
  );
  await w.advance();
  await commitResources(w, [
    { organisationId: boras, kind: 'premises', amount: 1, unit: 'lokal', description: 'Centrumets lokaler' },
    { organisationId: police, kind: 'staff', amount: 2, unit: 'FTE', description: 'Kommunpoliser' },
    { organisationId: vgr, kind: 'staff', amount: 0.5, unit: 'FTE', description: 'Ungdomsmottagningen' },
    { organisationId: ids.get('Högskolan i Borås')!.id, kind: 'staff', amount: 0.2, unit: 'FTE', description: 'Analysstöd' },
  ]);
  await w.advance();

  const [walk] = await actionPlan(w, [{ title: 'Trygghetsvandringar i centrum', responsibleOrganisationId: boras, dueInDays: 30 }]);
  await w.attempt('ADVANCE');
  await w.fix('Sätter undergruppen för trygghetsvandringarna: kommunen och polisen', () =>
    w.api.patch(`/cases/${w.caseId}/actions/${walk}`, { subgroup: [boras, police] }),
  );
  await w.advance();

  await followUpAndLoop(
    w,
    () =>
      w.fix('Registrerar mätvärden 2026', async () => {
        for (const goal of await w.api.get(`/cases/${w.caseId}/goals`))
          await w.api.post(`/cases/${w.caseId}/goals/${goal.id}/measurements`, { period: 2026, value: goal.target.resolvedValue > 100 ? 110 : 92 });
      }),
    { registry: boras, number: 'KS 2027/5' },
  );
}

/** Örebro – Business Region Örebro: an agreement signed by all, the RUS, something back to each party. */
export async function orebro(w: Walk): Promise<void> {
  const codes: Array<[string, string]> = [
    ['Örebro kommun', '1880'],
    ['Kumla kommun', '1881'],
    ['Hallsbergs kommun', '1861'],
    ['Askersunds kommun', '1882'],
    ['Laxå kommun', '1860'],
    ['Lekebergs kommun', '1814'],
    ['Karlskoga kommun', '1883'],
    ['Degerfors kommun', '1862'],
    ['Lindesbergs kommun', '1885'],
    ['Nora kommun', '1884'],
    ['Hällefors kommun', '1863'],
    ['Ljusnarsbergs kommun', '1864'],
  ];
  const parties: DemoParty[] = [
    { name: 'Region Örebro län', kind: 'region', code: '18', responsibilities: ['leads', 'decides', 'contributes'], benefit: 'Regional tillväxt enligt RUS.' },
    ...codes.map(([name, code]) => municipality(name, code, 'Fler etableringar och arbetstillfällen i kommunen.')),
    { name: 'Örebro universitet', kind: 'university', responsibilities: ['contributes'], benefit: 'Samverkan med näringslivet om kompetens.' },
  ];
  await w.start('orebro', 'Business Region Örebro', parties[0]!);
  const ids = await addParties(w, parties);
  const region = ids.get('Region Örebro län')!.id;
  await fields(w, { arena: 'Business Region Örebro: regionråd och kommunalråd styr, näringslivscheferna samverkar.' }, 'Beskriver arenan');
  await w.attempt('ADVANCE');
  const deciders = parties.filter((p) => p.responsibilities.includes('decides')).map((p) => ids.get(p.name)!.id);
  await documentSignedBy(w, { title: 'Avtal om Business Region Örebro', kind: 'agreement', registry: region, number: 'RÖ 2026/301' }, deciders);
  await documentSignedBy(
    w,
    { title: 'Regional utvecklingsstrategi för Örebroregionen (RUS)', kind: 'steeringDocument', registry: region, number: 'RÖ 2025/2100' },
    [],
  );
  await w.advance();

  await documentSignedBy(
    w,
    { title: 'Gemensamt problem: för få nyetableringar utanför Örebro', kind: 'problemStatement', registry: region, number: 'RÖ 2026/320' },
    deciders,
  );
  await w.advance();
  await documentSignedBy(w, { title: 'Nulägesanalys etableringar och arbetsmarknad', kind: 'situationAnalysis', registry: region, number: 'RÖ 2026/330' }, []);
  await fields(w, { dataSources: 'SCB:s företagsregister, Kolada, kommunernas etableringsstatistik.' }, 'Anger datakällorna');
  await w.advance();

  await w.fix('Lägger in regionens mål och Örebro kommuns mål', async () => {
    for (const name of ['Region Örebro län', 'Örebro kommun']) await goal(w, name, ids.get(name)!.id);
  });
  await benefits(w, parties, ids);
  await w.attempt('ADVANCE');
  await w.fix(
    'Lägger in ett mål för var och en av de elva andra kommunerna och universitetet, och beskriver målkonflikterna mot översiktsplanerna',
    async () => {
      for (const [name] of codes.slice(1)) await goal(w, name, ids.get(name)!.id);
      await w.api.post(`/cases/${w.caseId}/goals`, {
        title: 'Fler forskningssamarbeten med näringslivet',
        indicatorName: 'Samverkansprojekt med företag (antal)',
        organisationId: ids.get('Örebro universitet')!.id,
        baselineValue: 10,
        baselineYear: 2024,
        targetKind: 'absolute',
        targetValue: 25,
        targetYear: 2030,
      });
      await w.api.patch(`/cases/${w.caseId}/fields`, {
        goalConflicts: 'RUS:s mål om verksamhetsmark mot ÖP:ernas jordbruksmark: hanteras i den regionala planeringsgruppen.',
      });
    },
  );
  await w.advance();
  await commitResources(
    w,
    parties.map((p) => ({
      organisationId: ids.get(p.name)!.id,
      kind: p.kind === 'region' ? 'money' : 'staff',
      amount: p.kind === 'region' ? 3_000_000 : 0.25,
      unit: p.kind === 'region' ? 'SEK' : 'FTE',
      description: 'Gemensamt etableringsarbete',
    })),
  );
  await w.advance();
  await actionPlan(w, [
    { title: 'Gemensam etableringsportal', responsibleOrganisationId: region, dueInDays: 90 },
    { title: 'Näringslivschefernas etableringsråd', responsibleOrganisationId: ids.get('Örebro kommun')!.id, dueInDays: 30 },
  ]);
  await w.advance();

  await followUpAndLoop(
    w,
    () =>
      w.fix('Registrerar etableringarna 2026 för varje mål', async () => {
        for (const g of await w.api.get(`/cases/${w.caseId}/goals`))
          await w.api.post(`/cases/${w.caseId}/goals/${g.id}/measurements`, { period: 2026, value: 112 });
      }),
    { registry: region, number: 'RÖ 2027/15' },
    () => fields(w, { effectEvaluation: 'Effekterna utvärderas mot RUS:s indikatorer av Örebro universitet.' }, 'Beskriver effektutvärderingen'),
  );
}

async function goal(w: Walk, name: string, organisationId: string): Promise<void> {
  await w.api.post(`/cases/${w.caseId}/goals`, {
    title: `Fler nyetableringar – ${name}`,
    indicatorName: 'Nyetablerade företag (index 2024 = 100)',
    organisationId,
    baselineValue: 100,
    baselineYear: 2024,
    targetKind: 'relative',
    targetValue: 20,
    targetYear: 2030,
  });
}

export const SCENARIOS = { blekinge, kronoberg, boras, orebro } as const;
export type ScenarioName = keyof typeof SCENARIOS;
