import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../access/actor.js';
import type { CompiledWorkflow } from '../definitions/compile-workflow.js';
import type { CaseState } from './case-engine.js';
import type { CaseRecord } from './case.entity.js';

/** A case entering a state (a new case: `from` is null). */
export interface StateChange {
  em: EntityManager;
  record: CaseRecord;
  workflow: CompiledWorkflow;
  from: CaseState | null;
  to: CaseState;
  /** The sequence number of the history event that records the change. */
  seq: number;
  actor: Actor;
  now: Date;
}

/**
 * Something that must change in the **same transaction** when a case changes state, e.g. the
 * deadline rows of the deadlines module. Listeners write through `em` (the command's unit of
 * work) and never flush or commit themselves.
 */
export interface CaseStateListener {
  onStateChange(change: StateChange): Promise<void> | void;
}

/** Nest token for the list of {@link CaseStateListener}s. */
export const CASE_STATE_LISTENERS = Symbol('CaseStateListeners');
