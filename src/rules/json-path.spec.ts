import { Engine } from 'json-rules-engine';
import type { RuleSetFile } from './rule-set-types.js';
import { evaluateGate } from './gate-evaluator.js';
import { parseJsonPath, resolveJsonPath, UnsafePathError } from './json-path.js';

describe('the JSONPath subset', () => {
  it('reads one value by names, quoted names and list indexes, as jsonpath-plus would', () => {
    const fact = [{ label: 'Växjö kommun', 'the board': { name: 'socialnämnden' } }];
    expect(resolveJsonPath(fact, '$')).toBe(fact);
    expect(resolveJsonPath(fact, '$[0].label')).toBe('Växjö kommun');
    expect(resolveJsonPath(fact, "$[0]['the board'].name")).toBe('socialnämnden');
    expect(resolveJsonPath(fact, '$[0]["the board"]["name"]')).toBe('socialnämnden');
    expect(resolveJsonPath(fact, '$[1].label')).toBeUndefined();
    expect(resolveJsonPath(fact, '$.label')).toBeUndefined(); // a name reads objects, not lists
    expect(resolveJsonPath({ a: [1, 2] }, '$.a[0]')).toBe(1);
  });

  it('never reaches a prototype, even for a name that is not refused', () => {
    expect(resolveJsonPath({}, '$.toString')).toBeUndefined();
    expect(resolveJsonPath([], '$[0]')).toBeUndefined();
    expect(parseJsonPath('$.constructor')).toEqual({ problem: { sv: '"constructor" är inget fält i en fakta', en: '"constructor" is not a field of a fact' } });
    expect(parseJsonPath("$['__proto__']")).toEqual({ problem: { sv: '"__proto__" är inget fält i en fakta', en: '"__proto__" is not a field of a fact' } });
  });

  it('refuses every other JSONPath feature, naming it', () => {
    const problem = (path: string) => ('problem' in parseJsonPath(path) ? (parseJsonPath(path) as { problem: { en: string } }).problem.en : 'accepted');
    expect(problem('$..*..*..*')).toMatch(/^recursive descent/);
    expect(problem('$[?(@.label.match(/(a+)+$/))]')).toMatch(/^filter and script expressions/);
    expect(problem('$[(@.length-1)]')).toMatch(/^filter and script expressions/);
    expect(problem('$[*].label')).toMatch(/^wildcards/);
    expect(problem("$['a','b']")).toMatch(/^unions and slices/);
    expect(problem('$[0:2]')).toMatch(/^unions and slices/);
    expect(problem('$.a~')).toMatch(/extensions/);
    expect(problem('$.a b')).toMatch(/^unexpected " b" at character 4/);
    expect(problem('label')).toBe('a path starts with "$"');
    expect(problem(`$${'.a'.repeat(11)}`)).toBe('a path has at most 10 steps after "$"');
    expect(problem(`$.${'a'.repeat(300)}`)).toBe('a path has at most 200 characters');
    expect(problem('$[01]')).toMatch(/^unexpected/);
  });

  it('replaces jsonpath-plus in the gate: a path that slipped past validation is refused, not run', async () => {
    const slipped: RuleSetFile = {
      id: 'slipped',
      title: { sv: 'x', en: 'x' },
      conditions: [
        { id: 'a', when: { fact: 'partiesWithoutBenefit', path: '$[?(@.label.match(/(a+)+$/))]', operator: 'equal', value: 1 }, message: { sv: 'x', en: 'x' } },
      ],
    };
    const started = Date.now();
    await expect(evaluateGate([slipped], new Map([['partiesWithoutBenefit', [{ label: `${'a'.repeat(25)}!` }]]]))).rejects.toBeInstanceOf(UnsafePathError);
    // jsonpath-plus spends about a second on these 26 characters, doubling with each further "a".
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('is what json-rules-engine would otherwise run with jsonpath-plus, for the paths of the subset', async () => {
    const fact = { parties: [{ label: 'Alvesta' }, { label: 'Växjö' }] };
    for (const path of ['$.parties[1].label', "$['parties'][0]['label']", '$.parties[5].label']) {
      const viaEngine = async (pathResolver?: (v: object, p: string) => unknown) => {
        const engine = new Engine([], pathResolver ? { pathResolver } : {});
        engine.addFact('f', fact);
        engine.addRule({ conditions: { all: [{ fact: 'f', path, operator: 'equal', value: 'Växjö' }] }, event: { type: 'hit' } });
        return (await engine.run()).events.length;
      };
      expect({ path, hits: await viaEngine(resolveJsonPath) }).toEqual({ path, hits: await viaEngine() });
    }
  });
});
