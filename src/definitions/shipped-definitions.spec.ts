import { join } from 'node:path';
import { formatProblem } from './definition-error.js';
import { loadAndValidate } from './definition-files.js';

describe('the workflow and rule files shipped in workflows/ and rules/', () => {
  it('are all valid, and every rule set example holds', async () => {
    const root = process.cwd();
    const result = await loadAndValidate(join(root, 'workflows'), join(root, 'rules'), root);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.workflows.map((w) => `${w.definition.id}.v${w.definition.version}`)).toContain('samverkan.v1');
  });
});
