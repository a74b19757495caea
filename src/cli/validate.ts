import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../config/app-config.js';
import { formatProblem } from '../definitions/definition-error.js';
import { parseJson, readJsonFiles, validateLoaded, type LoadedFile } from '../definitions/definition-files.js';
import { DEFINITION_LIMITS } from '../definitions/definition-limits.js';

/**
 * `npm run validate [-- file.json …]`: checks workflow and rule files without starting anything.
 *
 * Without arguments it checks the folders `workflows/` and `rules/` (or WORKFLOWS_DIR, RULES_DIR).
 * With files, it checks those files, against the rule sets of the rules folder; a file is taken as
 * a workflow if it has "states", as a rule set if it has "conditions". Prints one line per problem
 * (`file#/json/pointer: what is wrong`) and exits 1 if there is any.
 */
export async function runValidate(args: string[], print: (line: string) => void, cwd = process.cwd()): Promise<number> {
  const config = loadConfig();
  const rules = await readJsonFiles(config.rulesDir, cwd);
  const workflows = args.length ? await readGivenFiles(args, cwd, rules) : await readJsonFiles(config.workflowsDir, cwd);
  // The deployment's own files: the generous time budget for examples (definition-limits.ts).
  const result = await validateLoaded(workflows, rules, { examplesMillis: DEFINITION_LIMITS.examplesMillisOfOwnFiles });
  for (const problem of result.problems) print(formatProblem(problem));
  if (result.problems.length) {
    print(`✗ ${result.problems.length} problem(s) found`);
    return 1;
  }
  print(`✓ ${result.workflows.length} workflow(s) and ${result.ruleSets.size} rule set(s) are valid`);
  return 0;
}

type FileSet = Awaited<ReturnType<typeof readJsonFiles>>;

/**
 * Reads the files named on the command line. Rule sets among them join (and replace, by id) the
 * folder's rule sets in `rules`; the workflows are returned.
 */
async function readGivenFiles(args: string[], cwd: string, rules: FileSet): Promise<FileSet> {
  const workflows: FileSet = { files: [], problems: [] };
  const givenRules: LoadedFile[] = [];
  for (const arg of args) {
    const file = relative(cwd, resolve(cwd, arg));
    const parsed = parseJson(file, await readFile(resolve(cwd, arg), 'utf8'));
    if ('problem' in parsed) {
      workflows.problems.push(parsed.problem);
    } else if (typeof parsed.json === 'object' && parsed.json !== null && 'conditions' in parsed.json) {
      givenRules.push({ file, json: parsed.json });
    } else {
      workflows.files.push({ file, json: parsed.json });
    }
  }
  const idOf = (f: LoadedFile) => (f.json as { id?: unknown }).id;
  const givenIds = new Set(givenRules.map(idOf));
  rules.files = [...rules.files.filter((f) => !givenIds.has(idOf(f))), ...givenRules];
  return workflows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runValidate(process.argv.slice(2), (line) => console.log(line)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
