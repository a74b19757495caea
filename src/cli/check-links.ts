import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `npm run check:links [-- file.md …]`: every relative link and anchor of the manual resolves.
 *
 * Without arguments it checks README.md and docs/*.md. A link to a file must name a file or folder
 * that exists; a link with `#anchor` must name a heading of the target Markdown file (or of the
 * same file), spelled the way GitHub makes heading anchors. Links with a scheme (`https:`,
 * `mailto:`) are not followed: the check works offline. Links inside code (fenced blocks, `spans`)
 * are not links. Prints one line per broken link (`file:line: what is wrong`) and exits 1 if any.
 *
 * Only `node:` modules, so Node runs it straight from the source (type stripping), without a build.
 * (markdown-link-check does not check anchors in other files; remark-validate-links needs remark-cli
 * as well.)
 */

/** One link in a Markdown file. */
export interface MarkdownLink {
  target: string;
  line: number;
}

/** Lines of a Markdown file outside fenced code blocks, with their 1-based numbers. */
function proseLines(markdown: string): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  let fence: string | null = null;
  markdown.split('\n').forEach((text, i) => {
    const opening = /^\s*(`{3,}|~{3,})/.exec(text);
    if (fence) {
      if (opening && opening[1]![0] === fence[0] && opening[1]!.length >= fence.length && !text.trim().slice(opening[1]!.length).trim()) fence = null;
      return;
    }
    if (opening) {
      fence = opening[1]!;
      return;
    }
    out.push({ text, line: i + 1 });
  });
  return out;
}

/** Inline code spans removed (their text is not Markdown). */
function withoutCodeSpans(text: string): string {
  return text.replace(/(`+)[\s\S]*?\1/g, (span) => ' '.repeat(span.length));
}

/**
 * The anchor GitHub gives a heading: the text as shown (code marks, emphasis marks and link targets
 * gone), lower case, without punctuation and symbols, each space a hyphen.
 */
export function slugOf(heading: string): string {
  const shown = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .replace(/\*/g, '')
    .replace(/<[^>]+>/g, '');
  return shown
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a Markdown file: its ATX headings (a repeated one gets -1, -2, …) and explicit `<a id>`/`<a name>`. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text } of proseLines(markdown)) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(text);
    if (heading) {
      const slug = slugOf(heading[1]!);
      const n = seen.get(slug) ?? 0;
      seen.set(slug, n + 1);
      anchors.add(n ? `${slug}-${n}` : slug);
    }
    for (const m of text.matchAll(/<a\s[^>]*(?:id|name)="([^"]+)"/g)) anchors.add(m[1]!);
  }
  return anchors;
}

/** The links of a Markdown file: inline `[text](target)`, images, and reference definitions. */
export function linksOf(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  for (const { text, line } of proseLines(markdown)) {
    const prose = withoutCodeSpans(text);
    const definition = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/.exec(prose);
    if (definition) links.push({ target: definition[1]!, line });
    for (const m of prose.matchAll(/\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ target: m[1]!, line });
  }
  return links;
}

/** A link that does not resolve. */
export interface BrokenLink {
  file: string;
  line: number;
  target: string;
  problem: string;
}

/**
 * Checks the relative links and anchors of the given Markdown files.
 *
 * @param files paths relative to `root`
 */
export function checkLinks(files: string[], root: string): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const anchorCache = new Map<string, Set<string>>();
  const anchors = (path: string) => {
    if (!anchorCache.has(path)) anchorCache.set(path, anchorsOf(readFileSync(path, 'utf8')));
    return anchorCache.get(path)!;
  };
  for (const file of files) {
    const path = resolve(root, file);
    for (const { target, line } of linksOf(readFileSync(path, 'utf8'))) {
      if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue;
      const hashAt = target.indexOf('#');
      const pathPart = decodeURIComponent((hashAt < 0 ? target : target.slice(0, hashAt)).split('?')[0]!);
      const anchor = hashAt < 0 ? null : decodeURIComponent(target.slice(hashAt + 1));
      const linked = pathPart ? (pathPart.startsWith('/') ? join(root, pathPart) : resolve(dirname(path), pathPart)) : path;
      const report = (problem: string) => broken.push({ file, line, target, problem });
      if (!existsSync(linked)) {
        report(`no such file: ${relative(root, linked) || '.'}`);
        continue;
      }
      if (anchor === null || anchor === '') continue;
      if (statSync(linked).isDirectory() || !linked.endsWith('.md')) {
        report(`an anchor into ${relative(root, linked)}, which is not a Markdown file`);
        continue;
      }
      if (!anchors(linked).has(anchor)) report(`no heading for #${anchor} in ${relative(root, linked)}`);
    }
  }
  return broken;
}

/** README.md and every Markdown file in docs/. */
export function manualFiles(root: string): string[] {
  const docs = existsSync(join(root, 'docs'))
    ? readdirSync(join(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((f) => `docs/${f}`)
    : [];
  return ['README.md', ...docs];
}

/** Runs the check; prints the broken links and returns the exit code. */
export function runCheckLinks(args: string[], print: (line: string) => void, root = process.cwd()): number {
  const files = args.length ? args : manualFiles(root);
  const broken = checkLinks(files, root);
  for (const b of broken) print(`${b.file}:${b.line}: ${b.target}: ${b.problem}`);
  if (broken.length) {
    print(`✗ ${broken.length} broken link(s) in ${files.length} file(s)`);
    return 1;
  }
  print(`✓ the relative links and anchors of ${files.length} file(s) resolve`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = runCheckLinks(process.argv.slice(2), (line) => console.log(line));
}
