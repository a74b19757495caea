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
  caseRole: {
    processOwner: ['Processägare', 'Process owner'],
    secretariat: ['Sekretariat', 'Secretariat'],
    manager: ['Chef', 'Manager'],
    steeringGroup: ['Styrgrupp', 'Steering group'],
    chair: ['Ordförande', 'Chair'],
    member: ['Ledamot', 'Member'],
    observer: ['Observatör', 'Observer'],
  },
  organisationKind: {
    municipality: ['Kommun', 'Municipality'],
    region: ['Region', 'Region'],
    stateAgency: ['Statlig myndighet', 'State agency'],
    university: ['Universitet eller högskola', 'University'],
    business: ['Näringsliv', 'Business'],
    civilSociety: ['Civilsamhälle', 'Civil society'],
    other: ['Annan', 'Other'],
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
