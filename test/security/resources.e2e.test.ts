import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { PersonRecord } from '../../src/registry/organisation.entity.js';
import { RegistryService } from '../../src/governance/registry.service.js';
import { seedRegistry } from '../support/governance-fixture.js';
import { ADMINISTRATOR, MEMBER, STEERING_GROUP, startTestApp, type TestActor, type TestApp } from '../support/test-app.js';

/**
 * Hostile input against the service's resources: no read blocks the service, outside calls and
 * stored files are bounded, lists are paged and show sign-in subjects only to those who may see
 * them (docs/access-and-security.md, "Reads, files and outside services").
 */

/** Runs `work` while measuring how long the event loop was blocked and how long /health took meanwhile. */
async function whileMeasuring<T>(t: TestApp, work: () => Promise<T>): Promise<{ result: T; tookMs: number; maxLoopDelayMs: number; slowestHealthMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let running = true;
  const pings: number[] = [];
  const pinger = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`${t.url}/health`);
      pings.push(performance.now() - started);
      await sleep(10);
    }
  })();
  const started = performance.now();
  const result = await work();
  const tookMs = performance.now() - started;
  running = false;
  await pinger;
  delay.disable();
  return { result, tookMs, maxLoopDelayMs: delay.max / 1e6, slowestHealthMs: Math.max(...pings) };
}

/** Words no two of which are the same, `chars` characters in all. */
function distinctWords(prefix: string, chars: number): string {
  let text = '';
  for (let i = 0; text.length < chars; i++) text += `${prefix}${i.toString(36)} `;
  return text.slice(0, chars).trim();
}

/** Words of a two-letter alphabet, the same pseudo-random sequence for a seed: the most costly to diff. */
function twoLetterWords(words: number, seed: number): string {
  let x = seed;
  return Array.from({ length: words }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % 2 ? 'a' : 'b';
  }).join(' ');
}

describe('a decision point of any size does not block the service', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('shows texts in other words as one differing passage, in a few milliseconds at a time, also at the gate', async () => {
    t.clock.set('2026-12-03T10:00:00+01:00');
    const orgs = await seedRegistry(t);
    const region: TestActor = { person: 'sekr.kronoberg', organisation: '07' };
    const vaxjo: TestActor = { person: 'sekr.vaxjo', organisation: '0780' };
    const alvesta: TestActor = { person: 'sekr.alvesta', organisation: '0764' };
    const as = (actor: TestActor) => async (method: string, path: string, body?: unknown) => {
      const res = await t.request(method, path, { as: actor, ...(body !== undefined ? { body } : {}) });
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text.slice(0, 300)}`);
      return res.body;
    };
    const r = as(region);
    const id = (name: string) => orgs.get(name)!.id;
    const c = await r('POST', '/cases', { workflow: 'kronoberg', title: 'Stora texter' });
    await r('PATCH', `/cases/${c.id}/parties/${id('Region Kronoberg')}`, { responsibilities: ['leads', 'decides', 'contributes'] });
    for (const name of ['Växjö kommun', 'Alvesta kommun'])
      await r('POST', `/cases/${c.id}/parties`, { organisationId: id(name), responsibilities: ['decides', 'contributes'] });
    for (const [name, actor] of [
      ['Växjö kommun', vaxjo],
      ['Alvesta kommun', alvesta],
    ] as const) {
      await r('POST', `/cases/${c.id}/roles`, { role: 'secretariat', organisationId: id(name), holderId: (await t.identity(actor)).personId });
    }
    // To the decisions step, whose gate compares the texts.
    await r('PATCH', `/cases/${c.id}/fields`, { arena: 'Forum' });
    await r('POST', `/cases/${c.id}/roles`, {
      role: 'steeringGroup',
      organisationId: id('Region Kronoberg'),
      holderId: (await t.identity({ person: 'karin', organisation: '07' })).personId,
    });
    const doc = await r('POST', `/cases/${c.id}/documents`, { title: 'Överenskommelse', kind: 'agreement' });
    for (const name of ['Region Kronoberg', 'Växjö kommun', 'Alvesta kommun'])
      await r('POST', `/cases/${c.id}/documents/${doc.id}/signatures`, { organisationId: id(name), signedOn: '2026-12-01' });
    expect((await r('POST', `/cases/${c.id}/events`, { type: 'ADVANCE' })).state.value).toBe('decisions');
    // The largest texts accepted (50,000 characters), in other words than the reference.
    const reference = distinctWords('ref', 50_000);
    const boards = [
      orgs.get('Region Kronoberg')!.boards.get('Regionstyrelsen')!,
      orgs.get('Växjö kommun')!.boards.get('Socialnämnden')!,
      orgs.get('Alvesta kommun')!.boards.get('Socialnämnden')!,
    ];
    await r('POST', `/cases/${c.id}/decision-points`, { key: 'joint-agreement', title: 'Likalydande beslut', referenceText: reference, boardIds: boards });
    const decided = { status: 'decided', meetingDate: '2026-11-24' };
    // As in the issue, 14 kB in other words (here after the reference's first 35 kB)…
    const sharedText = reference.slice(0, reference.lastIndexOf(' ', 35_000));
    await r('PUT', `/cases/${c.id}/decision-points/joint-agreement/decisions/${boards[0]}`, {
      ...decided,
      text: `${sharedText} ${distinctWords('dec', 14_000)}`,
    });
    // …the largest text in other words, and the costliest to diff found: 25,000 words of two letters.
    await as(vaxjo)('PUT', `/cases/${c.id}/decision-points/joint-agreement/decisions/${boards[1]}`, { ...decided, text: distinctWords('other', 50_000) });
    await as(alvesta)('PUT', `/cases/${c.id}/decision-points/joint-agreement/decisions/${boards[2]}`, { ...decided, text: twoLetterWords(25_000, 2) });
    // A second point whose reference is two-letter words too: every word has many partners.
    await r('POST', `/cases/${c.id}/decision-points`, {
      key: 'two-letters',
      title: 'Två bokstäver',
      referenceText: twoLetterWords(25_000, 1),
      boardIds: [boards[2]],
    });
    await as(alvesta)('PUT', `/cases/${c.id}/decision-points/two-letters/decisions/${boards[2]}`, { ...decided, text: twoLetterWords(24_900, 2) });

    const read = await whileMeasuring(t, () => r('GET', `/cases/${c.id}/decision-points/joint-agreement`));
    const twoLetters = await whileMeasuring(t, () => r('GET', `/cases/${c.id}/decision-points/two-letters`));
    const gate = await whileMeasuring(t, () => r('GET', `/cases/${c.id}/gate?event=ADVANCE`));
    for (const [name, m] of Object.entries({ read, twoLetters, gate })) {
      console.log(
        `${name}: ${m.tookMs.toFixed(0)} ms, event loop blocked at most ${m.maxLoopDelayMs.toFixed(0)} ms, /health at most ${m.slowestHealthMs.toFixed(0)} ms meanwhile`,
      );
    }

    const view = read.result;
    expect(view.boards.map((b: any) => [b.text.identical, b.text.wordByWord])).toEqual([
      [false, false],
      [false, false],
      [false, false],
    ]);
    // The region's text shares the reference's first words: the passage after them is marked as a whole.
    const shared = sharedText.split(' ').length;
    const regionText = view.boards[0].text;
    expect(regionText.differingWords).toEqual([{ from: shared + 1, to: reference.split(' ').length }]);
    expect(regionText.diff.map((p: any) => p.op)).toEqual(['same', 'missing', 'extra']);
    expect(regionText.diff[0].words).toHaveLength(shared);
    // Generous bounds for a loaded machine (measured 44–155 ms there, mostly splitting and serialising
    // the texts; each diff stops at 15 ms); unbounded, one read took minutes with the loop blocked throughout.
    expect(twoLetters.result.boards[0].text).toMatchObject({ identical: false, wordByWord: false });
    for (const m of [read, twoLetters, gate]) {
      expect(m.maxLoopDelayMs).toBeLessThan(300);
      expect(m.slowestHealthMs).toBeLessThan(1000);
    }
    const differences = (gate.result.failures as Array<{ rule: string; message: string }>).filter((f) => f.rule === 'texts-identical').map((f) => f.message);
    expect(differences).toHaveLength(3);
    expect(differences[0]).toMatch(/^Region Kronoberg – regionstyrelsen: beslutstexten skiljer sig från referenstexten \(ord \d+–\d+\)\.$/);
  }, 240_000);
});

describe("Kolada's live API is called within limits, and only for someone who may import", () => {
  let t: TestApp;
  let kolada: Server;
  let mode: 'ok' | 'redirect' | 'slow' | 'slowBody' | 'huge' = 'ok';
  const requested: string[] = [];
  const document = (kpi: string, municipality: string, padding = '') =>
    JSON.stringify({ count: 1, padding, values: [{ kpi, municipality, period: 2025, values: [{ gender: 'T', value: 7.5 }] }] });

  beforeAll(async () => {
    // A stand-in for api.kolada.se on this machine that misbehaves as told.
    kolada = createServer((req, res) => {
      requested.push(req.url ?? '');
      const match = /\/v2\/data\/kpi\/(\w+)\/municipality\/(\d+)$/.exec(req.url ?? '');
      if (!match) return void res.writeHead(404).end();
      const [, kpi, municipality] = match as unknown as [string, string, string];
      if (req.url!.startsWith('/elsewhere/')) return void res.writeHead(200, { 'content-type': 'application/json' }).end(document(kpi, municipality));
      if (mode === 'redirect') return void res.writeHead(302, { location: `/elsewhere${req.url}` }).end();
      if (mode === 'slow') return void setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(document(kpi, municipality)), 3_000);
      if (mode === 'slowBody') {
        res.writeHead(200, { 'content-type': 'application/json' });
        const body = document(kpi, municipality);
        let i = 0;
        const drip = setInterval(() => {
          if (i < body.length && !res.destroyed) res.write(body[i++]);
          else {
            clearInterval(drip);
            res.end();
          }
        }, 100);
        return;
      }
      if (mode === 'huge') {
        // A valid document of about 2 MB, sent in pieces without a length.
        res.writeHead(200, { 'content-type': 'application/json' });
        const body = document(kpi, municipality, 'x'.repeat(2_000_000));
        for (let i = 0; i < body.length; i += 65_536) res.write(body.slice(i, i + 65_536));
        return void res.end();
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(document(kpi, municipality));
    });
    await new Promise<void>((r) => kolada.listen(0, '127.0.0.1', r));
    t = await startTestApp({
      config: { koladaBaseUrl: `http://127.0.0.1:${(kolada.address() as AddressInfo).port}/`, kolada: { timeoutMs: 500, maxBytes: 256 * 1024 } },
    });
  });
  afterAll(async () => {
    await t.close();
    kolada.closeAllConnections();
    await new Promise((r) => kolada.close(r));
  });

  it('asks Kolada nothing for someone who may not import, follows no redirect, and gives up on slow or oversized answers with 502', async () => {
    const { body: c } = await t.request('POST', '/cases', { body: { workflow: 'samverkan', title: 'Kolada med gränser' } });
    await t.request('POST', `/cases/${c.id}/goals`, { body: { title: 'Lägre arbetslöshet i Växjö', kpi: 'N03937', municipalityCode: '0780' } });
    const sync = async (as?: TestActor) => {
      const started = performance.now();
      const res = await t.request('POST', `/cases/${c.id}/goals/kolada-sync`, as ? { as } : {});
      return { ...res, ms: performance.now() - started };
    };

    // A colleague of the secretariat's organisation without a role on the case may not import: no request goes out.
    const forbidden = await sync(STEERING_GROUP);
    expect(forbidden.status).toBe(403);
    expect(requested).toEqual([]);

    mode = 'redirect';
    const redirected = await sync();
    expect(redirected.body).toMatchObject({ status: 502, code: 'UPSTREAM_UNAVAILABLE', message: expect.stringContaining('omdirigering (302)') });
    expect(requested.filter((u) => u.startsWith('/elsewhere/'))).toEqual([]);

    mode = 'slow';
    const slow = await sync();
    expect(slow.body).toMatchObject({ status: 502, code: 'UPSTREAM_UNAVAILABLE', message: expect.stringContaining('inget svar inom 0,5 s') });
    expect(slow.ms).toBeLessThan(2_500);

    mode = 'slowBody';
    const dripping = await sync();
    expect(dripping.body).toMatchObject({ status: 502, message: expect.stringContaining('inget svar inom 0,5 s') });
    expect(dripping.ms).toBeLessThan(2_500);

    mode = 'huge';
    const huge = await t.request('POST', `/cases/${c.id}/goals/kolada-sync`, { headers: { 'accept-language': 'en' } });
    expect(huge.body).toMatchObject({
      status: 502,
      message: "Kolada: the answer is larger than 262144 bytes; try again later or import a file in Kolada's format.",
    });

    // Nothing was imported by any of them; a proper answer still is.
    expect((await t.request('GET', `/cases/${c.id}/goals`)).body[0].measurements).toEqual([]);
    mode = 'ok';
    expect((await sync()).body).toMatchObject({ imported: 1 });
  }, 60_000);
});

describe("a case's stored files are bounded together", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { caseFilesMaxBytes: 3 * 1024 * 1024 } });
  });
  afterAll(() => t.close());

  it('refuses a file that would take the case past CASE_FILES_MAX_MB with 413, storing nothing; a replaced file does not count twice', async () => {
    const { body: c } = await t.request('POST', '/cases', { body: { workflow: 'samverkan', title: 'Många filer' } });
    const documents = await Promise.all(
      ['Bilaga 1', 'Bilaga 2'].map(
        async (title) => (await t.request('POST', `/cases/${c.id}/documents`, { body: { title, kind: 'other' } })).body.id as string,
      ),
    );
    const upload = (doc: string, megabytes: number, headers: Record<string, string> = {}) =>
      t.request('PUT', `/cases/${c.id}/documents/${doc}/file?name=bilaga.pdf`, {
        rawBody: 'x'.repeat(megabytes * 1024 * 1024),
        headers: { 'content-type': 'application/pdf', ...headers },
      });
    expect((await upload(documents[0]!, 2)).status).toBe(200);
    const version = (await t.request('GET', `/cases/${c.id}`)).body.version;

    const over = await upload(documents[1]!, 2);
    expect(over.body).toMatchObject({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: 'ärendets filer får tillsammans vara högst 3 MB, och 2 MB är redan lagrade; länka dokumentet i partens diarium i stället',
    });
    expect((await upload(documents[1]!, 2, { 'accept-language': 'en' })).body.message).toBe(
      "the case's files may together be at most 3 MB, and 2 MB are stored already; link the document in the party's registry instead",
    );
    expect((await t.request('GET', `/cases/${c.id}/documents/${documents[1]}/file`)).status).toBe(404);
    expect((await t.request('GET', `/cases/${c.id}`)).body.version).toBe(version);

    // Replacing the stored file with a larger one counts only the new one.
    expect((await upload(documents[0]!, 3)).status).toBe(200);
  });
});

describe('the registry lists are paged and show sign-in subjects only to those who may see them', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("pages /people, /organisations and /tokens with limit and offset, and hides others' subjects from non-administrators", async () => {
    const me = await t.identity(MEMBER);
    const em = t.orm.em.fork();
    for (let i = 0; i < 130; i++) {
      em.create(PersonRecord, {
        id: randomUUID(),
        subject: `person${String(i).padStart(3, '0')}@kommun.example`,
        name: `Person ${String(i).padStart(3, '0')}`,
        email: null,
        organisationId: me.organisationId,
        active: true,
        deactivatedAt: null,
        systemRoles: [],
      });
    }
    await em.flush();
    await t.identity(ADMINISTRATOR);
    const everyone = 130 + 2; // and the member and the administrator

    const first = (await t.request('GET', '/people', { as: MEMBER })).body;
    expect(first).toMatchObject({ total: everyone, limit: 100, offset: 0 });
    expect(first.items).toHaveLength(100);
    // Name, organisation and status only; one's own subject to oneself.
    expect(first.items[0]).toEqual({ id: expect.any(String), name: 'Person 000', organisationId: me.organisationId, active: true });
    const rest = (await t.request('GET', '/people?offset=100&limit=500', { as: MEMBER })).body;
    expect(rest).toMatchObject({ total: everyone, limit: 500, offset: 100 });
    expect(rest.items).toHaveLength(everyone - 100);
    const seen = [...first.items, ...rest.items];
    expect(new Set(seen.map((p: any) => p.id)).size).toBe(everyone);
    expect(seen.filter((p: any) => 'subject' in p)).toEqual([expect.objectContaining({ id: me.personId, subject: MEMBER.person })]);
    const asAdmin = (await t.request('GET', '/people?limit=500', { as: ADMINISTRATOR })).body.items;
    expect(asAdmin.every((p: any) => typeof p.subject === 'string')).toBe(true);

    for (const bad of ['limit=501', 'limit=0', 'offset=-1', 'limit=ten']) expect((await t.request('GET', `/people?${bad}`, { as: MEMBER })).status).toBe(400);

    await t.app.get(RegistryService).seed();
    const organisations = (await t.request('GET', '/organisations?limit=2&offset=1', { as: MEMBER })).body;
    expect(organisations).toMatchObject({ limit: 2, offset: 1, total: expect.any(Number) });
    const all = (await t.request('GET', '/organisations?limit=500', { as: MEMBER })).body;
    expect(organisations.items).toEqual(all.items.slice(1, 3));
    expect(all.items).toHaveLength(all.total);

    for (const name of ['Ett', 'Två', 'Tre'])
      expect((await t.request('POST', '/tokens', { body: { name, personId: me.personId }, as: ADMINISTRATOR })).status).toBe(201);
    const tokens = (await t.request('GET', '/tokens?limit=2', { as: ADMINISTRATOR })).body;
    expect(tokens).toMatchObject({ limit: 2, offset: 0, total: expect.any(Number) });
    expect(tokens.total).toBeGreaterThanOrEqual(3);
    expect(tokens.items).toHaveLength(2);
    const later = (await t.request('GET', '/tokens?limit=500&offset=2', { as: ADMINISTRATOR })).body.items;
    const names = [...tokens.items, ...later].map((k: any) => k.name);
    expect(names).toHaveLength(tokens.total);
    expect(names).toEqual(expect.arrayContaining(['Ett', 'Två', 'Tre']));
    expect((await t.request('GET', '/tokens?limit=501', { as: ADMINISTRATOR })).status).toBe(400);
  });
});
