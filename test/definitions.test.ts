import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runValidate } from '../src/cli/validate.js';
import { InvalidDefinitionsError } from '../src/definitions/definition-error.js';
import { FIELD_LIFECYCLE, startTestApp } from './support/test-app.js';
import { createTestDatabase } from './support/test-database.js';

/** A copy of the field-gated lifecycle (test/fixtures) that a test may edit. */
function copyDefinitions(): { dir: string; workflows: string; rules: string } {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-defs-'));
  cpSync(FIELD_LIFECYCLE.workflowsDir, join(dir, 'workflows'), { recursive: true });
  cpSync(FIELD_LIFECYCLE.rulesDir, join(dir, 'rules'), { recursive: true });
  return { dir, workflows: join(dir, 'workflows'), rules: join(dir, 'rules') };
}

function editJson(file: string, edit: (json: any) => void): void {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  edit(json);
  writeFileSync(file, JSON.stringify(json, null, 2));
}

/** The shipped workflow with four mistakes: a wrong target, an unknown rule set, an unreachable state, a type error. */
function breakWorkflow(file: string): void {
  editJson(file, (wf) => {
    wf.states.followUp.on.REVISE_GOALS.target = 'goal';
    wf.states.goals.on.ADVANCE.meta.gate = ['goals-sett'];
    wf.states.parked = { meta: { title: { sv: 'Vilande', en: 'Parked' } }, on: { ADVANCE: 'goals' } };
    wf.states.resources.meta.sla.workingDays = 'thirty';
  });
}

describe('workflow definitions', () => {
  /** A copy of its own for each test: the last one edits the files and removes them. */
  let defs: ReturnType<typeof copyDefinitions>;
  beforeEach(() => {
    defs = copyDefinitions();
  });
  afterEach(() => rmSync(defs.dir, { recursive: true, force: true }));

  it('npm run validate gives four precise errors for a file with four mistakes', async () => {
    const bad = join(defs.dir, 'samverkan.v1.json');
    cpSync(join(defs.workflows, 'samverkan.v1.json'), bad);
    breakWorkflow(bad);
    const lines: string[] = [];
    process.env.RULES_DIR = defs.rules;
    try {
      expect(await runValidate([bad], (l) => lines.push(l), defs.dir)).toBe(1);
    } finally {
      delete process.env.RULES_DIR;
    }
    expect(lines).toEqual([
      'samverkan.v1.json#/states/resources/meta/sla/workingDays: must be a whole number, but is "thirty"',
      'samverkan.v1.json#/states/goals/on/ADVANCE/meta/gate/0: unknown rule set "goals-sett" (known: "action-plans-ready", "actors-gathered", "follow-up-done", "goals-set", "joint-problem", "resources-committed", "situation-analysis"); a rule set is a file rules/<id>.json',
      'samverkan.v1.json#/states/followUp/on/REVISE_GOALS/target: unknown state "goal" (known: "gatherActors", "jointProblem", "situationAnalysis", "goals", "resources", "actionPlans", "followUp", "closed", "parked")',
      'samverkan.v1.json#/states/parked: state "parked" cannot be reached from the initial state "gatherActors"',
      '✗ 4 problem(s) found',
    ]);
  });

  it('npm run validate passes the shipped files (workflows/ and rules/)', async () => {
    const lines: string[] = [];
    expect(await runValidate([], (l) => lines.push(l))).toBe(0);
    expect(lines.at(-1)).toMatch(/^✓ \d+ workflow\(s\) and \d+ rule set\(s\) are valid$/);
  });

  it('the service refuses to start on the same file, naming the four problems', async () => {
    const broken = copyDefinitions();
    breakWorkflow(join(broken.workflows, 'samverkan.v1.json'));
    const db = await createTestDatabase();
    try {
      const error = await startTestApp({
        workflowsDir: broken.workflows,
        rulesDir: broken.rules,
        database: { db, target: { ...db.target, close: async () => {} } },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidDefinitionsError);
      expect((error as InvalidDefinitionsError).problems.map((p) => p.pointer)).toEqual([
        '/states/resources/meta/sla/workingDays',
        '/states/goals/on/ADVANCE/meta/gate/0',
        '/states/followUp/on/REVISE_GOALS/target',
        '/states/parked',
      ]);
    } finally {
      await db.drop();
      rmSync(broken.dir, { recursive: true, force: true });
    }
  });

  it('never lets a used version change: an edit stops the start, a new version runs beside it, cases keep theirs', async () => {
    const db = await createTestDatabase();
    const keep = { db, target: { ...db.target, close: async () => {} } };
    const options = { workflowsDir: defs.workflows, rulesDir: defs.rules, database: keep };
    try {
      let t = await startTestApp(options);
      const v1Case = (await t.request('POST', '/cases', { body: { workflow: 'samverkan', title: 'På version 1' } })).body;
      await t.close();

      // The process owner edits the used v1 in place: refused, with what to do instead.
      const file = join(defs.workflows, 'samverkan.v1.json');
      const original = readFileSync(file, 'utf8');
      editJson(file, (wf) => (wf.states.goals.meta.title.sv = 'Mål och delmål'));
      const refused = await startTestApp(options).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(InvalidDefinitionsError);
      expect((refused as Error).message).toContain(
        'samverkan version 1 has changed since 1 case(s) started on it; a used version is never edited: undo the change and save it as samverkan.v2.json',
      );

      // Done right: v1 restored, the change saved as v2.
      writeFileSync(file, original);
      editJson(file, (wf) => (wf.states.goals.meta.title.sv = 'Mål och delmål'));
      const v2 = join(defs.workflows, 'samverkan.v2.json');
      editJson(file, (wf) => (wf.version = 2));
      cpSync(file, v2);
      writeFileSync(file, original);

      t = await startTestApp(options);
      const v2Case = (await t.request('POST', '/cases', { body: { workflow: 'samverkan', title: 'På version 2' } })).body;
      expect(v2Case.workflow.version).toBe(2);
      expect((await t.request('GET', `/cases/${v1Case.id}`)).body.workflow.version).toBe(1);
      const catalogue = (await t.request('GET', '/workflows')).body;
      expect(catalogue.map((w: any) => [w.id, w.version, w.latest])).toEqual([
        ['samverkan', 2, true],
        ['samverkan', 1, false],
      ]);
      await t.close();

      // Even with both files gone, the cases run on their published versions.
      rmSync(file);
      rmSync(v2);
      t = await startTestApp(options);
      await t.request('PATCH', `/cases/${v1Case.id}/fields`, { body: { arena: 'A', agreement: 'B' } });
      expect((await t.request('POST', `/cases/${v1Case.id}/events`, { body: { type: 'ADVANCE' } })).status).toBe(200);
      await t.close();
    } finally {
      await db.target.close();
      await db.drop();
    }
  });
});
