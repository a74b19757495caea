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
  historyEvent: {
    'case.created': ['Ärendet startades', 'Case started'],
    'case.transitioned': ['Nytt steg', 'Moved on'],
    'case.fields.updated': ['Uppgifter ändrades', 'Fields changed'],
    'party.added': ['Part lades till', 'Party added'],
    'party.updated': ['Part ändrades', 'Party changed'],
    'party.removed': ['Part togs bort', 'Party removed'],
    'role.assigned': ['Roll tilldelades', 'Role assigned'],
    'role.updated': ['Roll ändrades', 'Role changed'],
    'role.removed': ['Roll togs bort', 'Role removed'],
    'role.handedOver': ['Roll lämnades över', 'Role handed over'],
    'chair.rotationSet': ['Rotation av ordförandeskapet bestämdes', 'Chair rotation set'],
    'chair.rotated': ['Ordförandeskapet roterade', 'Chair rotated'],
    'decisionPoint.created': ['Beslutspunkt skapades', 'Decision point created'],
    'decisionPoint.updated': ['Beslutspunkt ändrades', 'Decision point changed'],
    'decision.recorded': ['Nämndbeslut registrerades', 'Board decision recorded'],
    'decision.corrected': ['Registreringen av ett nämndbeslut rättades', 'Board decision registration corrected'],
    'goal.created': ['Mål sattes', 'Goal set'],
    'goal.updated': ['Mål ändrades', 'Goal changed'],
    'measurement.recorded': ['Mätvärde registrerades', 'Measurement recorded'],
    'resource.committed': ['Resurs utlovades', 'Resource committed'],
    'resource.withdrawn': ['Resurs drogs tillbaka', 'Resource withdrawn'],
    'action.added': ['Åtgärd lades till', 'Action added'],
    'action.updated': ['Åtgärd ändrades', 'Action changed'],
    'document.added': ['Dokument lades till', 'Document added'],
    'document.fileStored': ['Fil sparades till dokument', 'Document file stored'],
    'document.signed': ['Dokument undertecknades', 'Document signed'],
    'escalation.raised': ['Eskalering', 'Escalation'],
    'escalation.acknowledged': ['Eskalering kvitterades', 'Escalation acknowledged'],
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
