import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ruleSetSchema, workflowSchema } from '../definitions/schemas.js';

/**
 * The JSON Schemas as files, for editors: a workflow or rule file that starts with
 * `"$schema": "../schemas/workflow.schema.json"` gets completion and checks while it is written.
 * `npm run schemas` rewrites them; a test fails if they differ from the code.
 */
export function schemaFiles(): Record<string, string> {
  return {
    'schemas/workflow.schema.json': `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...workflowSchema }, null, 2)}\n`,
    'schemas/rule-set.schema.json': `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...ruleSetSchema }, null, 2)}\n`,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [file, text] of Object.entries(schemaFiles())) writeFileSync(file, text);
}
