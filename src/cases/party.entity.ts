import { EntitySchema } from '@mikro-orm/postgresql';

/** What a party does in the collaboration. Borås: the municipality *leads* but does not *decide*. */
export const PARTY_RESPONSIBILITIES = ['leads', 'decides', 'contributes', 'informed'] as const;
export type PartyResponsibility = (typeof PARTY_RESPONSIBILITIES)[number];

/** An organisation taking part in a case. */
export class CasePartyRecord {
  caseId!: string;
  organisationId!: string;
  responsibilities!: PartyResponsibility[];
  /** Must sign the agreement / declaration of intent. */
  mustSign!: boolean;
  /** What the collaboration gives back to this party (Örebro: "samarbete som tydligt ger något tillbaka"). */
  benefit!: string | null;
  addedAt!: Date;
  /** The history event that added the party: orders parties by when they joined, ties included. */
  addedSeq!: number;
}

export const CasePartySchema = new EntitySchema<CasePartyRecord>({
  class: CasePartyRecord,
  tableName: 'case_parties',
  properties: {
    caseId: { type: 'uuid', primary: true },
    organisationId: { type: 'uuid', primary: true },
    responsibilities: { type: 'json', columnType: 'jsonb' },
    mustSign: { type: 'boolean' },
    benefit: { type: 'text', nullable: true },
    addedAt: { type: 'datetime', columnType: 'timestamptz' },
    addedSeq: { type: 'integer' },
  },
});

/**
 * A role on a case held *for an organisation* (DOMAIN.md: roles in organisations, not persons, so
 * the work survives when someone leaves). The holder may be vacant; a deputy takes over on handover.
 */
export class CaseRoleRecord {
  id!: string;
  caseId!: string;
  role!: string;
  organisationId!: string;
  holderId!: string | null;
  deputyId!: string | null;
  /** A gate can require that no required role is vacant. */
  required!: boolean;
  vacantSince!: Date | null;
}

export const CaseRoleSchema = new EntitySchema<CaseRoleRecord>({
  class: CaseRoleRecord,
  tableName: 'case_roles',
  properties: {
    id: { type: 'uuid', primary: true },
    caseId: { type: 'uuid' },
    role: { type: 'text' },
    organisationId: { type: 'uuid' },
    holderId: { type: 'uuid', nullable: true },
    deputyId: { type: 'uuid', nullable: true },
    required: { type: 'boolean' },
    vacantSince: { type: 'datetime', columnType: 'timestamptz', nullable: true },
  },
});

/** One organisation's turn in a rotating chair, with the person who chairs for it. */
export interface RotationEntry {
  organisationId: string;
  personId: string | null;
}

/** Blekinge's ambulerande ordförandeskap: the chair moves through the parties in order. */
export class ChairRotationRecord {
  caseId!: string;
  entries!: RotationEntry[];
  periodMonths!: number;
  currentIndex!: number;
  /** The day the chair moves on next (Swedish calendar date). */
  nextRotationOn!: string;
}

export const ChairRotationSchema = new EntitySchema<ChairRotationRecord>({
  class: ChairRotationRecord,
  tableName: 'chair_rotations',
  properties: {
    caseId: { type: 'uuid', primary: true },
    entries: { type: 'json', columnType: 'jsonb' },
    periodMonths: { type: 'integer' },
    currentIndex: { type: 'integer' },
    nextRotationOn: { type: 'string', columnType: 'date' },
  },
});
