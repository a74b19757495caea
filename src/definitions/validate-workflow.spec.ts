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

/** A wrong target, an unknown rule set, an unreachable state and a type error. */
function fourProblems(): any {
  const wf = workflow();
  wf.meta.roles.REOPEN = ['steeringGroup'];
  wf.states.review.on.REOPEN = { target: 'drfat' };
  wf.states.draft.on.ADVANCE.meta.gate = ['raedy'];
  wf.states.orphan = { meta: { title: title('Föräldralös') }, on: { ADVANCE: 'closed' } };
  wf.version = '1';
  return wf;
}

const ctx = { ruleSetIds: new Set(['ready']) };
const FILE = 'workflows/demo.v1.json';
const messages = (json: unknown, file = FILE) => validateWorkflow(file, json, ctx).map(formatProblem);

describe('validateWorkflow', () => {
  it('accepts a sound workflow with nested states, guards and gates', () => {
    expect(messages(workflow())).toEqual([]);
  });

  it('gives exactly four precise errors for a wrong target, an unknown rule set, an unreachable state and a type error', () => {
    const wf = fourProblems();
    expect(messages(wf)).toEqual([
      `${FILE}#/version: must be a whole number, but is "1"`,
      `${FILE}#/states/draft/on/ADVANCE/meta/gate/0: unknown rule set "raedy" (known: "ready"); a rule set is a file rules/<id>.json`,
      `${FILE}#/states/review/on/REOPEN/target: unknown state "drfat" (known: "draft", "review", "closed", "orphan")`,
      `${FILE}#/states/orphan: state "orphan" cannot be reached from the initial state "draft"`,
    ]);
  });

  it('words the same problems in Swedish for the API, with nothing of the English left', () => {
    const wf = fourProblems();
    expect(validateWorkflow(FILE, wf, ctx).map((p) => `${p.pointer}: ${p.sv}`)).toEqual([
      '/version: måste vara ett heltal, men är "1"',
      '/states/draft/on/ADVANCE/meta/gate/0: okänd regeluppsättning "raedy" (kända: "ready"); en regeluppsättning är en fil rules/<id>.json',
      '/states/review/on/REOPEN/target: okänt steg "drfat" (kända: "draft", "review", "closed", "orphan")',
      '/states/orphan: steget "orphan" går inte att nå från startsteget "draft"',
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
    expect(found).toContain(`${FILE}#/states/draft/meta/deadline: unknown key "deadline" (allowed: "title", "description", "sla", "roles", "escalation")`);
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
    expect(found).toContain(
      `${FILE}#/meta/roles/ADVANCE/0: unknown role "secretary" (known: "processOwner", "secretariat", "manager", "steeringGroup", "chair", "member", "observer", "system")`,
    );
    expect(found).toContain(
      `${FILE}#/states/review/on/CLOSE/guard: unknown guard "isApproved" (known: "commentGiven"); conditions on case data belong in a gate ("meta.gate")`,
    );
    expect(found).toContain(
      `${FILE}#/states/review/on/REOPEN: no role may send "REOPEN" here: name the roles in "meta.roles" of the workflow or of this state`,
    );
  });

  it('accepts a role qualified by the parties it counts for, and refuses unknown qualifiers', () => {
    const wf = workflow();
    wf.meta.roles.CLOSE = ['steeringGroup@decides', 'chair@any'];
    expect(messages(wf)).toEqual([]);
    wf.meta.roles.CLOSE = ['steeringGroup@deciding', 'system@any', 'styrgrupp@any'];
    expect(messages(wf)).toEqual([
      `${FILE}#/meta/roles/CLOSE/0: "steeringGroup@deciding": after "@" comes the parties the role counts for (known: "leads", "decides", "contributes", "informed", "any")`,
      `${FILE}#/meta/roles/CLOSE/1: the system role is held for no party: write "system"`,
      `${FILE}#/meta/roles/CLOSE/2: unknown role "styrgrupp" (known: "processOwner", "secretariat", "manager", "steeringGroup", "chair", "member", "observer", "system")`,
    ]);
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
    expect(messages(wf)).toContain(
      `${FILE}#/states/review/on/CLOSE/guard: unknown guard "constructor" (known: "commentGiven"); conditions on case data belong in a gate ("meta.gate")`,
    );
    wf.states.review.on.CLOSE.guard = { type: 'toString' };
    expect(messages(wf)).toContain(
      `${FILE}#/states/review/on/CLOSE/guard/type: unknown guard "toString" (known: "commentGiven"); conditions on case data belong in a gate ("meta.gate")`,
    );
  });

  it('reports an id or version that cannot be printed (an object without a usable toString) instead of throwing', () => {
    for (const [key, value] of [
      ['id', { toString: 1 }],
      ['version', { valueOf: {}, toString: {} }],
    ] as const) {
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
    expect(messages(wf)).toContain(
      `${FILE}#/states/review/states/reading/on/ADVANCE: unknown state ".commenting": a target starting with "." names a sub-state, and "review.reading" has none`,
    );
  });
});

describe('validateWorkflow escalation ladders', () => {
  const ladder = () => [
    { level: 'reminder', title: title('Påminnelse'), at: { workingDays: -2 }, notify: ['secretariat'] },
    { level: 'manager', at: { workingDays: 0 }, notify: ['manager'] },
    { level: 'steering', at: { workingDays: 5 }, notify: ['steeringGroup', 'chair'] },
  ];
  const withLadder = (levels: unknown) => {
    const wf = workflow();
    wf.states.draft.meta.escalation = levels;
    return wf;
  };
  const base = `${FILE}#/states/draft/meta/escalation`;

  it('accepts a ladder in time order that names roles on the case', () => {
    expect(messages(withLadder(ladder()))).toEqual([]);
  });

  it('refuses a role that is not a role on the case, with its pointer', () => {
    const levels = ladder();
    levels[1]!.notify = ['chef'];
    levels[2]!.notify = ['steeringGroup', 'system'];
    expect(messages(withLadder(levels))).toEqual([
      `${base}/1/notify/0: unknown role "chef": a level notifies roles on the case (known: "processOwner", "secretariat", "manager", "steeringGroup", "chair", "member", "observer")`,
      `${base}/2/notify/1: unknown role "system": a level notifies roles on the case (known: "processOwner", "secretariat", "manager", "steeringGroup", "chair", "member", "observer")`,
    ]);
  });

  it('refuses levels out of time order, and the same time twice', () => {
    const levels = ladder();
    levels[2]!.at = { workingDays: -3 };
    expect(messages(withLadder(levels))).toEqual([
      `${base}/2/at/workingDays: the levels must come in time order: "steering" (-3 working days) is not after "manager" (0 working days)`,
    ]);
    levels[2]!.at = { workingDays: 0 };
    expect(messages(withLadder(levels))).toEqual([
      `${base}/2/at/workingDays: the levels must come in time order: "steering" (0 working days) is not after "manager" (0 working days)`,
    ]);
  });

  it('refuses mixed units, offsets without exactly one unit, and malformed numbers', () => {
    const levels: any[] = ladder();
    levels[1].at = { hours: 4 };
    expect(messages(withLadder(levels))).toEqual([
      `${base}/1/at: every level of a ladder counts in one unit, so that their order is clear: use "workingDays" as the level before does`,
    ]);
    levels[1].at = { workingDays: 0, hours: 4 };
    levels[2].at = {};
    expect(messages(withLadder(levels))).toEqual([
      `${base}/1/at: an offset must give exactly one of "workingDays", "calendarDays" or "hours"`,
      `${base}/2/at: an offset must give exactly one of "workingDays", "calendarDays" or "hours"`,
    ]);
    levels[1].at = { workingDays: 'zero' };
    levels[2].at = { weeks: 1 };
    expect(messages(withLadder(levels))).toEqual([
      `${base}/1/at/workingDays: must be a whole number, but is "zero"`,
      `${base}/2/at/weeks: unknown key "weeks" (allowed: "workingDays", "calendarDays", "hours")`,
    ]);
  });

  it('refuses duplicate or malformed level names, missing keys and an empty ladder', () => {
    const levels: any[] = ladder();
    levels[2].level = 'reminder';
    levels[1].level = 'Manager';
    delete levels[0].notify;
    expect(messages(withLadder(levels))).toEqual([
      `${base}/0: missing required key "notify"`,
      `${base}/1/level: "Manager" does not have the required form (lowerCamelCase, e.g. "jointProblem")`,
      `${base}/2/level: the level "reminder" is named twice in this ladder; give each level its own name`,
    ]);
    expect(messages(withLadder([]))).toEqual([`${base}: must NOT have fewer than 1 items`]);
  });

  it('refuses a reminder that would come before the step begins', () => {
    const levels = ladder();
    levels[0]!.at = { workingDays: -5 };
    expect(messages(withLadder(levels))).toEqual([
      `${base}/0/at/workingDays: 5 working days before the deadline is not after the step begins (the SLA is 5 working days)`,
    ]);
  });

  it('needs an SLA for a ladder, and allows neither on a final state', () => {
    const wf = withLadder(ladder());
    delete wf.states.draft.meta.sla;
    wf.states.closed.meta.sla = { hours: 4 };
    wf.states.closed.meta.escalation = ladder();
    expect(messages(wf)).toEqual([
      `${base}: an escalation ladder needs an SLA ("sla") in the same "meta": its levels are counted from the deadline`,
      `${FILE}#/states/closed/meta/sla: a final state has no deadline: nothing happens after it, so remove "sla"`,
      `${FILE}#/states/closed/meta/escalation: a final state has no deadline: nothing happens after it, so remove "escalation"`,
    ]);
  });

  it('refuses a negative, zero or malformed SLA', () => {
    const wf = withLadder(ladder());
    wf.states.draft.meta.sla = { workingDays: 0 };
    expect(messages(wf)).toEqual([`${FILE}#/states/draft/meta/sla/workingDays: must be >= 1, but is 0`]);
    wf.states.draft.meta.sla = { hours: 2.5 };
    expect(messages(wf)).toEqual([`${FILE}#/states/draft/meta/sla/hours: must be a whole number, but is 2.5`]);
    wf.states.draft.meta.sla = '10 days';
    expect(messages(wf)).toEqual([`${FILE}#/states/draft/meta/sla: must be an object, but is "10 days"`]);
  });
});
