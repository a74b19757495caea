import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126120000Foundation } from './Migration20261126120000Foundation.js';
import { Migration20261127090000Governance } from './Migration20261127090000Governance.js';
import { Migration20261128090000Access } from './Migration20261128090000Access.js';
import { Migration20261128090000Deadlines } from './Migration20261128090000Deadlines.js';
import { Migration20261129090000DecisionDigests } from './Migration20261129090000DecisionDigests.js';
import { Migration20261129100000EscalationClaimOrder } from './Migration20261129100000EscalationClaimOrder.js';
import { Migration20261130090000DocumentOwners } from './Migration20261130090000DocumentOwners.js';
import { Migration20261130100000HistorySignatures } from './Migration20261130100000HistorySignatures.js';

/**
 * Every migration, in order. Listed explicitly rather than found by globbing the folder, so the
 * same list works from TypeScript (tests) and from the compiled service. A new migration file is
 * added here; a test fails if a file in this folder is missing from the list.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261126120000Foundation', class: Migration20261126120000Foundation },
  { name: 'Migration20261127090000Governance', class: Migration20261127090000Governance },
  { name: 'Migration20261128090000Access', class: Migration20261128090000Access },
  { name: 'Migration20261128090000Deadlines', class: Migration20261128090000Deadlines },
  { name: 'Migration20261129090000DecisionDigests', class: Migration20261129090000DecisionDigests },
  { name: 'Migration20261129100000EscalationClaimOrder', class: Migration20261129100000EscalationClaimOrder },
  { name: 'Migration20261130090000DocumentOwners', class: Migration20261130090000DocumentOwners },
  { name: 'Migration20261130100000HistorySignatures', class: Migration20261130100000HistorySignatures },
];
