import { ROLE_TITLES, type CaseRole } from '../definitions/roles.js';
import type { Language } from '../common/i18n.js';
import type { DecisionPointOverview } from './decisions.service.js';
import type { DocumentRecord, SignatureRecord } from './document.entity.js';
import type { GoalWithProgress } from './goals.service.js';
import type { BoardRecord, OrganisationRecord, PersonRecord } from '../registry/organisation.entity.js';
import type { CasePartyRecord, CaseRoleRecord, ChairRotationRecord } from '../cases/party.entity.js';
import type { ActionRecord, ResourceCommitmentRecord } from './work.entity.js';

/*
 * API views of governance data. Pure mappings: the services return records, the controllers
 * answer with these. Names of organisations and people are looked up by the caller and passed in.
 */

export type Names = ReadonlyMap<string, string>;

export function organisationView(o: OrganisationRecord, boards?: BoardRecord[]) {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    orgNumber: o.orgNumber,
    municipalityCode: o.municipalityCode,
    ...(boards ? { boards: boards.map(boardView) } : {}),
  };
}

export function boardView(b: BoardRecord) {
  return { id: b.id, organisationId: b.organisationId, name: b.name, kind: b.kind };
}

/**
 * A person of the registry. GDPR (data minimisation): the sign-in subject (often an e-mail
 * address), the e-mail address and system roles are shown only to administrators, who keep the
 * registry (the subject also to the person themself); everyone else sees name, organisation and status.
 */
export function personView(p: PersonRecord, forAdministrator = false, themself = false) {
  return {
    id: p.id,
    ...(forAdministrator || themself ? { subject: p.subject } : {}),
    name: p.name,
    organisationId: p.organisationId,
    active: p.active,
    ...(forAdministrator ? { email: p.email, systemRoles: p.systemRoles } : {}),
  };
}

export function partyView(p: CasePartyRecord, names: Names) {
  return {
    organisation: { id: p.organisationId, name: names.get(p.organisationId) ?? null },
    responsibilities: p.responsibilities,
    mustSign: p.mustSign,
    benefit: p.benefit,
    addedAt: p.addedAt.toISOString(),
  };
}

export function roleView(r: CaseRoleRecord, names: Names, lang: Language) {
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? null } : null);
  return {
    id: r.id,
    role: r.role,
    title: ROLE_TITLES[r.role as CaseRole]?.[lang] ?? r.role,
    organisation: { id: r.organisationId, name: names.get(r.organisationId) ?? null },
    holder: person(r.holderId),
    deputy: person(r.deputyId),
    required: r.required,
    vacant: !r.holderId,
    vacantSince: r.vacantSince?.toISOString() ?? null,
  };
}

export function rotationView(r: ChairRotationRecord | null, names: Names) {
  if (!r) return null;
  return {
    entries: r.entries.map((e) => ({
      organisation: { id: e.organisationId, name: names.get(e.organisationId) ?? null },
      person: e.personId ? { id: e.personId, name: names.get(e.personId) ?? null } : null,
    })),
    periodMonths: r.periodMonths,
    current: { id: r.entries[r.currentIndex]!.organisationId, name: names.get(r.entries[r.currentIndex]!.organisationId) ?? null },
    nextRotationOn: r.nextRotationOn,
  };
}

export function decisionPointSummaryView(p: { id: string; key: string; title: string; referenceText: string; boardIds: string[] }) {
  return { id: p.id, key: p.key, title: p.title, referenceText: p.referenceText, boardIds: p.boardIds };
}

/** The secretariat's view of a decision point: a line per board with status, dates and the word diff. */
export function decisionPointView(o: DecisionPointOverview) {
  return {
    ...decisionPointSummaryView(o.point),
    summary: o.summary,
    boards: o.boards.map((line) => ({
      board: { id: line.board.id, name: line.board.name, label: line.label },
      organisation: { id: line.organisation.id, name: line.organisation.name },
      status: line.status,
      decision: line.decision
        ? {
            text: line.decision.text,
            meetingDate: line.decision.meetingDate,
            minutesParagraph: line.decision.minutesParagraph,
            minutesApprovedDate: line.decision.minutesApprovedDate,
            announcedDate: line.decision.announcedDate,
            appealDeadline: line.decision.appealDeadline,
            finalFrom: line.finalFrom,
            recordedStatus: line.decision.status,
            updatedAt: line.decision.updatedAt.toISOString(),
          }
        : null,
      // wordByWord false: the texts differ too much to compare word by word; diff and differingWords mark the differing passage as a whole.
      text: line.comparison
        ? { identical: line.comparison.identical, differingWords: line.comparison.ranges, diff: line.comparison.diff, wordByWord: line.comparison.wordByWord }
        : null,
    })),
  };
}

export function goalView({ goal, measurements, progress }: GoalWithProgress) {
  return {
    id: goal.id,
    title: goal.title,
    indicator: { kpi: goal.kpi, name: goal.indicatorName, unit: goal.unit },
    measuredFor: { municipalityCode: goal.municipalityCode, organisationId: goal.organisationId },
    baseline: { value: goal.baselineValue, year: goal.baselineYear },
    target: { kind: goal.targetKind, value: goal.targetValue, year: goal.targetYear, resolvedValue: progress.targetValue },
    direction: progress.direction,
    measurements: measurements.map((m) => ({ period: m.period, value: m.value, source: m.source })),
    progress: { latest: progress.latest, share: progress.share, expectedShare: progress.expectedShare, onTrack: progress.onTrack },
  };
}

export function commitmentView(c: ResourceCommitmentRecord, names: Names) {
  return {
    id: c.id,
    organisation: { id: c.organisationId, name: names.get(c.organisationId) ?? null },
    kind: c.kind,
    amount: c.amount,
    unit: c.unit,
    description: c.description,
    periodStart: c.periodStart,
    periodEnd: c.periodEnd,
  };
}

export function actionView(a: ActionRecord, names: Names) {
  return {
    id: a.id,
    title: a.title,
    responsible: a.responsibleOrganisationId ? { id: a.responsibleOrganisationId, name: names.get(a.responsibleOrganisationId) ?? null } : null,
    dueDate: a.dueDate,
    status: a.status,
    subgroup: a.subgroup.map((id) => ({ id, name: names.get(id) ?? null })),
    goalId: a.goalId,
  };
}

export function documentView(d: DocumentRecord, signatures: SignatureRecord[], names: Names) {
  return {
    id: d.id,
    title: d.title,
    kind: d.kind,
    organisation: d.organisationId ? { id: d.organisationId, name: names.get(d.organisationId) ?? null } : null,
    registry: d.registryOrganisationId
      ? { organisation: { id: d.registryOrganisationId, name: names.get(d.registryOrganisationId) ?? null }, registrationNumber: d.registrationNumber }
      : null,
    link: d.link,
    file: d.fileSha256 ? { name: d.fileName, type: d.fileType, size: d.fileSize, sha256: d.fileSha256 } : null,
    confidential: d.confidential,
    visibleTo: d.confidential ? d.visibleTo.map((id) => ({ id, name: names.get(id) ?? null })) : null,
    signatures: signatures.map((s) => ({ organisation: { id: s.organisationId, name: names.get(s.organisationId) ?? null }, signedOn: s.signedOn })),
    createdAt: d.createdAt.toISOString(),
  };
}
