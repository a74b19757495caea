import { DEFINITION_LIMITS as LIMITS } from './definition-limits.js';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { type DefinitionProblem, problemAt } from './definition-error.js';
import type { RuleSetFile } from '../rules/rule-set-types.js';
import { validateRuleSet } from './validate-rule-set.js';
import { validateWorkflow } from './validate-workflow.js';
import type { WorkflowFile } from './workflow-types.js';

/** A file read from disk: the path shown in messages and its parsed JSON (if it parsed). */
export interface LoadedFile {
  file: string;
  json: unknown;
}

/** The outcome of reading and validating the definition folders. */
export interface ValidatedDefinitions {
  workflows: Array<{ file: string; definition: WorkflowFile }>;
  ruleSets: Map<string, RuleSetFile>;
  problems: DefinitionProblem[];
}

/**
 * Reads every `*.json` in the workflow and rule folders and validates them together (workflows
 * are checked against the rule sets that exist). Returns all problems of all files.
 *
 * @param displayBase paths in messages are shown relative to this folder (the project root)
 */
export async function loadAndValidate(workflowsDir: string, rulesDir: string, displayBase = process.cwd()): Promise<ValidatedDefinitions> {
  const [workflowFiles, ruleFiles] = await Promise.all([readJsonFiles(workflowsDir, displayBase), readJsonFiles(rulesDir, displayBase)]);
  return validateLoaded(workflowFiles, ruleFiles, { examplesMillis: LIMITS.examplesMillisOfOwnFiles });
}

/**
 * Validates already-read files. The parse problems of `readJsonFiles` are passed through.
 * @param options.examplesMillis the time budget of each rule set's examples: the API's (the
 *        default) for a caller's submission, `examplesMillisOfOwnFiles` for the deployment's folders
 */
export async function validateLoaded(
  workflowFiles: { files: LoadedFile[]; problems: DefinitionProblem[] },
  ruleFiles: { files: LoadedFile[]; problems: DefinitionProblem[] },
  { examplesMillis = LIMITS.examplesMillis }: { examplesMillis?: number } = {},
): Promise<ValidatedDefinitions> {
  const problems: DefinitionProblem[] = [...ruleFiles.problems, ...workflowFiles.problems];
  const ruleSets = new Map<string, RuleSetFile>();
  const ruleSetIds = new Set<string>();
  for (const { file, json } of ruleFiles.files) {
    const found = await validateRuleSet(file, json, examplesMillis);
    problems.push(...found);
    const id = (json as { id?: unknown })?.id;
    if (typeof id === 'string') {
      ruleSetIds.add(id);
      if (found.length === 0) ruleSets.set(id, json as RuleSetFile);
    }
  }
  const workflows: ValidatedDefinitions['workflows'] = [];
  const seen = new Map<string, string>();
  for (const { file, json } of workflowFiles.files) {
    const found = validateWorkflow(file, json, { ruleSetIds, ruleSets });
    problems.push(...found);
    const { id, version } = (json ?? {}) as { id?: unknown; version?: unknown };
    // JSON.stringify, not String(): a file's id may be any JSON, e.g. {"toString": 1}, which String() cannot print.
    const key = JSON.stringify([id, version]);
    if (seen.has(key)) {
      const [name, v, other] = [JSON.stringify(id), JSON.stringify(version), seen.get(key)];
      problems.push(
        problemAt(file, '/version', {
          sv: `arbetsflödet ${name} version ${v} definieras också i ${other}`,
          en: `workflow ${name} version ${v} is also defined in ${other}`,
        }),
      );
    }
    seen.set(key, file);
    if (found.length === 0) workflows.push({ file, definition: json as WorkflowFile });
  }
  return { workflows, ruleSets, problems };
}

/**
 * Reads and parses every `*.json` file in a folder, sorted by name. A file that is not valid
 * JSON becomes a problem at pointer "" with the parser's message (which names line and column).
 */
export async function readJsonFiles(dir: string, displayBase: string): Promise<{ files: LoadedFile[]; problems: DefinitionProblem[] }> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  const files: LoadedFile[] = [];
  const problems: DefinitionProblem[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const file = relative(displayBase, path) || basename(path);
    const parsed = parseJson(file, await readFile(path, 'utf8'));
    if ('problem' in parsed) problems.push(parsed.problem);
    else files.push({ file, json: parsed.json });
  }
  return { files, problems };
}

/** Parses JSON text, turning a syntax error into a problem of that file. */
export function parseJson(file: string, text: string): { json: unknown } | { problem: DefinitionProblem } {
  try {
    return { json: JSON.parse(text) };
  } catch (error) {
    const reason = (error as Error).message;
    return { problem: problemAt(file, '', { sv: `inte giltig JSON: ${reason}`, en: `not valid JSON: ${reason}` }) };
  }
}
