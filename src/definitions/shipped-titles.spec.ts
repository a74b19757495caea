import { join } from 'node:path';
import { loadAndValidate } from './definition-files.js';
import { compileWorkflow } from './compile-workflow.js';

describe('the titles of the shipped workflows', () => {
  it('a transition that goes on to a step names it as the step is called ("Gå vidare till Lägesbild" leads to "Lägesbild")', async () => {
    const root = process.cwd();
    const loaded = await loadAndValidate(join(root, 'workflows'), join(root, 'rules'), root);
    const wrong: string[] = [];
    for (const { definition } of loaded.workflows) {
      const workflow = compileWorkflow(definition, loaded.ruleSets);
      for (const transitions of workflow.transitions.values()) {
        for (const t of transitions) {
          const target = workflow.steps.get(t.target)!.title;
          for (const [lang, prefix] of [
            ['sv', 'Gå vidare till '],
            ['en', 'Continue to '],
          ] as const) {
            const title = t.title?.[lang];
            if (title?.startsWith(prefix) && title.slice(prefix.length) !== target[lang])
              wrong.push(`${workflow.id} ${t.source} ${t.event}: "${title}" leads to "${target[lang]}"`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
