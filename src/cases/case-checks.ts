import { DomainError } from '../common/domain-error.js';
import type { CompiledWorkflow, TransitionInfo } from '../definitions/compile-workflow.js';
import { activeStateIds, candidateTransitions } from './case-engine.js';
import type { CaseRecord } from './case.entity.js';

/**
 * The transitions that could take `event` in the case's current step.
 * @throws DomainError CASE_CLOSED, or EVENT_NOT_ACCEPTED listing the events that are possible
 */
export function transitionsAccepting(workflow: CompiledWorkflow, record: CaseRecord, event: string): TransitionInfo[] {
  if (record.status === 'closed') throw new DomainError('CASE_CLOSED', `the case is closed; ${event} cannot be sent`);
  const candidates = candidateTransitions(workflow, record.state, event);
  if (candidates.length) return candidates;
  const accepted = [...new Set(candidateTransitions(workflow, record.state).map((t) => t.event))];
  const here = activeStateIds(workflow, record.state).map((id) => workflow.steps.get(id)?.title.en ?? id).join(' › ');
  throw new DomainError('EVENT_NOT_ACCEPTED', `${event} is not possible in the current step (${here}); possible: ${accepted.join(', ') || 'nothing'}`, { accepted });
}
