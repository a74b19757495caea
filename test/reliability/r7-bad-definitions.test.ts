import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { activeStateIds, candidateTransitions, initialCaseState, step } from '../../src/cases/case-engine.js';
import { compileWorkflow } from '../../src/definitions/compile-workflow.js';
import type { DefinitionProblem } from '../../src/definitions/definition-error.js';
import type { RuleSetFile } from '../../src/rules/rule-set-types.js';
import { validateRuleSet } from '../../src/definitions/validate-rule-set.js';
import { validateWorkflow } from '../../src/definitions/validate-workflow.js';
import type { WorkflowFile } from '../../src/definitions/workflow-types.js';
import { FACT_CATALOGUE, type FactType } from '../../src/rules/fact-catalogue.js';
import { factKey } from '../../src/rules/fact-key.js';
import { evaluateGate, factRequestsOf } from '../../src/rules/gate-evaluator.js';
import { figure, n, properties } from './figure.js';
import { mutate, mutations, pointerLeadsInto } from './mutate-json.js';

const RUNS = Number(process.env.R7_RUNS ?? 5000);
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as unknown;
const jsonFiles = (...dirs: string[]) =>
  dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(dir, f)),
  );
/** The shipped files and the bench's: the starting points of the mutations. */
const WORKFLOW_FILES = jsonFiles('workflows', 'bench/workflows');
const RULE_FILES = jsonFiles('rules', 'bench/rules');
const RULE_SETS = new Map(RULE_FILES.map((f) => [(read(f) as RuleSetFile).id, read(f) as RuleSetFile]));

/** A value of each type: an empty one (nothing done yet) and a filled one. */
const SAMPLE: Record<FactType, [unknown, unknown]> = {
  number: [0, 3],
  boolean: [false, true],
  string: ['', 'Region Blekinge'],
  'string[]': [[], ['arena', 'agreement', 'ready']],
  object: [{}, { label: 'Region Blekinge' }],
  'object[]': [[], [{ label: 'Karlshamns kommun – kommunstyrelsen', organisation: 'Karlshamns kommun' }]],
};

/** Values for every fact a rule set needs, all empty or all filled. */
function sampleFacts(ruleSet: RuleSetFile, filled: boolean): Map<string, unknown> {
  return new Map(factRequestsOf([ruleSet]).map((q) => [factKey(q.name, q.params), SAMPLE[FACT_CATALOGUE[q.name]!.type][filled ? 1 : 0]]));
}

/** Each problem names the file, a JSON pointer that leads into the document, and says something. */
function wellFormed(problems: DefinitionProblem[], file: string, doc: unknown): string[] {
  return problems.flatMap((p) => {
    const wrong: string[] = [];
    if (p.file !== file) wrong.push(`file ${p.file}`);
    if (!pointerLeadsInto(doc, p.pointer)) wrong.push(`pointer ${JSON.stringify(p.pointer)} does not lead into the document`);
    if (typeof p.message !== 'string' || !p.message.trim()) wrong.push('empty message');
    return wrong.length ? [`${p.pointer}: ${p.message} → ${wrong.join(', ')}`] : [];
  });
}

/**
 * R7, bad definitions: thousands of mutated copies of the shipped workflow and rule files (keys
 * deleted, renamed, added; values replaced and retyped; subtrees copied and wrapped). Each is either
 * valid, and then it compiles and runs, or rejected with problems that point into the file; the
 * validators never throw.
 */
describe('R7 bad definitions', () => {
  it(`${RUNS} mutated workflows and ${RUNS} mutated rule sets: valid and runnable, or rejected with JSON pointers; none throws`, async () => {
    const tally = { workflowsValid: 0, workflowsRejected: 0, ruleSetsValid: 0, ruleSetsRejected: 0, problems: 0 };
    const ruleSetIds = new Set(RULE_SETS.keys());

    fc.assert(
      fc.property(fc.constantFrom(...WORKFLOW_FILES), mutations(), (file, changes) => {
        const doc = mutate(read(file), changes);
        const problems = validateWorkflow(file, doc, { ruleSetIds });
        expect(wellFormed(problems, file, doc)).toEqual([]);
        tally.problems += problems.length;
        if (problems.length) return void tally.workflowsRejected++;
        tally.workflowsValid++;
        // Valid means usable: it compiles, starts, and every possible event can be stepped.
        const workflow = compileWorkflow(doc as WorkflowFile, RULE_SETS);
        const state = initialCaseState(workflow);
        activeStateIds(workflow, state);
        for (const t of candidateTransitions(workflow, state))
          step(workflow, state, { type: t.event, comment: 'x' }, Object.fromEntries(t.gate.map((g) => [g, true])));
      }),
      properties(RUNS),
    );

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...RULE_FILES), mutations(), async (file, changes) => {
        const doc = mutate(read(file), changes);
        const problems = await validateRuleSet(file, doc);
        expect(wellFormed(problems, file, doc)).toEqual([]);
        tally.problems += problems.length;
        if (problems.length) return void tally.ruleSetsRejected++;
        tally.ruleSetsValid++;
        // Valid means usable: the gate evaluates, whatever the case's fields are.
        for (const filled of [false, true]) await evaluateGate([doc as RuleSetFile], sampleFacts(doc as RuleSetFile, filled));
      }),
      properties(RUNS),
    );

    // The mutations must really produce both kinds, or this test proves nothing.
    expect(tally.workflowsRejected).toBeGreaterThan(RUNS / 2);
    expect(tally.workflowsValid + tally.ruleSetsValid).toBeGreaterThan(0);
    figure(
      `R7 definitions: ${n(2 * RUNS)} mutated files → workflows ${n(tally.workflowsValid)} valid and runnable, ${n(tally.workflowsRejected)} rejected; ` +
        `rule sets ${n(tally.ruleSetsValid)} valid, ${n(tally.ruleSetsRejected)} rejected; ${n(tally.problems)} problems, each with a JSON pointer into the file; 0 threw`,
    );
  });
});
