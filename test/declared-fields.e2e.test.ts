import { readFileSync } from 'node:fs';
import { ADMINISTRATOR, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Case fields and document kinds have names: the workflow declares them with labels, the case
 * shows them, a declared field takes values of its type, gate messages use the labels, and a
 * workflow whose gate names an undeclared field is refused.
 */
describe('case fields and document kinds declared by the workflow', () => {
  let t: TestApp;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    caseId = (await t.request('POST', '/cases', { body: { workflow: 'boras', title: 'Trygg i Borås' } })).body.id;
  });
  afterAll(() => t?.close());

  it('the case lists the declared fields with label, help and value, and every document kind, declared first', async () => {
    await t.request('PATCH', `/cases/${caseId}/fields`, { body: { arena: 'Samverkansforum' } });
    const c = (await t.request('GET', `/cases/${caseId}`)).body;
    expect(c.declaredFields).toEqual([
      { key: 'arena', type: 'longText', label: 'Arena (forum)', help: expect.stringContaining('Var möts parterna?'), value: 'Samverkansforum' },
      { key: 'dataSources', type: 'longText', label: 'Underlag för lägesbilden', help: expect.any(String), value: null },
    ]);
    expect(c.documentKinds.slice(0, 5).map((k: any) => `${k.label}${k.declared ? '' : ' (ej deklarerat)'}`)).toEqual([
      'Avtal',
      'Avsiktsförklaring',
      'Problemformulering',
      'Lägesbild',
      'Uppföljningsrapport',
    ]);
    expect(c.documentKinds.find((k: any) => k.key === 'plan')).toEqual({ key: 'plan', label: 'Plan', declared: false });
    const english = (await t.request('GET', `/cases/${caseId}`, { headers: { 'accept-language': 'en' } })).body;
    expect(english.declaredFields[1].label).toBe('Data the situation picture rests on');
  });

  it('refuses a declared field’s value of another type, naming the field by its label; keeps undeclared keys', async () => {
    const wrong = await t.request('PATCH', `/cases/${caseId}/fields`, { body: { arena: 42 } });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'UNPROCESSABLE', errors: [{ path: 'arena', message: '"Arena (forum)" ska vara en text' }] });
    const english = await t.request('PATCH', `/cases/${caseId}/fields`, { body: { arena: true }, headers: { 'accept-language': 'en' } });
    expect(english.body.errors).toEqual([{ path: 'arena', message: '"Arena (forum)" must be a text' }]);
    const note = await t.request('PATCH', `/cases/${caseId}/fields`, { body: { anteckning: 'Nästa möte 3 mars' } });
    expect(note.status).toBe(200);
    expect(note.body.fields).toMatchObject({ arena: 'Samverkansforum', anteckning: 'Nästa möte 3 mars' });
    expect(note.body.declaredFields.map((f: any) => f.key)).toEqual(['arena', 'dataSources']);
  });

  it('gate messages name fields and document kinds by the workflow’s labels, in the caller’s language', async () => {
    await t.request('POST', `/cases/${caseId}/events`, { body: { type: 'ADVANCE' } }); // blocked: still gathering
    const sv = (await t.request('GET', `/cases/${caseId}/gate?event=ADVANCE`)).body;
    const messages = sv.failures.map((f: any) => f.message);
    expect(messages).toContain('Avsiktsförklaringen saknas: registrera den som dokument av slaget "Avsiktsförklaring".');
    for (const m of messages) expect(m).not.toMatch(/"(arena|declarationOfIntent|agreement)"/);
    const en = (await t.request('GET', `/cases/${caseId}/gate?event=ADVANCE`, { headers: { 'accept-language': 'en' } })).body;
    expect(en.failures.map((f: any) => f.message)).toContain(
      'The declaration of intent is missing: register it as a document of the kind "Declaration of intent".',
    );
  });

  it('refuses to publish a workflow whose gate names a field it does not declare, at the gate’s pointer', async () => {
    const wf = JSON.parse(readFileSync('workflows/blekinge.v1.json', 'utf8'));
    wf.version = 2;
    wf.meta.fields = wf.meta.fields.filter((f: { key: string }) => f.key !== 'continuationPlan');
    const res = await t.request('POST', '/workflows/validate', { as: ADMINISTRATOR, body: { workflow: wf } });
    expect(res.body.valid).toBe(false);
    expect(res.body.problems.map((p: any) => `${p.pointer}: ${p.message}`)).toEqual([
      '/states/followUp/on/CLOSE/meta/gate/1: regeluppsättningen "blekinge-continuation" nämner fältet "continuationPlan" (rules/blekinge-continuation.json#/conditions/0/when/value), men arbetsflödet deklarerar det inte; lägg till det i "meta.fields" med etikett på svenska och engelska (deklarerade fält: "arena", "dataSources")',
    ]);
  });
});
