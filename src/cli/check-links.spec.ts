import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anchorsOf, checkLinks, linksOf, manualFiles, runCheckLinks, slugOf } from './check-links.js';

describe('the manual link check', () => {
  it('makes heading anchors the way GitHub does', () => {
    expect(slugOf('Configuration (environment variables)')).toBe('configuration-environment-variables');
    expect(slugOf('Benchmarks: `npm run bench`')).toBe('benchmarks-npm-run-bench');
    expect(slugOf('Reliability: `npm run test:reliability`')).toBe('reliability-npm-run-testreliability');
    expect(slugOf('Sign-in, tokens and rate limits')).toBe('sign-in-tokens-and-rate-limits');
    expect(slugOf('Why autocannon, fast-check and bpmn-engine')).toBe('why-autocannon-fast-check-and-bpmn-engine');
    expect(slugOf('Ärende – ett ärende i diariet')).toBe('ärende--ett-ärende-i-diariet');
    expect(slugOf('See [the API](api.md) **now**')).toBe('see-the-api-now');
  });

  it('numbers repeated headings and ignores headings in code blocks', () => {
    const anchors = anchorsOf(['# Title', '## Usage', '```bash', '# not a heading', '```', '## Usage', '<a id="kept"></a>'].join('\n'));
    expect([...anchors]).toEqual(['title', 'usage', 'usage-1', 'kept']);
  });

  it('finds inline links, images and definitions, not those in code', () => {
    const links = linksOf(['See [a](a.md#x) and ![b](img/b.png "B").', '`[c](c.md)` is code', '```', '[d](d.md)', '```', '[e]: e.md'].join('\n'));
    expect(links).toEqual([
      { target: 'a.md#x', line: 1 },
      { target: 'img/b.png', line: 1 },
      { target: 'e.md', line: 6 },
    ]);
  });

  describe('on files', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'links-'));
      mkdirSync(join(root, 'docs'));
      writeFileSync(
        join(root, 'README.md'),
        '# Readme\n\n[ok](docs/a.md#a-heading) [web](https://example.org/missing) [mail](mailto:x@example.org) [self](#readme)\n',
      );
      writeFileSync(
        join(root, 'docs/a.md'),
        '# A heading\n\n[back](../README.md) [folder](../docs) [gone](b.md) [bad anchor](../README.md#nowhere) [here](#nothing-here)\n',
      );
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('reports each missing file and anchor with its line, and follows no URL', () => {
      expect(checkLinks(manualFiles(root), root)).toEqual([
        { file: 'docs/a.md', line: 3, target: 'b.md', problem: 'no such file: docs/b.md' },
        { file: 'docs/a.md', line: 3, target: '../README.md#nowhere', problem: 'no heading for #nowhere in README.md' },
        { file: 'docs/a.md', line: 3, target: '#nothing-here', problem: 'no heading for #nothing-here in docs/a.md' },
      ]);
      const lines: string[] = [];
      expect(runCheckLinks([], (l) => lines.push(l), root)).toBe(1);
      expect(lines.at(-1)).toBe('✗ 3 broken link(s) in 2 file(s)');
    });
  });

  it('passes on this repository: README.md and docs/', () => {
    const lines: string[] = [];
    const code = runCheckLinks([], (l) => lines.push(l), process.cwd());
    expect(lines).toEqual([expect.stringMatching(/^✓ the relative links and anchors of \d+ file\(s\) resolve$/)]);
    expect(code).toBe(0);
  });
});
