import type { EntityManager } from '@mikro-orm/postgresql';
import type { VersionUsage } from '../definitions/definition-registry.js';
import { CaseRecord } from './case.entity.js';

/** The cases' answer to the definition registry: how many cases run on a workflow version. */
export const caseVersionUsage: VersionUsage = {
  casesOn: (em: EntityManager, workflowId: string, version: number) => em.count(CaseRecord, { workflowId, workflowVersion: version }),
};
