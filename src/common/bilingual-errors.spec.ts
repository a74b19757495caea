import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * A person reads a domain error's message in their language (Accept-Language, Swedish by
 * default), so every message is given as `{ sv, en }`. This spec holds the line where the type
 * system cannot (a plain string is still accepted, as English, from code not yet translated): it
 * reads the source of the folders below with the type checker and names, by file:line, every
 * message that is a string.
 *
 * Checked: the message of `new DomainError(code, message, …)` and `unprocessable(path, message)`,
 * and the `message` of every object literal with a `path` and a `message` (a field problem).
 * `notFound(what, id)` needs no check: `what` is typed as a key of THINGS or `{ sv, en }`.
 */
const FOLDERS = ['src/cases', 'src/governance', 'src/deadlines', 'src/notifications', 'src/audit', 'src/facts', 'src/calendar', 'src/common'];
/** The helpers themselves pass their caller's message on (typed `string | LocalizedText`). */
const EXEMPT = new Set(['src/common/domain-error.ts']);

const root = process.cwd();

/** Every non-spec TypeScript file under a folder. */
function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** Whether a type is, or may be, a string: a message of that type is in one language only. */
function mayBeString(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.some(mayBeString);
  return (type.flags & ts.TypeFlags.StringLike) !== 0;
}

/** The messages given as plain strings, as `file:line: what`, in the files of a program. */
function englishOnlyMessages(program: ts.Program, files: string[]): string[] {
  const checker = program.getTypeChecker();
  const found: string[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`${file} is not in the program`);
    const report = (node: ts.Node, what: string) => {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${relative(root, file)}:${line + 1}: ${what} is a plain string; give { sv, en }`);
    };
    const visit = (node: ts.Node): void => {
      const callee = ts.isNewExpression(node) || ts.isCallExpression(node) ? node.expression : undefined;
      const name = callee && ts.isIdentifier(callee) ? callee.text : callee && ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      const args = (node as ts.CallExpression).arguments;
      if (ts.isNewExpression(node) && name === 'DomainError' && args?.[1] && mayBeString(checker.getTypeAtLocation(args[1]))) {
        report(args[1], 'the message of new DomainError(…)');
      }
      if (ts.isCallExpression(node) && name === 'unprocessable' && args[1] && mayBeString(checker.getTypeAtLocation(args[1]))) {
        report(args[1], 'the message of unprocessable(…)');
      }
      if (ts.isObjectLiteralExpression(node)) {
        const named = (key: string) => node.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === key);
        const message = named('message');
        if (named('path') && message && mayBeString(checker.getTypeAtLocation(message))) report(message, 'the message of a field problem { path, message }');
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

function programOf(files: string[]): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(String(d.messageText));
      },
    },
  );
  return ts.createProgram(files, { ...config!.options, noEmit: true, incremental: false });
}

describe('messages of domain errors', () => {
  it(`are given in Swedish and English in ${FOLDERS.join(', ')}`, () => {
    const files = FOLDERS.flatMap(sourceFiles).filter((f) => !EXEMPT.has(relative(root, f)));
    expect(files.length).toBeGreaterThan(40);
    const found = englishOnlyMessages(programOf(files), files);
    // On failure the list names each place: translate it there.
    expect(found).toEqual([]);
  });

  it('finds a message given as a string, a template or a string variable, and accepts { sv, en }', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bilingual-'));
    const file = join(dir, 'sample.ts');
    writeFileSync(
      file,
      [
        'type Text = { sv: string; en: string };',
        'declare class DomainError { constructor(code: string, message: string | Text, details?: object) }',
        'declare function unprocessable(path: string, message: string | Text): DomainError;',
        'declare const id: string;',
        'const english: string = "x";',
        'export const a = new DomainError("NOT_FOUND", "the thing was not found");',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal, for the check to read
        'export const b = unprocessable("p", `thing ${id} is bad`);',
        'export const c = [{ path: "p", message: english }];',
        'export const d = new DomainError("NOT_FOUND", { sv: "Saken hittades inte", en: "not found" }, { errors: [{ path: "p", message: { sv: "s", en: "e" } }] });',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal, for the check to read
        'export const e = unprocessable("p", { sv: `saken ${id}`, en: `thing ${id}` });',
      ].join('\n'),
    );
    const found = englishOnlyMessages(ts.createProgram([file], { strict: true, noEmit: true, types: [] }), [file]);
    expect(found.map((f) => f.replace(/^.*sample\.ts/, 'sample.ts'))).toEqual([
      'sample.ts:6: the message of new DomainError(…) is a plain string; give { sv, en }',
      'sample.ts:7: the message of unprocessable(…) is a plain string; give { sv, en }',
      'sample.ts:8: the message of a field problem { path, message } is a plain string; give { sv, en }',
    ]);
  });
});
