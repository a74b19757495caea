import { request } from './test-app.js';

/**
 * The bench's toggle workflow (bench/workflows/toggle.v1.json): two steps that TOGGLE for ever
 * through a gate that holds once the field `ready` is set. Load and crash tests use it because its
 * events can repeat without end. Environment for a service process that runs it.
 */
export const TOGGLE_DEFINITIONS = { WORKFLOWS_DIR: 'bench/workflows', RULES_DIR: 'bench/rules' } as const;

/**
 * Creates toggle cases over HTTP, `parallel` at a time, each with the field its gate needs, signed
 * in with `token` (whose person then holds the secretariat role of each case).
 */
export async function createToggleCasesOverHttp(url: string, count: number, { parallel = 16, token }: { parallel?: number; token: string }): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - start) }, async (_, k) => {
      const created = await request(url, 'POST', '/cases', { body: { workflow: 'toggle', title: `toggle ${start + k}` }, token });
      if (created.status !== 201) throw new Error(`create: ${created.status} ${created.text}`);
      const patched = await request(url, 'PATCH', `/cases/${created.body.id}/fields`, { body: { ready: true }, token });
      if (patched.status !== 200) throw new Error(`fields: ${patched.status} ${patched.text}`);
      return created.body.id as string;
    });
    ids.push(...(await Promise.all(batch)));
  }
  return ids;
}
