/**
 * The web app's types of the process owner's files, generated from their JSON Schemas
 * (schemas/workflow.schema.json and schemas/rule-set.schema.json, written from
 * src/definitions/schemas.ts by `npm run schemas`) by json-schema-to-typescript.
 *
 * The OpenAPI document gives the definition and the rule sets of `GET /workflows/{id}/versions/{version}`
 * as open objects (it is OpenAPI 3.0, which cannot carry these draft-07 schemas); these types
 * are their shapes. Run by `npm run api-types` (and so by build and typecheck); Node runs it as
 * TypeScript (type stripping), it is not type-checked itself.
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { compile } from 'json-schema-to-typescript';

const OUT_DIR = 'web/src/definition-types';

/** Schema file → the output file and the name of its root type (the server's names, src/definitions/workflow-types.ts). */
const FILES = [
  { schema: 'schemas/workflow.schema.json', out: `${OUT_DIR}/workflow.ts`, root: 'WorkflowFile' },
  { schema: 'schemas/rule-set.schema.json', out: `${OUT_DIR}/rule-set.ts`, root: 'RuleSetFile' },
];

mkdirSync(OUT_DIR, { recursive: true });
for (const { schema: file, out, root } of FILES) {
  const schema = JSON.parse(readFileSync(file, 'utf8'));
  const text = await compile(schema, root, {
    bannerComment: `/**\n * Generated from ${file} by json-schema-to-typescript (npm run api-types, web/generate-definition-types.ts).\n * Do not edit: change src/definitions/schemas.ts and run \`npm run schemas\`.\n */`,
    // The root is named like the server's type; the definitions keep their names (LocalizedText, State, …).
    customName: (s: { $id?: string }) => (s.$id === schema.$id ? root : undefined),
    // Open objects and `value` as `unknown`, never `any`.
    unknownAny: true,
    // minItems/maxItems as plain arrays, not unions of tuples.
    maxItems: -1,
    cwd: 'schemas',
  });
  writeFileSync(out, text);
}
