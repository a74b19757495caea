import { createToggleCases, startBenchApp } from './lib/bench-app.js';
import { fmt, ownCase, ratio, type BenchContext, type BenchOutcome } from './lib/context.js';
import { alternate, throughput } from './lib/measure.js';
import { describeShares, profiled, summarizeProfile } from './lib/profile.js';
import { BpmnPeer, LIFECYCLE_STEPS } from './lib/peer-bpmn.js';

/** B7's goal: our persisted commands are at least ten times as many per second as the peer's. */
export const B7_GOAL = 10;

/**
 * B7, the peer: the seven-step lifecycle on bpmn-engine persisted in the same PostgreSQL (see
 * {@link BpmnPeer}), against our B1 path (TOGGLE through `CasesService.send`) on the same database
 * and concurrency, in alternating rounds. A peer command is a start (run to the first task) or a
 * signal of the waiting task; each worker runs whole lifecycles, start plus seven signals.
 */
export async function runB7(ctx: BenchContext): Promise<BenchOutcome> {
  const { concurrency, cases: caseCount, seconds, rounds } = ctx.settings;
  const bench = await startBenchApp('bench', concurrency);
  try {
    const peer = await BpmnPeer.open(bench.pool);
    ctx.log(`B7: creating ${caseCount} cases for our path`);
    const ours = await createToggleCases(bench.cases, bench.actor, caseCount);
    const lifecycles = { completed: 0 };
    const current = new Map<number, string | undefined>();
    const peerCommand = async (worker: number) => {
      const id = current.get(worker);
      if (!id) {
        current.set(worker, await peer.start());
        return;
      }
      if ((await peer.step(id)) === LIFECYCLE_STEPS.at(-1)) {
        lifecycles.completed++;
        current.delete(worker);
      }
    };
    const contenders = {
      service: (s: number) => throughput(concurrency, s, (w, i) => bench.cases.send(ownCase(ours, concurrency, w, i), { type: 'TOGGLE' }, bench.actor)),
      peer: (s: number) => throughput(concurrency, s, (w) => peerCommand(w)),
    };
    ctx.log('B7: warming up');
    await contenders.service(1);
    await contenders.peer(1);
    lifecycles.completed = 0;
    ctx.log(`B7: ${rounds} rounds of ${seconds} s each: service, peer`);
    const measured = await alternate(rounds, { service: () => contenders.service(seconds), peer: () => contenders.peer(seconds) });
    const peerSeconds = measured.peer.runs.reduce((sum, r) => sum + r.seconds, 0);
    const completed = lifecycles.completed;
    const profile = ctx.settings.profile ? summarizeProfile((await profiled(() => contenders.peer(seconds))).profile) : undefined;
    if (profile) ctx.log(`B7: peer CPU by package: ${describeShares(profile, 12)}`);

    const sizes = await bench.pool.query<{ peer: string; peer_waiting: string; ours: string; ours_row: string; ours_history: string }>(`
      select
        (select avg(pg_column_size(state)) from bpmn_cases) as peer,
        (select avg(octet_length(state::text)) from bpmn_cases where state->>'state' = 'running') as peer_waiting,
        (select avg(pg_column_size(state)) from cases) as ours,
        (select avg(pg_column_size(c.*)) from cases c) as ours_row,
        (select avg(pg_column_size(e.*)) from audit_events e where e.type = 'case.transitioned') as ours_history`);
    const size = sizes.rows[0]!;
    const fullPeerState = await peer.fullStateBytes();

    const service = measured.service.median;
    const peerRate = measured.peer.median;
    ctx.shared.b1OursPerSecond ??= service;
    return {
      rows: [
        {
          bench: 'B7',
          what: `the peer: bpmn-engine, recover → resume → signal → getState → jsonb, ${concurrency} workers (commands/s; CPU ms per command)`,
          ours: `${fmt(service)} (${fmt(measured.service.cpuMsPerOp ?? NaN, 2)} ms)`,
          limit: `bpmn-engine ${fmt(peerRate)} (${fmt(measured.peer.cpuMsPerOp ?? NaN, 2)} ms)`,
          ratio: ratio(service / peerRate, true),
          goal: `ours ≥ ${B7_GOAL}× the peer`,
          met: service / peerRate >= B7_GOAL ? 'yes' : 'no',
        },
        {
          bench: 'B7',
          what: 'stored state per case (bytes, jsonb column)',
          ours: `${fmt(Number(size.ours))} (row ${fmt(Number(size.ours_row))}; each history event ${fmt(Number(size.ours_history))})`,
          limit: `bpmn-engine ${fmt(Number(size.peer))} stored (${fmt(Number(size.peer_waiting))} as JSON text; ${fmt(fullPeerState)} with the source getState() embeds)`,
          ratio: `${ratio(Number(size.peer) / Number(size.ours), true)} smaller`,
          goal: '–',
          met: '–',
        },
        ...(profile
          ? [
              {
                bench: 'B7',
                what: 'where the peer CPU goes (profile of one extra run)',
                ours: '–',
                limit: describeShares(profile),
                ratio: '–',
                goal: '–',
                met: '–',
              },
            ]
          : []),
      ],
      figures: {
        commandsPerSecond: { service, peer: peerRate },
        ratio: service / peerRate,
        peerLifecyclesPerSecond: completed / peerSeconds,
        cpuMsPerCommand: { service: measured.service.cpuMsPerOp, peer: measured.peer.cpuMsPerOp },
        runs: { service: measured.service.runs.map((r) => Math.round(r.perSecond)), peer: measured.peer.runs.map((r) => Math.round(r.perSecond)) },
        stateBytes: {
          oursStateColumn: Number(size.ours),
          oursCaseRow: Number(size.ours_row),
          oursHistoryEventEach: Number(size.ours_history),
          peerStateColumn: Number(size.peer),
          peerStateJsonWhileWaiting: Number(size.peer_waiting),
          peerGetStateWithSource: fullPeerState,
        },
        concurrency,
        ...(profile ? { peerProfile: profile } : {}),
      },
    };
  } finally {
    await bench.close();
  }
}
