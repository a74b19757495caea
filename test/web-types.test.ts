import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * The web app is typed from generated types only (web/src/api-types.ts from the OpenAPI document,
 * web/src/definition-types/ from the definition files' JSON Schemas): no `any` anywhere in
 * web/src, generated files included. The files are parsed, so `any` in a comment, a string or a
 * property name (a rule's `any` condition, the filter's `t('any')`) is not counted; `any` as a
 * type is, in every position (`: any`, `as any`, `<any>`, `any[]`, `Record<string, any>`).
 */
const WEB_SRC = 'web/src';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** Each `any` keyword in a TypeScript or TSX text, as `file:line:column: the node it is in`. */
function anyTypes(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.AnyKeyword) {
      const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${relative('.', file)}:${line + 1}:${character + 1}: ${node.parent.getText(source)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the web app’s types', () => {
  const files = sources(WEB_SRC);

  it('are checked in every source file of web/src, the generated ones too', () => {
    expect(files).toEqual(
      expect.arrayContaining([join(WEB_SRC, 'api-types.ts'), join(WEB_SRC, 'definition-types', 'workflow.ts'), join(WEB_SRC, 'components', 'diagram.tsx')]),
    );
  });

  it('have no `any`: use the generated types, or `unknown` and narrow', () => {
    expect(files.flatMap((f) => anyTypes(f))).toEqual([]);
  });

  it('the check finds `any` in a type position, and not in a name, a string or a comment', () => {
    expect(
      anyTypes(
        'probe.ts',
        'const a: any = 1; const b = a as any; const c = <any>a; let d: any[]; let e: Record<string, any>; function f(x: any): any { return x; }',
      ),
    ).toHaveLength(7);
    expect(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the probe is source text with a template literal in it, on purpose
      anyTypes('probe.tsx', "// any\nconst any = { any: 'any' }; type C = { any?: C[] }; const s = `${any.any}`; const el = <option>{t('any')}</option>;"),
    ).toEqual([]);
  });
});
