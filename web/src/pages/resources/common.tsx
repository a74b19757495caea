import { api, type Me, type Schema } from '../../api';
import { lang } from '../../i18n';
import { label } from '../../labels';
import { num, useWorkData } from '../goals/case-work';
import { resourcesOf } from './paths';
import { w } from './words';

export type Commitment = Schema<'CommitmentViewDto'>;
export type ResourceKind = Commitment['kind'];

/** Reads the resource commitments of a case. */
export const readCommitments = (caseId: string): Promise<Commitment[]> => api.read('/cases/{id}/resources', { params: { id: caseId } });

/** The case, its parties and its commitments for a form page of the area. */
export const useResourcesData = (caseId: string, me: Me | null) => useWorkData(caseId, me, () => readCommitments(caseId));

/** The units offered for each kind of resource, in Swedish words (stored as written). */
export const UNITS: Record<ResourceKind, string[]> = {
  money: ['kronor', 'kronor per år'],
  staff: ['årsarbetare', 'timmar', 'timmar per vecka'],
  premises: ['kvadratmeter', 'rum'],
  other: ['stycken', 'timmar', 'kronor'],
};

/** Units written by API clients in the engine's shorthand, in the person's words. */
const SHORTHAND: Record<string, string> = { SEK: 'kronor', FTE: 'årsarbetare', h: 'timmar', m2: 'kvadratmeter' };

/** "500 000 kronor", "0,5 årsarbetare" */
export function amountText(c: Pick<Commitment, 'amount' | 'unit'>): string {
  if (c.amount === null) return '–';
  const unit = c.unit ? (SHORTHAND[c.unit] ?? c.unit) : '';
  return `${num(c.amount, lang())}${unit ? ` ${unit}` : ''}`;
}

/** What was committed, in a phrase: "0,5 årsarbetare (personal)". */
export function whatText(c: Commitment): string {
  const kind = label('resourceKind', c.kind).toLowerCase();
  return c.amount === null ? kind : `${amountText(c)} (${kind})`;
}

/** The way back from a form page of the area. */
export const backToResources = (caseId: string) => ({ href: resourcesOf(caseId), text: w('backToCase') });
