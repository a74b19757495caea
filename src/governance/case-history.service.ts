import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { AuditEventRecord } from '../audit/audit-event.entity.js';
import { CaseQueries } from '../cases/case-queries.js';
import { CaseRecord } from '../cases/case.entity.js';
import { notFound } from '../common/domain-error.js';
import type { Language } from '../common/i18n.js';
import { isUuid } from '../common/uuid.js';
import { DefinitionRegistry } from '../definitions/definition-registry.js';
import { BoardRecord, PersonRecord } from '../registry/organisation.entity.js';
import { organisationsById } from '../registry/organisations-by-id.js';
import { DocumentRecord } from './document.entity.js';
import { GoalRecord } from './goal.entity.js';
import { summarize, type HistoryLookups, type HistorySummary } from './history-summary.js';
import { boardLabel } from './labels.js';

/** A history event with what it says in words. */
export interface HistoryEntry {
  event: AuditEventRecord;
  summary: HistorySummary;
}

/**
 * A page of a case's history, each event with a summary in words (src/governance/history-summary.ts).
 * The names it needs (people by login subject and id, organisations, boards, goals, documents) are
 * read once for the page, from the ids its events carry. Reads only.
 */
@Injectable()
export class CaseHistory {
  constructor(
    private readonly orm: MikroORM,
    private readonly queries: CaseQueries,
    private readonly definitions: DefinitionRegistry,
  ) {}

  /** @throws DomainError NOT_FOUND */
  async page(caseId: string, range: { after?: number; limit?: number }, lang: Language): Promise<HistoryEntry[]> {
    const events = await this.queries.history(caseId, range);
    const em = this.orm.em.fork();
    const record = await em.findOne(CaseRecord, { id: caseId });
    if (!record) throw notFound('case', caseId);
    const workflow = await this.definitions.get(record.workflowId, record.workflowVersion, em);

    const ids = new Set<string>();
    for (const e of events) {
      collectUuids(e.payload, ids);
      if (isUuid(e.actorOrganisation)) ids.add(e.actorOrganisation);
    }
    const subjects = [...new Set(events.filter((e) => e.actorKind === 'person').map((e) => e.actorPerson))];
    const list = [...ids];
    const people = list.length || subjects.length ? await em.find(PersonRecord, { $or: [{ id: { $in: list } }, { subject: { $in: subjects } }] }) : [];
    const boards = list.length ? await em.find(BoardRecord, { id: { $in: list } }) : [];
    const organisations = await organisationsById(em, [...list, ...people.map((p) => p.organisationId), ...boards.map((b) => b.organisationId)].filter(isUuid));
    const goals = list.length ? await em.find(GoalRecord, { caseId, id: { $in: list } }) : [];
    const documents = list.length ? await em.find(DocumentRecord, { caseId, id: { $in: list } }) : [];

    const byId = new Map(people.map((p) => [p.id, p]));
    const bySubject = new Map(people.map((p) => [p.subject, p]));
    const boardNames = new Map(boards.map((b) => [b.id, boardLabel(organisations.get(b.organisationId), b)]));
    const goalTitles = new Map(goals.map((g) => [g.id, g.title]));
    // A confidential document is named by its kind only: the history never names it either.
    const docs = new Map(documents.map((d) => [d.id, { kind: d.kind, title: d.confidential ? null : d.title }]));
    const lookups: HistoryLookups = {
      personBySubject: (subject) => {
        const p = bySubject.get(subject);
        return p ? { name: p.name, organisation: p.organisationId } : undefined;
      },
      person: (id) => {
        const p = byId.get(id);
        return p ? { name: p.name, organisation: p.organisationId } : undefined;
      },
      organisation: (id) => organisations.get(id)?.name,
      board: (id) => boardNames.get(id),
      goal: (id) => goalTitles.get(id),
      document: (id) => docs.get(id),
      workflow,
    };
    return events.map((event) => ({ event, summary: summarize(event, lookups, lang) }));
  }
}

/** Every UUID in a JSON value (ids of people, organisations, boards, goals, documents). */
function collectUuids(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (isUuid(value)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) collectUuids(v, into);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) collectUuids(v, into);
  }
}
