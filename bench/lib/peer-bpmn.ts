import { randomUUID } from 'node:crypto';
import { Engine } from 'bpmn-engine';
import type pg from 'pg';

/** The seven steps of the samverkan lifecycle, as BPMN user tasks in sequence. */
export const LIFECYCLE_STEPS = ['gatherActors', 'jointProblem', 'situationAnalysis', 'goals', 'resources', 'actionPlans', 'followUp'] as const;

/** The samverkan lifecycle as a BPMN 2.0 process: start → seven user tasks → end. */
export function lifecycleBpmn(): string {
  const nodes = ['start', ...LIFECYCLE_STEPS, 'end'];
  const flows = nodes.slice(1).map((to, i) => `    <sequenceFlow id="flow${i}" sourceRef="${nodes[i]}" targetRef="${to}" />`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions id="samverkanDefinitions" xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <process id="samverkan" isExecutable="true">
    <startEvent id="start" />
${LIFECYCLE_STEPS.map((s) => `    <userTask id="${s}" name="${s}" />`).join('\n')}
    <endEvent id="end" />
${flows.join('\n')}
  </process>
</definitions>`;
}

type SavedState = Awaited<ReturnType<Engine['getState']>>;
type SourceContext = NonNullable<ConstructorParameters<typeof Engine>[0]>['sourceContext'];

/**
 * The peer, bpmn-engine, persisted the way its documentation shows (`getState()` saved, later
 * `new Engine().recover(state)` → `resume()` → `signal()` the waiting task → `getState()` saved
 * again), in a `jsonb` column of the same PostgreSQL, one transaction per command with the row
 * locked, as our service does.
 *
 * Favourable to the peer: the BPMN XML is parsed once and its serialised context reused by every
 * engine (`sourceContext`), and the definition source that `getState()` embeds in every saved
 * state is left out of the stored row (recover finds it in the cached context by id).
 */
export class BpmnPeer {
  private constructor(
    private readonly pool: pg.Pool,
    private readonly sourceContext: SourceContext,
  ) {}

  /** Parses the lifecycle once and creates the peer's table. */
  static async open(pool: pg.Pool): Promise<BpmnPeer> {
    const [definition] = await new Engine({ name: 'parse', source: lifecycleBpmn() }).getDefinitions();
    // The serialised context the engine built from the XML: what `sourceContext` takes.
    const sourceContext = (definition!.environment.options as { source?: SourceContext }).source;
    if (!sourceContext) throw new Error('bpmn-engine: no serialised source context on the loaded definition');
    await pool.query('create table if not exists bpmn_cases (id uuid primary key, state jsonb not null, version integer not null)');
    return new BpmnPeer(pool, sourceContext);
  }

  /** Starts a process instance (it runs to the first user task) and saves it. Returns its id. */
  async start(): Promise<string> {
    const id = randomUUID();
    const engine = new Engine({ name: id, sourceContext: this.sourceContext });
    await engine.execute();
    await this.pool.query('insert into bpmn_cases (id, state, version) values ($1, $2, 1)', [id, withoutSource(await engine.getState())]);
    return id;
  }

  /**
   * One command: lock the row, recover, resume, signal the task that waits, save the new state.
   * Returns the id of the task that was completed, or null when nothing waited (process ended).
   */
  async step(id: string): Promise<string | null> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query<{ state: SavedState }>('select state from bpmn_cases where id = $1 for update', [id]);
      if (!rows[0]) throw new Error(`peer: no case ${id}`);
      const engine = new Engine({ name: id, sourceContext: this.sourceContext }).recover(rows[0].state);
      const execution = await engine.resume();
      const waiting = execution.getPostponed()[0];
      if (waiting) execution.signal({ id: waiting.id });
      await client.query('update bpmn_cases set state = $2, version = version + 1 where id = $1', [id, withoutSource(await engine.getState())]);
      await client.query('commit');
      return waiting?.id ?? null;
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /** What `getState()` returns for a fresh instance, in bytes of JSON, with the embedded source. */
  async fullStateBytes(): Promise<number> {
    const engine = new Engine({ name: 'size', sourceContext: this.sourceContext });
    await engine.execute();
    return Buffer.byteLength(JSON.stringify(await engine.getState()));
  }
}

/** The saved state minus the definition source it embeds (the cached context has it). */
function withoutSource(state: SavedState): SavedState {
  return { ...state, definitions: state.definitions.map(({ source: _source, ...rest }) => rest) };
}
