import type { EntityManager } from '@mikro-orm/postgresql';
import type { CaseRecord } from '../cases/case.entity.js';
import { BoardDecisionRecord, DecisionPointRecord } from './decision.entity.js';
import { decisionSnapshot } from './decisions.service.js';
import { DocumentRecord, SignatureRecord } from './document.entity.js';
import { GoalRecord, MeasurementRecord } from './goal.entity.js';
import { goalSnapshot } from './goals.service.js';
import { roleSummary } from './parties.service.js';
import { CasePartyRecord, CaseRoleRecord } from '../cases/party.entity.js';
import { actionSnapshot, commitmentSnapshot } from './work.service.js';
import { ActionRecord, ResourceCommitmentRecord } from './work.entity.js';
import { emptyState, type GovernanceState } from '../audit/history-replay.js';

/**
 * What a case's tables hold, in the shape replaying its history gives (see `replayHistory`), each
 * record in the same snapshot form its history events carry.
 */
export async function readGovernanceState(em: EntityManager, record: CaseRecord): Promise<GovernanceState> {
  const s = emptyState();
  const caseId = record.id;
  s.case.set('case', { title: record.title, workflow: record.workflowId, workflowVersion: record.workflowVersion, state: record.state, status: record.status });
  for (const [name, value] of Object.entries(record.fields ?? {})) s.fields.set(name, { value });
  for (const p of await em.find(CasePartyRecord, { caseId }))
    s.parties.set(p.organisationId, { responsibilities: p.responsibilities, mustSign: p.mustSign, benefit: p.benefit });
  for (const r of await em.find(CaseRoleRecord, { caseId })) {
    const { id, ...role } = roleSummary(r);
    s.roles.set(id, role);
  }
  const points = await em.find(DecisionPointRecord, { caseId });
  for (const point of points) s.decisionPoints.set(point.key, { title: point.title, referenceText: point.referenceText, boards: point.boardIds });
  const keyOf = new Map(points.map((p) => [p.id, p.key]));
  if (points.length) {
    for (const d of await em.find(BoardDecisionRecord, { decisionPointId: { $in: [...keyOf.keys()] } }))
      s.decisions.set(`${keyOf.get(d.decisionPointId)} ${d.boardId}`, decisionSnapshot(d));
  }
  const documents = await em.find(DocumentRecord, { caseId });
  for (const d of documents) {
    s.documents.set(d.id, {
      kind: d.kind,
      organisation: d.organisationId,
      title: d.title,
      registry: d.registryOrganisationId,
      registrationNumber: d.registrationNumber,
      link: d.link,
      confidential: d.confidential,
      visibleTo: d.visibleTo,
      file: d.fileSha256 === null ? null : { sha256: d.fileSha256, size: d.fileSize },
    });
  }
  if (documents.length) {
    for (const sig of await em.find(SignatureRecord, { documentId: { $in: documents.map((d) => d.id) } }))
      s.signatures.set(`${sig.documentId} ${sig.organisationId}`, { signedOn: sig.signedOn });
  }
  const goals = await em.find(GoalRecord, { caseId });
  for (const g of goals) s.goals.set(g.id, goalSnapshot(g));
  if (goals.length) {
    for (const m of await em.find(MeasurementRecord, { goalId: { $in: goals.map((g) => g.id) } }))
      s.measurements.set(`${m.goalId} ${m.period}`, { value: m.value });
  }
  for (const c of await em.find(ResourceCommitmentRecord, { caseId })) {
    const { id, ...commitment } = commitmentSnapshot(c);
    s.resources.set(id, commitment);
  }
  for (const a of await em.find(ActionRecord, { caseId })) {
    const { id, ...action } = actionSnapshot(a);
    s.actions.set(id, action);
  }
  return s;
}
