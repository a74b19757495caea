import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';
import { DomainError } from '../common/domain-error.js';
import { CONSTRAINT_MESSAGES, PATTERN_MESSAGES } from './validation-messages.js';
import { hostileBodyProblems, validationPipe } from './validation.js';
import { CreateCaseDto } from './dto/cases.dto.js';

const src = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every source module that declares class-validator constraints (the DTOs of the API). */
function modulesWithConstraints(dir = src): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return modulesWithConstraints(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.spec.ts')) return [];
    return /from 'class-validator'/.test(readFileSync(path, 'utf8')) ? [path] : [];
  });
}

/** Every constraint declared by those modules, read from class-validator's metadata. */
async function declaredConstraints(): Promise<ValidationMetadata[]> {
  for (const path of modulesWithConstraints()) await import(path);
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, ValidationMetadata[]> };
  return [...storage.validationMetadatas.values()].flat();
}

describe('validation messages in Swedish and English', () => {
  it('has a Swedish and English template for every constraint a DTO uses, and for every @Matches pattern', async () => {
    const declared = await declaredConstraints();
    // The modules were found and read: the API's DTOs declare dozens of constraints.
    expect(declared.length).toBeGreaterThan(100);
    const missing = new Set<string>();
    for (const m of declared) {
      const name = m.name ?? m.type;
      // ValidateIf (Omittable) decides whether to check at all: it has no message.
      if (m.type === 'conditionalValidation') continue;
      if (!CONSTRAINT_MESSAGES[name]) missing.add(`${name} (${(m.target as { name?: string }).name}.${m.propertyName})`);
      const pattern = name === 'matches' ? (m.constraints?.[0] as RegExp | undefined) : undefined;
      if (pattern && !PATTERN_MESSAGES[pattern.source]) missing.add(`matches ${pattern.source} (${(m.target as { name?: string }).name}.${m.propertyName})`);
    }
    expect([...missing]).toEqual([]);
    expect(modulesWithConstraints().map((p) => relative(src, p))).toContain('api/dto/governance.dto.ts');
  });

  it('answers a bad body with the constraint values, in Swedish and English', async () => {
    const pipe = validationPipe();
    const body = { workflow: 'Not Kebab', title: 'x'.repeat(201), version: null };
    const error = await pipe.transform(body, { type: 'body', metatype: CreateCaseDto }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    const { errors } = (error as DomainError).details as { errors: Array<{ path: string; message: { sv: string; en: string } }> };
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]));
    expect(byPath.title).toEqual({ sv: 'title får vara högst 200 tecken', en: 'title must be shorter than or equal to 200 characters' });
    expect(byPath.workflow?.sv).toBe('workflow får bara ha små bokstäver, siffror och bindestreck (kebab-case), t.ex. "samverkan"');
    // The DTO's own English wording is kept.
    expect(byPath.workflow?.en).toBe('workflow must be a workflow id in kebab-case, e.g. "samverkan"');
    expect(byPath.version?.sv).toMatch(/^version får inte vara null: utelämna fältet/);
    expect((error as DomainError).messageIn('sv')).toContain('title: title får vara högst 200 tecken');
    expect((error as DomainError).messageIn('en')).toContain('title: title must be shorter than or equal to 200 characters');
  });

  it('words an unknown field and the body guard in both languages', async () => {
    const error = (await validationPipe()
      .transform({ workflow: 'samverkan', title: 'Blekinge', owner: 'me' }, { type: 'body', metatype: CreateCaseDto })
      .catch((e: unknown) => e)) as DomainError;
    expect(error.details.errors).toEqual([
      { path: 'owner', message: { sv: 'okänt fält: det ingår inte i den här begäran', en: 'unknown field: it is not part of this request' } },
    ]);
    const guarded = hostileBodyProblems(JSON.parse('{"a":{"__proto__":1},"b":"x\\u0001"}') as unknown);
    expect(guarded.map((p) => p.message.sv)).toEqual([
      '"__proto__" godtas inte som nyckel: namnet hör till varje JavaScript-objekt, det är inte data',
      'innehåller ett styrtecken (\\u0001 vid tecken 2); bara tabb och radbrytningar är tillåtna',
    ]);
  });
});
