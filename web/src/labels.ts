import { lang } from './i18n';

/** Names of the API's enumerations, in both languages. Unknown values are shown as they are. */
const LABELS: Record<string, Record<string, [string, string]>> = {
  decisionStatus: {
    none: ['Inget beslut', 'No decision'],
    proposed: ['Förslag', 'Proposed'],
    decided: ['Beslutat', 'Decided'],
    minutesApproved: ['Justerat', 'Minutes approved'],
    announced: ['Anslaget', 'Announced'],
    final: ['Laga kraft', 'Final'],
    appealed: ['Överklagat', 'Appealed'],
    rejected: ['Avslaget', 'Rejected'],
  },
  responsibility: {
    leads: ['leder', 'leads'],
    decides: ['beslutar', 'decides'],
    contributes: ['bidrar', 'contributes'],
    informed: ['informeras', 'informed'],
  },
  resourceKind: {
    money: ['Pengar', 'Money'],
    staff: ['Personal', 'Staff'],
    premises: ['Lokaler', 'Premises'],
    other: ['Annat', 'Other'],
  },
  actionStatus: {
    planned: ['Planerad', 'Planned'],
    inProgress: ['Pågår', 'In progress'],
    done: ['Klar', 'Done'],
    cancelled: ['Avbruten', 'Cancelled'],
  },
  documentKind: {
    agreement: ['Avtal', 'Agreement'],
    declarationOfIntent: ['Avsiktsförklaring', 'Declaration of intent'],
    problemStatement: ['Problembeskrivning', 'Problem statement'],
    situationAnalysis: ['Nulägesanalys', 'Situation analysis'],
    plan: ['Plan', 'Plan'],
    followUpReport: ['Uppföljningsrapport', 'Follow-up report'],
    steeringDocument: ['Styrdokument', 'Steering document'],
    decision: ['Beslut', 'Decision'],
    other: ['Annat', 'Other'],
  },
  escalationStatus: {
    scheduled: ['Planerad', 'Planned'],
    open: ['Öppen', 'Open'],
    acknowledged: ['Kvitterad', 'Acknowledged'],
    closed: ['Stängd', 'Closed'],
    cancelled: ['Avbruten', 'Cancelled'],
  },
};

export function label(kind: keyof typeof LABELS | string, value: string): string {
  const pair = LABELS[kind]?.[value];
  return pair ? pair[lang() === 'sv' ? 0 : 1] : value;
}

export const RECORDED_STATUSES = ['proposed', 'decided', 'minutesApproved', 'announced', 'appealed', 'rejected'];
