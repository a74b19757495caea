import { Body, Controller, Get, Param, Post, Put, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request } from 'express';
import type { Actor } from '../access/actor.js';
import { DomainError } from '../common/domain-error.js';
import { SignatureRecord, type DocumentRecord } from '../governance/document.entity.js';
import { DocumentsService } from '../governance/documents.service.js';
import { RegistryService } from '../governance/registry.service.js';
import { documentView } from '../governance/views.js';
import { CurrentActor } from './auth.guard.js';
import { DocumentDto, SignatureDto } from './dto/governance.dto.js';
import { DocumentViewDto, SignatureRecordedDto } from './dto/governance-responses.dto.js';
import { ApiAnswers, COMMAND_HEADERS, READ_ERRORS, WRITE_ERRORS } from './api-answers.js';
import { commandAnswer, HttpAnswer, mutationOptions } from './http.js';
import { uuidParam } from './params.js';

const caseId = uuidParam('case id');
const documentId = uuidParam('document id');

/** The path of file uploads: its body is read raw (see app.ts), not as JSON. */
export const DOCUMENT_FILE_PATH = '/cases/:id/documents/:documentId/file';

@ApiTags('documents')
@Controller('cases/:id/documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly registry: RegistryService,
  ) {}

  @Get()
  @ApiOperation({ summary: "The case's documents; confidential ones only for the parties named on them" })
  @ApiAnswers({ type: [DocumentViewDto] })
  async list(@Param('id', caseId) id: string, @CurrentActor() actor: Actor): Promise<DocumentViewDto[]> {
    const list = await this.documents.list(id, actor);
    return Promise.all(list.map(({ document, signatures }) => this.view(document, signatures)));
  }

  @Post()
  @ApiOperation({ summary: 'Record a document: kind, the party whose registry holds it and its number, a link, confidentiality' })
  @ApiAnswers({ status: 201, type: DocumentViewDto, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async add(
    @Param('id', caseId) id: string,
    @Body() dto: DocumentDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<HttpAnswer<DocumentViewDto>> {
    return commandAnswer(
      await this.documents.add(
        id,
        dto,
        actor,
        mutationOptions(req, actor, 201, (d: DocumentRecord, em) => this.view(d, [], em)),
      ),
    );
  }

  @Get(':documentId')
  @ApiOperation({ summary: 'A document (404 for a confidential one of other parties)' })
  @ApiAnswers({ type: DocumentViewDto })
  async get(@Param('id', caseId) id: string, @Param('documentId', documentId) docId: string, @CurrentActor() actor: Actor): Promise<DocumentViewDto> {
    const { document, signatures } = await this.documents.get(id, docId, actor);
    return this.view(document, signatures);
  }

  @Put(':documentId/file')
  @ApiOperation({ summary: 'Store the file of a document (the body is the file; at most 10 MB)' })
  @ApiConsumes('application/octet-stream', 'application/pdf')
  @ApiQuery({ name: 'name', required: true, example: 'avsiktsforklaring.pdf', schema: { type: 'string', maxLength: 200 } })
  @ApiBody({ schema: { type: 'string', format: 'binary' }, description: 'The file' })
  @ApiAnswers({ type: DocumentViewDto, headers: COMMAND_HEADERS, errors: [...WRITE_ERRORS, 413] })
  async upload(
    @Param('id', caseId) id: string,
    @Param('documentId', documentId) docId: string,
    @Query('name') name: unknown,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<HttpAnswer<DocumentViewDto>> {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a file name with a control character is refused, on purpose
    if (typeof name !== 'string' || !/^[^\\/\u0000-\u001f]{1,200}$/.test(name))
      throw new DomainError('VALIDATION_FAILED', {
        sv: 'ange filens namn i ?name= (1–200 tecken, inga snedstreck)',
        en: 'give the file name in ?name= (1–200 characters, no slashes)',
      });
    if (!Buffer.isBuffer(req.body))
      throw new DomainError('VALIDATION_FAILED', {
        sv: 'skicka själva filen som innehåll, med dess Content-Type',
        en: 'send the file itself as the body, with its Content-Type',
      });
    const type = String(req.headers['content-type'] ?? 'application/octet-stream')
      .split(';')[0]!
      .trim();
    return commandAnswer(
      await this.documents.attachFile(
        id,
        docId,
        { content: req.body, type, name },
        actor,
        mutationOptions(req, actor, 200, async (d: DocumentRecord, em) => this.view(d, await em.find(SignatureRecord, { documentId: d.id }), em)),
      ),
    );
  }

  @Get(':documentId/file')
  @ApiOperation({ summary: "The document's stored file" })
  @ApiProduces('application/octet-stream')
  @ApiResponse({
    status: 200,
    description: 'The file, with its own Content-Type and a Content-Disposition naming it',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiAnswers({ type: DocumentViewDto, omitSuccess: true, errors: READ_ERRORS })
  async download(@Param('id', caseId) id: string, @Param('documentId', documentId) docId: string, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    const { document, content } = await this.documents.file(id, docId, actor);
    return new StreamableFile(content, {
      type: document.fileType ?? 'application/octet-stream',
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName ?? 'file')}`,
      length: content.length,
    });
  }

  @Post(':documentId/signatures')
  @ApiOperation({ summary: 'Record that a party signed the agreement or declaration of intent' })
  @ApiAnswers({ status: 201, type: SignatureRecordedDto, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async sign(
    @Param('id', caseId) id: string,
    @Param('documentId', documentId) docId: string,
    @Body() dto: SignatureDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<HttpAnswer<SignatureRecordedDto>> {
    return commandAnswer(
      await this.documents.sign(
        id,
        docId,
        dto,
        actor,
        mutationOptions(
          req,
          actor,
          201,
          (s: SignatureRecord): SignatureRecordedDto => ({ documentId: docId, organisationId: s.organisationId, signedOn: s.signedOn }),
        ),
      ),
    );
  }

  private async view(document: DocumentRecord, signatures: SignatureRecord[], em?: EntityManager): Promise<DocumentViewDto> {
    const names = await this.registry.names(
      [document.organisationId, document.registryOrganisationId, ...document.visibleTo, ...signatures.map((s) => s.organisationId)],
      em,
    );
    return documentView(document, signatures, names);
  }
}
