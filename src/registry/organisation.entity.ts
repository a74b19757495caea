import { EntitySchema } from '@mikro-orm/postgresql';

/** The kinds of organisations that take part in a samverkan. */
export const ORGANISATION_KINDS = ['municipality', 'region', 'stateAgency', 'university', 'business', 'civilSociety', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/**
 * An organisation, each its own authority where it is one (own registry, own secrecy). The
 * registry is shared by all cases. Municipalities and regions carry their official code (SCB and
 * Kolada use it: 0780 Växjö, 07 Region Kronoberg).
 */
export class OrganisationRecord {
  id!: string;
  name!: string;
  kind!: OrganisationKind;
  /** Organisationsnummer, `NNNNNN-NNNN`, where there is one. */
  orgNumber!: string | null;
  /** Kommunkod (4 digits) or länskod/regionkod (2 digits). */
  municipalityCode!: string | null;
  createdAt!: Date;
}

export const OrganisationSchema = new EntitySchema<OrganisationRecord>({
  class: OrganisationRecord,
  tableName: 'organisations',
  properties: {
    id: { type: 'uuid', primary: true },
    name: { type: 'text' },
    kind: { type: 'text' },
    orgNumber: { type: 'text', nullable: true },
    municipalityCode: { type: 'text', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});

/** The kinds of boards: fullmäktige, styrelse, nämnd. */
export const BOARD_KINDS = ['council', 'executive', 'committee'] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];

/** A decision-making body of an organisation (nämnd, styrelse, fullmäktige). */
export class BoardRecord {
  id!: string;
  organisationId!: string;
  name!: string;
  kind!: BoardKind;
}

export const BoardSchema = new EntitySchema<BoardRecord>({
  class: BoardRecord,
  tableName: 'boards',
  properties: {
    id: { type: 'uuid', primary: true },
    organisationId: { type: 'uuid' },
    name: { type: 'text' },
    kind: { type: 'text' },
  },
});

/**
 * An official who acts on cases. GDPR: name, work e-mail and organisation only. `subject` is the
 * identity they sign in with (the development header `X-Actor-Person` until authentication).
 */
export class PersonRecord {
  id!: string;
  subject!: string;
  name!: string;
  email!: string | null;
  organisationId!: string;
  active!: boolean;
  deactivatedAt!: Date | null;
  /** Roles beyond any case: administrator, processOwner (of workflow definitions). */
  systemRoles!: string[];
}

export const PersonSchema = new EntitySchema<PersonRecord>({
  class: PersonRecord,
  tableName: 'people',
  properties: {
    id: { type: 'uuid', primary: true },
    subject: { type: 'text' },
    name: { type: 'text' },
    email: { type: 'text', nullable: true },
    organisationId: { type: 'uuid' },
    active: { type: 'boolean' },
    deactivatedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    systemRoles: { type: 'json', columnType: 'jsonb', default: '[]' },
  },
});
