import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { activeStateIds, initialCaseState, step, type CaseState, type EngineEvent } from '../../src/cases/case-engine.js';
import type { CompiledWorkflow } from '../../src/definitions/compile-workflow.js';
import { DefinitionRegistry } from '../../src/definitions/definition-registry.js';
import type { GateResult } from '../../src/rules/gate-evaluator.js';
import { appoint } from '../support/cases.js';
import { FIELD_LIFECYCLE, SECRETARIAT, STEERING_GROUP, startTestApp, type TestApp } from '../support/test-app.js';
import { figure, n, properties } from './figure.js';

const CASES = Number(process.env.R9_CASES ?? 40);
const FIELDS = ['arena', 'agreement', 'problemStatement', 'situationAnalysis', 'goals', 'resources', 'actionPlan', 'followUpReport'];

/** A command a secretariat or steering group might send, valid or not (gates block, roles refuse). */
const command = fc.oneof(
  // Fill the fields of the first n steps (so gates often hold), or remove some (so they stop holding).
  {
    weight: 3,
    arbitrary: fc.integer({ min: 1, max: FIELDS.length }).map((upTo) => ({ kind: 'fields' as const, names: FIELDS.slice(0, upTo), remove: false })),
  },
  { weight: 1, arbitrary: fc.subarray(FIELDS, { minLength: 1, maxLength: 2 }).map((names) => ({ kind: 'fields' as const, names, remove: true })) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('event' as const),
      type: fc.constantFrom('ADVANCE', 'ADVANCE', 'ADVANCE', 'REVISE_GOALS', 'REVISE_PLANS', 'CLOSE'),
      comment: fc.option(fc.constantFrom('Klart', 'Reviderat efter uppföljning'), { nil: undefined }),
      // The steering group may close and revise; only the secretariat advances.
      steering: fc.nat(3).map((x) => x === 0),
    }),
  },
);

interface StoredEvent {
  type: string;
  payload: { to?: CaseState; from?: CaseState; event?: EngineEvent; gate?: GateResult };
}

/**
 * Replays a case's history through its pinned workflow with the pure engine: the start state from
 * `initialCaseState`, then each `case.transitioned` event stepped with the gate verdicts it
 * recorded. Returns the rebuilt state and every place where the replay and the history disagree.
 */
function replay(workflow: CompiledWorkflow, events: readonly StoredEvent[]): { state: CaseState; disagreements: string[] } {
  const disagreements: string[] = [];
  let state = initialCaseState(workflow);
  if (events[0]?.type !== 'case.created' || !isDeepStrictEqual(events[0].payload.to, state))
    disagreements.push('event 1: not a case.created with the initial state');
  events.forEach((e, i) => {
    if (e.type !== 'case.transitioned') return;
    const at = `event ${i + 1}`;
    if (!isDeepStrictEqual(e.payload.from, state)) disagreements.push(`${at}: from ${JSON.stringify(e.payload.from)}, replay is at ${JSON.stringify(state)}`);
    const verdicts = Object.fromEntries((e.payload.gate?.ruleSets ?? []).map((r) => [r.id, r.passed]));
    const outcome = step(workflow, state, e.payload.event!, verdicts);
    if (outcome.kind !== 'moved') {
      disagreements.push(`${at}: the engine says ${outcome.kind}`);
      return;
    }
    if (!isDeepStrictEqual(outcome.to, e.payload.to))
      disagreements.push(`${at}: replay goes to ${JSON.stringify(outcome.to)}, history says ${JSON.stringify(e.payload.to)}`);
    state = outcome.to;
  });
  return { state, disagreements };
}

/**
 * R9, replay: cases driven by random command sequences (fields filled and removed, events sent,
 * many blocked by gates, roles or guards); afterwards each case's history, replayed through its
 * pinned workflow version with the pure engine, rebuilds exactly the stored state, steps and status.
 */
describe('R9 replay', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(FIELD_LIFECYCLE);
  });
  afterAll(() => t.close());

  it(`${CASES} cases with random histories: replaying each rebuilds its stored state`, async () => {
    const tally = { cases: 0, transitions: 0, refused: 0, closed: 0, loopedBack: 0 };
    const registry = t.app.get(DefinitionRegistry);
    const db = () => t.orm.em.fork().getConnection();

    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 10, maxLength: 80, size: 'max' }), async (commands) => {
        const id = (await t.request('POST', '/cases', { body: { workflow: 'samverkan', title: 'R9 – återspelning' } })).body.id as string;
        await appoint(t, id, 'steeringGroup', STEERING_GROUP);
        for (const c of commands) {
          const res =
            c.kind === 'fields'
              ? await t.request('PATCH', `/cases/${id}/fields`, { body: Object.fromEntries(c.names.map((f) => [f, c.remove ? null : `${f} ifyllt`])) })
              : await t.request('POST', `/cases/${id}/events`, {
                  body: { type: c.type, ...(c.comment ? { comment: c.comment } : {}) },
                  as: c.steering ? STEERING_GROUP : SECRETARIAT,
                });
          if (res.status >= 500) throw new Error(`${res.status} ${res.text}`);
          if (res.status >= 400) tally.refused++;
        }

        const [stored] = await db().execute<
          Array<{ workflow_id: string; workflow_version: number; state: CaseState; active_states: string[]; status: string }>
        >('select workflow_id, workflow_version, state, active_states, status from cases where id = ?', [id]);
        const events = await db().execute<StoredEvent[]>('select type, payload from audit_events where case_id = ? order by seq', [id]);
        const workflow = await registry.get(stored!.workflow_id, stored!.workflow_version);
        const { state, disagreements } = replay(workflow, events);
        expect(disagreements).toEqual([]);
        expect({ state, activeStates: activeStateIds(workflow, state), status: state.status === 'done' ? 'closed' : 'active' }).toEqual({
          state: stored!.state,
          activeStates: stored!.active_states,
          status: stored!.status,
        });
        // The service's own verification (signatures, and its replay compared with the tables) agrees.
        expect((await t.request('GET', `/cases/${id}/history/verify`)).body).toEqual({ valid: true, events: events.length });
        const transitions = events.filter((e) => e.type === 'case.transitioned');
        tally.cases++;
        tally.transitions += transitions.length;
        if (stored!.status === 'closed') tally.closed++;
        if (transitions.some((e) => e.payload.event?.type.startsWith('REVISE'))) tally.loopedBack++;
      }),
      properties(CASES),
    );

    expect(tally.transitions).toBeGreaterThan(CASES);
    figure(
      `R9: ${tally.cases} cases, ${n(tally.transitions)} transitions replayed through the pinned workflow → ${tally.cases} of ${tally.cases} rebuild the stored state ` +
        `(${n(tally.refused)} refused commands among them; ${tally.loopedBack} looped back, ${tally.closed} closed)`,
    );
  });
});
