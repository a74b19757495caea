import type { CaseAccess } from '../../access';
import type { Schema } from '../../api';
import { to } from '../../router';
import type { Party } from '../documents/case-work';
import { whoMayPoints } from './forms';
import { DECISION_POINT_PATHS } from './paths';
import { w } from './words';

/**
 * What the decisions area offers about its decision points: for those who run the case, a link to
 * set up a decision point; for the others, who may. `ChangePointLink` goes beside each point.
 */
export function DecisionPointActions({ caseId, access, parties }: { caseId: string; access: CaseAccess; parties: readonly Party[] }) {
  return access.runsCase ? (
    <div class="area-actions">
      <a class="button secondary" href={to(DECISION_POINT_PATHS.add, { id: caseId })}>
        {w('addTitle')}
      </a>
    </div>
  ) : (
    <p class="muted">{whoMayPoints(parties)}</p>
  );
}

/** "Ändra beslutspunkten" for those who run the case. */
export function ChangePointLink({ caseId, access, point }: { caseId: string; access: CaseAccess; point: Schema<'DecisionPointDto'> }) {
  if (!access.runsCase) return null;
  return (
    <p>
      <a href={to(DECISION_POINT_PATHS.change, { id: caseId, key: point.key })}>
        {w('changeLink')}
        <span class="visually-hidden"> {point.title}</span>
      </a>
    </p>
  );
}

/** Taught when a case has no decision point yet. */
export const NoDecisionPoints = () => <p>{w('noPoints')}</p>;
