import { CaseRecord } from '../src/cases/case.entity.js';
import { DefinitionRegistry } from '../src/definitions/definition-registry.js';
import { FactService } from '../src/facts/fact.service.js';
import { REQUIRED_BOARDS_SQL, requiredBoardsParameters } from '../src/facts/providers/decisions.facts.js';
import { stockholmDate } from '../src/calendar/working-days.js';
import { evaluateGate, factRequestsOf } from '../src/rules/gate-evaluator.js';
import { GateService } from '../src/cases/gate.service.js';
import { WORKING_CALENDAR } from '../src/calendar/calendar.provider.js';
import { ADMINISTRATOR, type TestActor } from '../test/support/test-app.js';
import { startBenchApp, type BenchApp } from './lib/bench-app.js';
import { fmt, ratio, type BenchContext, type BenchOutcome, type BenchRow } from './lib/context.js';
import { latencies, type Latencies } from './lib/measure.js';
import { numbered } from './lib/sql.js';
import { describeShares, profiled, summarizeProfile, type ProfileShare } from './lib/profile.js';

/** B5's goal: the p99 of one evaluation of the gate, database reads included, in ms. */
export const B5_GOAL_P99_MS = 5;

/** Sweden's 21 regions (their county codes). */
const REGION_CODES = ['01', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13', '14', '17', '18', '19', '20', '21', '22', '23', '24', '25'];
const MUNICIPALITIES = 290;
const RULE_SET = 'identical-decisions';
const POINT = 'joint-agreement';

/** A joint decision of the length such decisions have (about 150 words, numbered points). */
const REFERENCE_TEXT = [
  'Nämnden beslutar',
  '1. att godkänna överenskommelsen om samverkan för barns och ungas bästa i länet för perioden 2027–2030,',
  '2. att ställa sig bakom den gemensamma problembilden och nulägesanalysen som grund för arbetet,',
  '3. att de gemensamma målen ska följas upp årligen med nyckeltal ur Kolada och redovisas för samtliga parter,',
  '4. att bidra med de resurser som anges i överenskommelsens bilaga 2, inom ramen för beslutad budget,',
  '5. att utse en kontaktperson till det gemensamma sekretariatet och en ledamot till styrgruppen,',
  '6. att ordförandeskapet i styrgruppen roterar mellan parterna enligt överenskommelsen, och',
  '7. att uppdra åt förvaltningen att senast den 31 mars varje år redovisa hur arbetet har bidragit till målen.',
].join('\n');

interface Variant {
  name: string;
  passed: boolean;
  failures: number;
  full: Latencies;
  rulesOnly: Latencies;
  rawSql: Latencies;
  /** With --profile: where the full evaluation's CPU went (an extra, unmeasured run). */
  profile?: ProfileShare[];
}

/**
 * B5, the big gate: Kronoberg's identical-decisions rule set (every board has adopted the reference
 * text, word for word after normalisation) over one decision point with 311 boards, one for each
 * of Sweden's 290 municipalities and 21 regions, all parties to one case. Measured: one evaluation
 * as a command makes it (facts read from the database in a fresh unit of work, every text compared
 * with the reference, json-rules-engine), the rules alone on facts already computed, and the raw
 * limit: the one SQL statement that reads the boards and decisions, through `pg` alone. Twice: with every decision identical
 * (the gate passes) and with 31 texts differing by a word and 10 boards not yet decided (it blocks,
 * explaining each of the 41).
 *
 * Set-up goes through the API as the people would (the administrator registers the organisations
 * and boards, each organisation's secretariat records its board's decision): about 1,500 requests.
 */
export async function runB5(ctx: BenchContext): Promise<BenchOutcome> {
  const runs = ctx.settings.gateRuns;
  const warmup = Math.max(5, Math.round(runs / 10));
  const bench = await startBenchApp('shipped', 4);
  try {
    ctx.log('B5: registering 311 organisations with a board each, one case, 311 parties and decisions');
    const setup = await setUp(bench);
    const variants: Variant[] = [];
    variants.push(await measure(bench, setup.caseId, 'every decision identical', runs, warmup, ctx.settings.profile));
    ctx.log('B5: 31 texts changed by a word, 10 boards back to "proposed"');
    for (const [i, board] of setup.boards.slice(0, 41).entries()) {
      const changed = i < 31 ? REFERENCE_TEXT.replace('2027–2030', '2027–2031') : null;
      await recordDecision(bench, setup.caseId, board, changed === null ? { status: 'proposed' } : decided(changed));
    }
    variants.push(await measure(bench, setup.caseId, '31 texts differ, 10 boards not decided', runs, warmup, ctx.settings.profile));
    if (!variants[0]!.passed || variants[1]!.passed || variants[1]!.failures !== 41) {
      throw new Error(`B5: the gate did not judge as set up: ${variants.map((v) => `${v.name}: passed ${v.passed}, ${v.failures} failures`).join('; ')}`);
    }
    for (const v of variants) {
      ctx.log(
        `B5: ${v.name}: full p50 ${fmt(v.full.p50, 2)} ms, p99 ${fmt(v.full.p99, 2)} ms; rules ${fmt(v.rulesOnly.p50, 2)} ms; raw SQL ${fmt(v.rawSql.p50, 2)} ms`,
      );
      if (v.profile) ctx.log(`B5: ${v.name}: CPU by package: ${describeShares(v.profile, 12)}`);
    }
    return { rows: variants.flatMap(rowsOf), figures: { boards: setup.boards.length, runs, warmup, variants } };
  } finally {
    await bench.close();
  }
}

function rowsOf(v: Variant): BenchRow[] {
  const ms = (l: Latencies) => `p50 ${fmt(l.p50, 2)} ms, p99 ${fmt(l.p99, 2)} ms`;
  const where = v.profile
    ? [
        {
          bench: 'B5',
          what: `where the evaluation's CPU goes, ${v.name} (profile of an extra run)`,
          ours: describeShares(v.profile),
          limit: '–',
          ratio: '–',
          goal: '–',
          met: '–',
        },
      ]
    : [];
  return [
    {
      bench: 'B5',
      what: `identical-decisions gate over 311 boards, ${v.name} (${v.passed ? 'passes' : `blocks with ${v.failures} explanations`}); ${fmt(v.full.runs)} evaluations`,
      ours: `${ms(v.full)} (rules alone on computed facts: ${ms(v.rulesOnly)})`,
      limit: `its one SQL statement through pg alone: ${ms(v.rawSql)}`,
      ratio: `${ratio(v.rawSql.p50 / v.full.p50)} (p50)`,
      goal: `p99 < ${B5_GOAL_P99_MS} ms`,
      met: v.full.p99 < B5_GOAL_P99_MS ? 'yes' : 'no',
    },
    ...where,
  ];
}

async function measure(bench: BenchApp, caseId: string, name: string, runs: number, warmup: number, profile: boolean): Promise<Variant> {
  const app = bench.t.app;
  const record = await bench.t.orm.em.fork().findOneOrFail(CaseRecord, { id: caseId });
  const workflow = await app.get(DefinitionRegistry).get(record.workflowId, record.workflowVersion);
  const now = bench.t.clock.now();
  const gates = app.get(GateService);
  const evaluate = () => gates.evaluate(bench.t.orm.em.fork(), record, workflow, [RULE_SET], now);
  const verdict = await evaluate();

  const ruleSets = [workflow.ruleSets.get(RULE_SET)!];
  const values = await app.get(FactService).compute({ em: bench.t.orm.em.fork(), record, now, calendar: app.get(WORKING_CALENDAR) }, factRequestsOf(ruleSets));
  // The raw limit: the statement the fact provider sends, through `pg` alone (no ORM, no comparing).
  const point = (
    await bench.pool.query<{ id: string; reference_text: string; board_ids: string[] }>(
      'select id, reference_text, board_ids from decision_points where case_id = $1 and key = $2',
      [caseId, POINT],
    )
  ).rows[0]!;
  const rawParameters = requiredBoardsParameters({ id: point.id, referenceText: point.reference_text, boardIds: point.board_ids }, stockholmDate(now));
  const raw = () => bench.pool.query(numbered(REQUIRED_BOARDS_SQL), rawParameters);
  return {
    name,
    passed: verdict.passed,
    failures: verdict.failures.length,
    full: await latencies(runs, warmup, evaluate),
    rulesOnly: await latencies(runs, warmup, () => evaluateGate(ruleSets, values)),
    rawSql: await latencies(runs, warmup, raw),
    ...(profile ? { profile: summarizeProfile((await profiled(() => latencies(runs, 0, evaluate))).profile) } : {}),
  };
}

/** The organisations, their boards, the case with every organisation a party, the decision point and 311 identical decisions. */
async function setUp(bench: BenchApp): Promise<{ caseId: string; boards: Board[] }> {
  const codes = [...REGION_CODES, ...municipalityCodes()];
  const boards: Board[] = [];
  const organisations: string[] = [];
  for (const code of codes) {
    const region = code.length === 2;
    const org = await ok(bench, 'POST', '/organisations', ADMINISTRATOR, {
      name: region ? `Region ${code}` : `Kommun ${code}`,
      kind: region ? 'region' : 'municipality',
      municipalityCode: code,
    });
    const board = await ok(bench, 'POST', `/organisations/${org.id}/boards`, ADMINISTRATOR, {
      name: region ? 'Regionstyrelsen' : 'Kommunstyrelsen',
      kind: 'executive',
    });
    organisations.push(org.id);
    boards.push({ board: board.id, code });
  }
  const lead = secretariatOf('07');
  const created = await ok(bench, 'POST', '/cases', lead, { workflow: 'kronoberg', title: 'Barnens bästa i hela Sverige' });
  const leadOrganisation = (await bench.t.identity(lead)).organisationId;
  for (const [i, code] of codes.entries()) {
    if (organisations[i] === leadOrganisation) continue;
    await ok(bench, 'POST', `/cases/${created.id}/parties`, lead, { organisationId: organisations[i], responsibilities: ['decides', 'contributes'] });
    const { personId } = await bench.t.identity(secretariatOf(code));
    await ok(bench, 'POST', `/cases/${created.id}/roles`, lead, { role: 'secretariat', organisationId: organisations[i], holderId: personId });
  }
  await ok(bench, 'POST', `/cases/${created.id}/decision-points`, lead, {
    key: POINT,
    title: 'Likalydande beslut',
    referenceText: REFERENCE_TEXT,
    boardIds: boards.map((b) => b.board),
  });
  // Identical after normalisation, not byte for byte: the way minutes are typed differs.
  for (const [i, board] of boards.entries())
    await recordDecision(bench, created.id, board, decided(i % 2 ? REFERENCE_TEXT : REFERENCE_TEXT.replace(/\n/g, '\n\n').toUpperCase()));
  return { caseId: created.id, boards };
}

/** Decided, minutes approved and announced before the bench clock's today. */
function decided(text: string) {
  return { status: 'announced', text, meetingDate: '2026-11-10', minutesApprovedDate: '2026-11-16', announcedDate: '2026-11-17' };
}

/** A board's decision, recorded by the secretariat of the board's organisation. */
async function recordDecision(bench: BenchApp, caseId: string, { board, code }: Board, body: Record<string, unknown>): Promise<void> {
  await ok(bench, 'PUT', `/cases/${caseId}/decision-points/${POINT}/decisions/${board}`, secretariatOf(code), body);
}

/** A board and the code of its organisation. */
interface Board {
  board: string;
  code: string;
}

/** The secretariat of the organisation with this municipality or county code. */
function secretariatOf(code: string): TestActor {
  return { person: `sekretariat.${code}`, organisation: code };
}

/** 290 four-digit codes, 13 or 14 under each region's code (not the real list: the count is what matters here). */
function municipalityCodes(): string[] {
  const codes: string[] = [];
  for (let n = 0; codes.length < MUNICIPALITIES; n++) {
    const region = REGION_CODES[n % REGION_CODES.length]!;
    codes.push(`${region}${String(10 + Math.floor(n / REGION_CODES.length)).padStart(2, '0')}`);
  }
  return codes;
}

async function ok(bench: BenchApp, method: string, path: string, as: TestActor, body: unknown): Promise<{ id: string }> {
  const res = await bench.t.request(method, path, { as, body });
  if (res.status >= 300) throw new Error(`B5 set-up: ${method} ${path}: ${res.status} ${res.text.slice(0, 300)}`);
  return res.body;
}
