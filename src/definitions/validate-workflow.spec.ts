import { formatProblem } from './definition-error.js';
import { validateWorkflow } from './validate-workflow.js';

const title = (sv: string) => ({ sv, en: sv });

/** A small valid workflow; tests break one thing at a time. */
function workflow(): any {
  return {
    id: 'demo',
    version: 1,
    title: title('Demo'),
    initial: 'draft',
    meta: { roles: { ADVANCE: ['secretariat'], CLOSE: ['steeringGroup'] } },
    states: {
      draft: { meta: { title: title('Utkast'), sla: { workingDays: 5 } }, on: { ADVANCE: { target: 'review', meta: { gate: ['ready'] } } } },
      review: {
        meta: { title: title('Granskning') },
        initial: 'reading',
        states: {
          reading: { meta: { title: title('Läsning') }, on: { ADVANCE: 'commenting' } },
          commenting: { meta: { title: title('Kommentarer') } },
        },
        on: { CLOSE: { target: 'closed', guard: 'commentGiven' } },
      },
      closed: { type: 'final', meta: { title: title('Avslutad') } },
    },
  };
}

const ctx = { ruleSetIds: new Set(['ready']) };
const FILE = 'workflows/demo.v1.json';
const messages = (json: unknown, file = FILE) => validateWorkflow(file, json, ctx).map(formatProblem);

describe('validateWorkflow', () => {
  it('accepts a sound workflow with nested states, guards and gates', () => {
    expect(messages(workflow())).toEqual([]);
  });

  it('gives exactly four precise errors for a wrong target, an unknown rule set, an unreachable state and a type error', () => {
    const wf = workflow();
    wf.meta.roles.REOPEN = ['steeringGroup'];
    wf.states.review.on.REOPEN = { target: 'drfat' };
    wf.states.draft.on.ADVANCE.meta.gate = ['raedy'];
    wf.states.orphan = { meta: { title: title('Föräldralös') }, on: { ADVANCE: 'closed' } };
    wf.version = '1';
    expect(messages(wf)).toEqual([
      `${FILE}#/version: must be a whole number, but is "1"`,
      `${FILE}#/states/draft/on/ADVANCE/meta/gate/0: unknown rule set "raedy" (known: "ready"); a rule set is a file rules/<id>.json`,
      `${FILE}#/states/review/on/REOPEN/target: unknown state "drfat" (known: "draft", "review", "closed", "orphan")`,
      `${FILE}#/states/orphan: state "orphan" cannot be reached from the initial state "draft"`,
    ]);
  });

  it('reports what a broken target cuts off as unreachable, too', () => {
    const wf = workflow();
    wf.states.draft.on.ADVANCE.target = 'reveiw';
    wf.states.draft.on.ADVANCE.meta.gate = ['raedy'];
    wf.states.draft.meta.sla.workingDays = 'ten';
    // With the target broken, nothing leads to review or its children: they are reported as unreachable too.
    expect(messages(wf)).toEqual([
      `${FILE}#/states/draft/meta/sla/workingDays: must be a whole number, but is "ten"`,
      `${FILE}#/states/draft/on/ADVANCE/target: unknown state "reveiw" (known: "draft", "review", "closed")`,
      `${FILE}#/states/draft/on/ADVANCE/meta/gate/0: unknown rule set "raedy" (known: "ready"); a rule set is a file rules/<id>.json`,
      `${FILE}#/states/review: state "review" cannot be reached from the initial state "draft"`,
      `${FILE}#/states/review/states/reading: state "review.reading" cannot be reached from the initial state "draft"`,
      `${FILE}#/states/review/states/commenting: state "review.commenting" cannot be reached from the initial state "draft"`,
      `${FILE}#/states/closed: state "closed" cannot be reached from the initial state "draft"`,
      `${FILE}#/states: no final state can be reached (final: "closed")`,
    ]);
  });

  it('reports an unreachable state on its own when the rest is sound', () => {
    const wf = workflow();
    wf.states.orphan = { meta: { title: title('Föräldralös') }, on: { ADVANCE: 'closed' } };
    expect(messages(wf)).toEqual([`${FILE}#/states/orphan: state "orphan" cannot be reached from the initial state "draft"`]);
  });

  it('refuses unknown keys and says which keys are allowed', () => {
    const wf = workflow();
    wf.states.draft.meta.deadline = 3;
    wf.colour = 'blue';
    const found = messages(wf);
    expect(found).toContain(`${FILE}#/colour: unknown key "colour" (allowed: "$schema", "id", "version", "title", "description", "initial", "meta", "states")`);
    expect(found).toContain(`${FILE}#/states/draft/meta/deadline: unknown key "deadline" (allowed: "title", "description", "sla", "roles")`);
  });

  it('refuses an SLA with two units or a negative number', () => {
    const wf = workflow();
    wf.states.draft.meta.sla = { workingDays: 5, hours: 2 };
    expect(messages(wf)).toEqual([`${FILE}#/states/draft/meta/sla: an SLA must give exactly one of "workingDays", "calendarDays" or "hours"`]);
    wf.states.draft.meta.sla = { workingDays: -1 };
    expect(messages(wf)).toEqual([`${FILE}#/states/draft/meta/sla/workingDays: must be >= 1, but is -1`]);
  });

  it('refuses unknown roles, unknown guards and events no role may send', () => {
    const wf = workflow();
    wf.meta.roles.ADVANCE = ['secretary'];
    wf.states.review.on.CLOSE.guard = 'isApproved';
    wf.states.review.on.REOPEN = 'draft';
    const found = messages(wf);
    expect(found).toContain(`${FILE}#/meta/roles/ADVANCE/0: unknown role "secretary" (known: "processOwner", "secretariat", "manager", "steeringGroup", "chair", "member", "observer", "system")`);
    expect(found).toContain(`${FILE}#/states/review/on/CLOSE/guard: unknown guard "isApproved" (known: "commentGiven"); conditions on case data belong in a gate ("meta.gate")`);
    expect(found).toContain(`${FILE}#/states/review/on/REOPEN: no role may send "REOPEN" here: name the roles in "meta.roles" of the workflow or of this state`);
  });

  it('checks initial states and the file name', () => {
    const wf = workflow();
    wf.initial = 'start';
    delete wf.states.review.initial;
    const found = messages(wf, 'workflows/other.v2.json');
    expect(found).toContain('workflows/other.v2.json#/id: the file must be named "demo.v1.json" after its id and version, not "other.v2.json"');
    expect(found).toContain('workflows/other.v2.json#/initial: unknown state "start" (known: "draft", "review", "closed")');
    expect(found).toContain('workflows/other.v2.json#/states/review: missing required key "initial": which of "reading", "commenting" to enter first');
  });

  it('finds dead ends and workflows without a final state', () => {
    const wf = workflow();
    wf.states.closed = { meta: { title: title('Stängd') } };
    const found = messages(wf);
    expect(found).toContain(`${FILE}#/states/closed: state "closed" is a dead end: it has no transitions and is not final`);
    expect(found).toContain(`${FILE}#/states: the workflow has no final state ("type": "final"): a case could never be closed`);
  });

  it('resolves absolute targets and reports bad ones with the known ids', () => {
    const wf = workflow();
    wf.states.review.states.commenting.on = { ADVANCE: '#demo.closed' };
    expect(messages(wf)).toEqual([]);
    wf.states.review.states.commenting.on = { ADVANCE: '#demo.close' };
    expect(messages(wf)[0]).toMatch(/#\/states\/review\/states\/commenting\/on\/ADVANCE: unknown state "#demo.close" \(known: "#demo.draft", /);
  });

  it('never throws, whatever the input', () => {
    for (const junk of [null, 42, 'text', [], { states: 3 }, { states: { a: null } }, { states: { a: { on: { X: [null, 5] } } } }]) {
      expect(() => validateWorkflow(FILE, junk, ctx)).not.toThrow();
      expect(validateWorkflow(FILE, junk, ctx).length).toBeGreaterThan(0);
    }
  });
});

describe('validateWorkflow on names and values JavaScript objects carry (found by the R7 fuzz)', () => {
  it('does not take "constructor" or "toString" for a known guard', () => {
    const wf = workflow();
    wf.states.review.on.CLOSE.guard = 'constructor';
    expect(messages(wf)).toContain(`${FILE}#/states/review/on/CLOSE/guard: unknown guard "constructor" (known: "commentGiven"); conditions on case data belong in a gate ("meta.gate")`);
    wf.states.review.on.CLOSE.guard = { type: 'toString' };
    expect(messages(wf)).toContain(`${FILE}#/states/review/on/CLOSE/guard/type: unknown guard "toString" (known: "commentGiven"); conditions on case data belong in a gate ("meta.gate")`);
  });

  it('reports an id or version that cannot be printed (an object without a usable toString) instead of throwing', () => {
    for (const [key, value] of [['id', { toString: 1 }], ['version', { valueOf: {}, toString: {} }]] as const) {
      const wf = { ...workflow(), [key]: value };
      wf.states.review.states.commenting.on = { ADVANCE: '#demo.nowhere' };
      expect(() => validateWorkflow(FILE, wf, ctx)).not.toThrow();
      expect(messages(wf)).toContain(`${FILE}#/${key}: must be ${key === 'id' ? 'a string' : 'a whole number'}, but is an object`);
    }
  });
});

describe('validateWorkflow targets starting with "."', () => {
  it('resolves them as sub-states of the source and explains a state that has none', () => {
    const wf = workflow();
    wf.states.review.on.JUMP = '.commenting';
    wf.meta.roles.JUMP = ['secretariat'];
    expect(messages(wf)).toEqual([]);
    wf.states.review.states.reading.on.ADVANCE = '.commenting';
    expect(messages(wf)).toContain(`${FILE}#/states/review/states/reading/on/ADVANCE: unknown state ".commenting": a target starting with "." names a sub-state, and "review.reading" has none`);
  });
});
