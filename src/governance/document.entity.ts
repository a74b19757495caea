import { EntitySchema } from '@mikro-orm/postgresql';
import type { DocumentKind } from '../rules/vocabulary.js';

/** The kinds a document can have, kept with the workflows' words for them (src/rules/vocabulary.ts). */
export { DOCUMENT_KINDS, type DocumentKind } from '../rules/vocabulary.js';

/**
 * A document of the case. The product does not pretend to be each party's registry: it records
 * which party's registry (diarium) holds the document and its registration number.
 * Confidential documents (OSL) are visible only to the organisations named in `visibleTo`.
 */
export class DocumentRecord {
  id!: string;
  caseId!: string;
  title!: string;
  kind!: DocumentKind;
  /**
   * The party the document is of: its registry's organisation, or else the party that added it.
   * Null only for documents added before documents had a party: the case's own.
   */
  organisationId!: string | null;
  registryOrganisationId!: string | null;
  registrationNumber!: string | null;
  link!: string | null;
  fileName!: string | null;
  fileType!: string | null;
  fileSize!: number | null;
  fileSha256!: string | null;
  confidential!: boolean;
  visibleTo!: string[];
  createdAt!: Date;
}

export const DocumentSchema = new EntitySchema<DocumentRecord>({
  class: DocumentRecord,
  tableName: 'documents',
  properties: {
    id: { type: 'uuid', primary: true },
    caseId: { type: 'uuid' },
    title: { type: 'text' },
    kind: { type: 'text' },
    organisationId: { type: 'uuid', nullable: true },
    registryOrganisationId: { type: 'uuid', nullable: true },
    registrationNumber: { type: 'text', nullable: true },
    link: { type: 'text', nullable: true },
    fileName: { type: 'text', nullable: true },
    fileType: { type: 'text', nullable: true },
    fileSize: { type: 'integer', nullable: true },
    fileSha256: { type: 'text', nullable: true },
    confidential: { type: 'boolean' },
    visibleTo: { type: 'json', columnType: 'jsonb' },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});

/** A stored file's bytes, kept apart so lists never load them. */
export class DocumentFileRecord {
  documentId!: string;
  content!: Buffer;
}

export const DocumentFileSchema = new EntitySchema<DocumentFileRecord>({
  class: DocumentFileRecord,
  tableName: 'document_files',
  properties: {
    documentId: { type: 'uuid', primary: true },
    content: { type: 'blob', columnType: 'bytea' },
  },
});

/** A party's signature of an agreement or declaration of intent. */
export class SignatureRecord {
  documentId!: string;
  organisationId!: string;
  signedOn!: string;
  recordedAt!: Date;
}

export const SignatureSchema = new EntitySchema<SignatureRecord>({
  class: SignatureRecord,
  tableName: 'document_signatures',
  properties: {
    documentId: { type: 'uuid', primary: true },
    organisationId: { type: 'uuid', primary: true },
    signedOn: { type: 'string', columnType: 'date' },
    recordedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
