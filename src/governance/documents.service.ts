import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../access/actor.js';
import { assertMayContribute } from '../access/policy.js';
import { stockholmDate } from '../calendar/working-days.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { CasesService, type CommandOptions, type CommandResult, type MutationResult } from '../cases/cases.service.js';
import { DomainError, notFound, unprocessable } from '../common/domain-error.js';
import { notAParty } from './labels.js';
import { actFor, DEEDS } from './acting.js';
import { DocumentFileRecord, DocumentRecord, SignatureRecord, type DocumentKind } from './document.entity.js';
import { CasePartyRecord } from '../cases/party.entity.js';
import { isUuid } from '../common/uuid.js';

/** Input of a document's record. */
export interface DocumentInput {
  title: string;
  kind: DocumentKind;
  registryOrganisationId?: string | null;
  registrationNumber?: string | null;
  link?: string | null;
  confidential?: boolean;
  visibleTo?: string[];
}

/** The largest file stored with a document. Larger documents stay in the party's registry, linked. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * The case's documents: which party's registry (diarium) holds each and under which number, a link
 * or a stored file, signatures, and the confidentiality marking (OSL): a confidential document is
 * visible only to the organisations named on it.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly orm: MikroORM,
    private readonly cases: CasesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The documents the actor's organisation may see; confidential ones of others are left out entirely. */
  async list(caseId: string, actor: Actor): Promise<Array<{ document: DocumentRecord; signatures: SignatureRecord[] }>> {
    const em = this.orm.em.fork();
    const documents = (await em.find(DocumentRecord, { caseId }, { orderBy: { createdAt: 'asc', id: 'asc' } })).filter((d) => mayRead(d, actor));
    const signatures = documents.length ? await em.find(SignatureRecord, { documentId: { $in: documents.map((d) => d.id) } }) : [];
    return documents.map((document) => ({ document, signatures: signatures.filter((s) => s.documentId === document.id) }));
  }

  /** @throws DomainError NOT_FOUND, also for a confidential document the actor may not see */
  async get(caseId: string, documentId: string, actor: Actor): Promise<{ document: DocumentRecord; signatures: SignatureRecord[] }> {
    const found = (await this.list(caseId, actor)).find((d) => d.document.id === documentId);
    if (!found) throw notFound('document', documentId);
    return found;
  }

  /** @throws DomainError NOT_FOUND (no document, no file, or not visible) */
  async file(caseId: string, documentId: string, actor: Actor): Promise<{ document: DocumentRecord; content: Buffer }> {
    const { document } = await this.get(caseId, documentId, actor);
    const file = await this.orm.em.fork().findOne(DocumentFileRecord, { documentId });
    if (!file)
      throw new DomainError('NOT_FOUND', {
        sv: `Dokumentet har ingen sparad fil.${document.link ? ' Det finns på sin länk.' : ''}`,
        en: `the document has no stored file${document.link ? '; it is at its link' : ''}`,
      });
    return { document, content: file.content };
  }

  /**
   * Adds a document of the actor's own party; one held in another party's registry only on its
   * behalf (policy's assertMayActFor).
   * @throws DomainError FORBIDDEN, UNPROCESSABLE (registry or visibleTo organisations that are not parties)
   */
  add(
    caseId: string,
    input: DocumentInput,
    actor: Actor,
    options: CommandOptions<MutationResult<DocumentRecord>> = {},
  ): Promise<CommandResult<MutationResult<DocumentRecord>>> {
    return this.cases.mutate(caseId, actor, options, async ({ em, now, actor: onCase }) => {
      assertMayContribute(onCase, 'add documents');
      const confidential = input.confidential ?? false;
      // The actor's own organisation always keeps sight of what it marks confidential.
      const own = (await this.isParty(em, caseId, onCase.organisation)) ? [onCase.organisation] : [];
      const visibleTo = confidential ? [...new Set([...(input.visibleTo ?? []), ...own])] : [];
      if (!confidential && input.visibleTo?.length)
        throw unprocessable('visibleTo', {
          sv: 'bara ett sekretessmarkerat dokument anger vilka som får se det',
          en: 'only a confidential document names who may see it',
        });
      // The document is of the party whose registry holds it, or else of the actor's own party.
      let acting = {};
      if (input.registryOrganisationId) {
        await this.assertParty(em, caseId, input.registryOrganisationId, 'registryOrganisationId');
        acting = await actFor(em, onCase, input.registryOrganisationId, DEEDS.addDocument);
      }
      const organisationId = input.registryOrganisationId ?? own[0] ?? null;
      for (const [i, id] of visibleTo.entries()) await this.assertParty(em, caseId, id, `visibleTo.${i}`);
      if (confidential && !visibleTo.length)
        throw unprocessable('visibleTo', {
          sv: 'ange vilka parter som får se det sekretessmarkerade dokumentet',
          en: 'name the parties that may see the confidential document',
        });
      const document = em.create(DocumentRecord, {
        id: randomUUID(),
        caseId,
        title: input.title.trim(),
        kind: input.kind,
        organisationId,
        registryOrganisationId: input.registryOrganisationId ?? null,
        registrationNumber: input.registrationNumber?.trim() || null,
        link: input.link ?? null,
        fileName: null,
        fileType: null,
        fileSize: null,
        fileSha256: null,
        confidential,
        visibleTo,
        createdAt: now,
      });
      // The history of a confidential document says that it exists, not what it is called.
      const described = confidential
        ? { id: document.id, kind: document.kind, organisation: organisationId, confidential: true, visibleTo }
        : {
            id: document.id,
            kind: document.kind,
            organisation: organisationId,
            title: document.title,
            registry: document.registryOrganisationId,
            registrationNumber: document.registrationNumber,
            link: document.link,
          };
      return { type: 'document.added', payload: { document: described, ...acting }, value: document };
    });
  }

  /**
   * Stores a file with a document (replacing an earlier one): for the document's party.
   * @throws DomainError NOT_FOUND, FORBIDDEN, PAYLOAD_TOO_LARGE
   */
  attachFile(
    caseId: string,
    documentId: string,
    file: { content: Buffer; type: string; name: string },
    actor: Actor,
    options: CommandOptions<MutationResult<DocumentRecord>> = {},
  ): Promise<CommandResult<MutationResult<DocumentRecord>>> {
    if (file.content.length === 0) throw new DomainError('VALIDATION_FAILED', { sv: 'Filen är tom.', en: 'the file is empty' });
    if (file.content.length > MAX_FILE_BYTES)
      throw new DomainError('PAYLOAD_TOO_LARGE', {
        sv: `Filer sparas upp till ${MAX_FILE_BYTES / 1024 / 1024} MB. Länka större dokument i partens diarium i stället.`,
        en: `files are stored up to ${MAX_FILE_BYTES / 1024 / 1024} MB; link larger documents in the party's registry instead`,
      });
    return this.cases.mutate(caseId, actor, options, async ({ em, actor: onCase }) => {
      assertMayContribute(onCase, 'store document files');
      const document = await em.findOne(DocumentRecord, { id: documentId, caseId });
      if (!document || !mayRead(document, onCase)) throw notFound('document', documentId);
      const acting = await actFor(em, onCase, document.organisationId, DEEDS.storeFile);
      await this.assertRoomForFile(em, caseId, documentId, file.content.length);
      const sha256 = createHash('sha256').update(file.content).digest('hex');
      const existing = await em.findOne(DocumentFileRecord, { documentId });
      if (existing) existing.content = file.content;
      else em.create(DocumentFileRecord, { documentId, content: file.content });
      Object.assign(document, { fileName: file.name, fileType: file.type, fileSize: file.content.length, fileSha256: sha256 });
      return {
        type: 'document.fileStored',
        payload: { document: documentId, sha256, size: file.content.length, ...(document.confidential ? {} : { name: file.name, type: file.type }), ...acting },
        value: document,
      };
    });
  }

  /**
   * Records that a party signed a document: an agreement or declaration of intent, or (endorsing
   * it) e.g. a problem statement: the party's own secretariat records it, or on its behalf those
   * who run the case. @throws DomainError FORBIDDEN, UNPROCESSABLE
   */
  sign(
    caseId: string,
    documentId: string,
    input: { organisationId: string; signedOn: string },
    actor: Actor,
    options: CommandOptions<MutationResult<SignatureRecord>> = {},
  ): Promise<CommandResult<MutationResult<SignatureRecord>>> {
    return this.cases.mutate(caseId, actor, options, async ({ em, now, actor: onCase }) => {
      assertMayContribute(onCase, 'record signatures');
      const document = await em.findOne(DocumentRecord, { id: documentId, caseId });
      if (!document || !mayRead(document, onCase)) throw notFound('document', documentId);
      await this.assertParty(em, caseId, input.organisationId, 'organisationId');
      const acting = await actFor(em, onCase, input.organisationId, DEEDS.sign);
      if (input.signedOn > stockholmDate(now))
        throw unprocessable('signedOn', { sv: `${input.signedOn} ligger i framtiden`, en: `${input.signedOn} is in the future` });
      if (await em.findOne(SignatureRecord, { documentId, organisationId: input.organisationId }))
        throw unprocessable('organisationId', { sv: 'parten har redan skrivit under dokumentet', en: 'that party has already signed this document' });
      const signature = em.create(SignatureRecord, { documentId, organisationId: input.organisationId, signedOn: input.signedOn, recordedAt: now });
      return {
        type: 'document.signed',
        payload: { document: documentId, organisation: input.organisationId, signedOn: input.signedOn, ...acting },
        value: signature,
      };
    });
  }

  /**
   * The case's stored files together stay within `CASE_FILES_MAX_MB` (the file a new one replaces
   * does not count). Under the case's lock, so two uploads at once cannot both slip under it.
   * @throws DomainError PAYLOAD_TOO_LARGE
   */
  private async assertRoomForFile(em: EntityManager, caseId: string, documentId: string, size: number): Promise<void> {
    const others = await em.find(DocumentRecord, { caseId, id: { $ne: documentId }, fileSize: { $ne: null } }, { fields: ['fileSize'] });
    const stored = others.reduce((sum, d) => sum + (d.fileSize ?? 0), 0);
    const limit = this.config.caseFilesMaxBytes;
    if (stored + size <= limit) return;
    const mb = (bytes: number) => Math.ceil(bytes / 1024 / 1024);
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      {
        sv: `ärendets filer får tillsammans vara högst ${mb(limit)} MB, och ${mb(stored)} MB är redan lagrade; länka dokumentet i partens diarium i stället`,
        en: `the case's files may together be at most ${mb(limit)} MB, and ${mb(stored)} MB are stored already; link the document in the party's registry instead`,
      },
      { limitBytes: limit, storedBytes: stored },
    );
  }

  private async isParty(em: EntityManager, caseId: string, organisation: string): Promise<boolean> {
    return isUuid(organisation) && !!(await em.findOne(CasePartyRecord, { caseId, organisationId: organisation }));
  }

  private async assertParty(em: EntityManager, caseId: string, organisationId: string, path: string): Promise<void> {
    if (!(await em.findOne(CasePartyRecord, { caseId, organisationId }))) throw unprocessable(path, notAParty(organisationId));
  }
}

/** Whether an actor's organisation may see a document: every public one, a confidential one only when named. */
export function mayRead(document: Pick<DocumentRecord, 'confidential' | 'visibleTo'>, actor: Actor): boolean {
  return !document.confidential || actor.kind === 'system' || document.visibleTo.includes(actor.organisation);
}
