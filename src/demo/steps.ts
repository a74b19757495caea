import { MUNICIPAL_BOARDS, REGIONAL_BOARDS } from './boards.js';
import type { Walk } from './walk.js';

/** An organisation taking part in a demo case. */
export interface DemoParty {
  name: string;
  kind: 'municipality' | 'region' | 'stateAgency' | 'university' | 'business' | 'civilSociety' | 'other';
  code?: string;
  responsibilities: Array<'leads' | 'decides' | 'contributes' | 'informed'>;
  mustSign?: boolean;
  /** What the collaboration gives back to this party. */
  benefit: string;
  boards?: Array<{ name: string; kind: 'council' | 'executive' | 'committee' }>;
}

/*
 * The steps every samverkan goes through, as a secretariat would do them over the API. Each
 * scenario calls them with its own parties, texts and goals.
 */

/** Registers the parties (and, if the registry lacks them, the organisations with their boards). */
export async function addParties(w: Walk, parties: DemoParty[]): Promise<Map<string, { id: string; boards: Map<string, string> }>> {
  const ids = new Map<string, { id: string; boards: Map<string, string> }>();
  await w.fix(`Registrerar ${parties.length} parter: ${parties.map((p) => `${p.name} (${p.responsibilities.join(', ')})`).join('; ')}`, async () => {
    const already = new Set((await w.api.get(`/cases/${w.caseId}/parties`)).map((p: any) => p.organisation.id));
    for (const p of parties) {
      const org = await w.organisation(
        p.name,
        p.kind,
        p.code,
        p.boards ?? (p.kind === 'municipality' ? MUNICIPAL_BOARDS : p.kind === 'region' ? REGIONAL_BOARDS : []),
      );
      ids.set(p.name, org);
      const terms = { responsibilities: p.responsibilities, ...(p.mustSign !== undefined ? { mustSign: p.mustSign } : {}) };
      // The organisation that started the case is a party already: it only gets its terms.
      if (already.has(org.id))
        await w.api.patch(`/cases/${w.caseId}/parties/${org.id}`, { ...terms, mustSign: p.mustSign ?? p.responsibilities.includes('decides') });
      else await w.api.post(`/cases/${w.caseId}/parties`, { organisationId: org.id, ...terms });
    }
  });
  return ids;
}

/** Appoints people to roles for a party (required roles: a gate checks they are never vacant). */
export async function appoint(w: Walk, role: string, organisationId: string, holder: string, deputy?: string): Promise<string> {
  let holderId = '';
  await w.fix(`Utser ${holder}${deputy ? ` (ersättare ${deputy})` : ''} till ${role}`, async () => {
    holderId = await w.person(holder, organisationId);
    const deputyId = deputy ? await w.person(deputy, organisationId) : null;
    await w.api.post(`/cases/${w.caseId}/roles`, { role, organisationId, holderId, deputyId, required: true });
  });
  return holderId;
}

/** Records a document in a party's registry, and the parties that sign or endorse it. */
export async function documentSignedBy(
  w: Walk,
  doc: { title: string; kind: string; registry: string; number: string },
  signers: string[],
  signedDaysAgo = 30,
): Promise<string> {
  let id = '';
  await w.fix(`Registrerar "${doc.title}" (${doc.number})${signers.length ? ` och ${signers.length} parters underskrift` : ''}`, async () => {
    id = (
      await w.api.post(`/cases/${w.caseId}/documents`, {
        title: doc.title,
        kind: doc.kind,
        registryOrganisationId: doc.registry,
        registrationNumber: doc.number,
      })
    ).id;
    for (const organisationId of signers)
      await w.api.post(`/cases/${w.caseId}/documents/${id}/signatures`, { organisationId, signedOn: w.daysAgo(signedDaysAgo) });
  });
  return id;
}

/** Fills case fields. */
export async function fields(w: Walk, values: Record<string, string>, what: string): Promise<void> {
  await w.fix(what, () => w.api.patch(`/cases/${w.caseId}/fields`, values));
}

/** States each party's benefit (vinn-vinn). */
export async function benefits(w: Walk, parties: DemoParty[], ids: Map<string, { id: string }>): Promise<void> {
  await w.fix('Beskriver vad samverkan ger varje part (vinn-vinn)', async () => {
    for (const p of parties) await w.api.patch(`/cases/${w.caseId}/parties/${ids.get(p.name)!.id}`, { benefit: p.benefit });
  });
}

/** Commits resources for each contributing party. */
export async function commitResources(
  w: Walk,
  commitments: Array<{ organisationId: string; kind: string; amount: number; unit: string; description: string }>,
): Promise<void> {
  await w.fix(`Registrerar ${commitments.length} resursåtaganden`, async () => {
    for (const c of commitments) await w.api.post(`/cases/${w.caseId}/resources`, c);
  });
}

/** Adds actions and starts the first. */
export async function actionPlan(
  w: Walk,
  actions: Array<{ title: string; responsibleOrganisationId: string; dueInDays: number; subgroup?: string[] }>,
): Promise<string[]> {
  const ids: string[] = [];
  await w.fix(`Lägger in ${actions.length} åtgärder med ansvarig part och datum, och startar den första`, async () => {
    for (const a of actions) {
      const due = w.daysAgo(-a.dueInDays);
      ids.push(
        (
          await w.api.post(`/cases/${w.caseId}/actions`, {
            title: a.title,
            responsibleOrganisationId: a.responsibleOrganisationId,
            dueDate: due,
            ...(a.subgroup ? { subgroup: a.subgroup } : {}),
          })
        ).id,
      );
    }
    await w.api.patch(`/cases/${w.caseId}/actions/${ids[0]}`, { status: 'inProgress' });
  });
  return ids;
}

/** A year's values of goals, as a Kolada data file (illustrative values, not Kolada's real figures). */
export function koladaFile(rows: Array<{ kpi: string; municipality: string; period: number; value: number }>): unknown {
  return {
    count: rows.length,
    values: rows.map((r) => ({ kpi: r.kpi, municipality: r.municipality, period: r.period, values: [{ count: 1, gender: 'T', status: '', value: r.value }] })),
  };
}

/**
 * Follow-up and around again: the follow-up gate is tried first (and explained), measurements and
 * the report are recorded, the case loops back to the action plans and returns to follow-up.
 */
export async function followUpAndLoop(
  w: Walk,
  measure: () => Promise<void>,
  report: { registry: string; number: string },
  extra?: () => Promise<void>,
): Promise<void> {
  await w.attempt('REVISE_PLANS');
  await measure();
  await documentSignedBy(w, { title: 'Uppföljningsrapport', kind: 'followUpReport', registry: report.registry, number: report.number }, []);
  if (extra) await extra();
  await w.advance('REVISE_PLANS');
  await w.advance('ADVANCE');
}
