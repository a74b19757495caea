import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { developmentAdministrator } from '../../src/access/development-admin.js';
import { ManualClock } from '../../src/common/clock.js';
import { RegistryService } from '../../src/governance/registry.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The curl walk of docs/getting-started.md, run as written: the shell block after the page's
 * marker comment, with bash, against the real service on a database like the development one (the
 * seed registry loaded, the development administrator's token). Any failing step (curl answers
 * ≥ 400, a missing field) fails the test, so the page cannot drift from the product.
 */
const PAGE = 'docs/getting-started.md';
const MARKER = '<!-- walk: run as written by test/docs/getting-started.e2e.test.ts -->';

/** The first ```bash block after the marker. */
function walkOf(page: string): string {
  const at = page.indexOf(MARKER);
  if (at < 0) throw new Error(`${PAGE} has no marker ${MARKER}`);
  const block = /```bash\n([\s\S]*?)\n```/.exec(page.slice(at));
  if (!block) throw new Error(`${PAGE} has no bash block after the marker`);
  return block[1]!;
}

function runBash(script: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // -e and pipefail: a step that fails stops the walk and fails the test.
    const child = spawn('bash', ['-e', '-u', '-o', 'pipefail', '-c', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('docs/getting-started.md: the curl walk', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    // The page signs with today's date: the service's clock is today, as on the development database.
    t = await startTestApp({ clock: new ManualClock(new Date().toISOString()) });
    await t.app.get(RegistryService).seed();
    token = (await developmentAdministrator(t.app)).token;
  });
  afterAll(() => t?.close());

  it('runs as written: the case is created, its first gate blocks, is satisfied, and the case advances', async () => {
    const walk = walkOf(readFileSync(PAGE, 'utf8'));
    expect(walk).toContain('BASE=${BASE:-');
    expect(walk).toContain('T=${T:-');

    const { code, stdout, stderr } = await runBash(walk, { BASE: t.url, T: token });
    if (code !== 0) throw new Error(`the walk stopped (exit ${code}):\n${stdout}\n${stderr}`);

    const answers = stdout
      .split('\n')
      .filter((l) => l.trim().startsWith('{'))
      .map((l) => JSON.parse(l));
    const created = answers.find((a) => a.title === 'Trygg i Ronneby: en första samverkan');
    expect(created).toMatchObject({ workflow: { id: 'samverkan' } });
    const gates = answers.filter((a) => 'passed' in a);
    expect(gates.map((g) => g.passed)).toEqual([false, true]);
    expect(gates[0].failures.map((f: { rule: string }) => f.rule)).toEqual(
      expect.arrayContaining(['parties-registered', 'someone-decides', 'arena-described', 'formalised']),
    );
    expect(answers.at(-1)).toMatchObject({ valid: true });

    const after = (await (await fetch(`${t.url}/cases/${created.id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      state: { value: string };
    };
    expect(after.state.value).toBe('jointProblem');
  });
});
