import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswers, COMMAND_HEADERS, WRITE_ERRORS } from './api-answers.js';
import { ChairDto, PartyViewDto, RemovedDto, RoleViewDto } from './dto/governance-responses.dto.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request } from 'express';
import type { Actor } from '../access/actor.js';
import { PartiesService } from '../governance/parties.service.js';
import type { CasePartyRecord, CaseRoleRecord, ChairRotationRecord } from '../cases/party.entity.js';
import { RegistryService } from '../governance/registry.service.js';
import { partyView, roleView, rotationView } from '../governance/views.js';
import { CurrentActor } from './auth.guard.js';
import { AddPartyDto, AssignRoleDto, SetRotationDto, UpdatePartyDto, UpdateRoleDto } from './dto/governance.dto.js';
import { commandAnswer, HttpAnswer, mutationOptions } from './http.js';
import { languageOf } from './language.js';
import { uuidParam } from './params.js';

const caseId = uuidParam('case id');

@ApiTags('parties and roles')
@Controller('cases/:id')
export class PartiesController {
  constructor(
    private readonly parties: PartiesService,
    private readonly registry: RegistryService,
  ) {}

  @Get('parties')
  @ApiOperation({ summary: 'The parties: which organisations take part, and how (leads, decides, contributes, informed)' })
  @ApiAnswers({ type: [PartyViewDto] })
  async list(@Param('id', caseId) id: string): Promise<PartyViewDto[]> {
    const parties = await this.parties.parties(id);
    const names = await this.registry.names(parties.map((p) => p.organisationId));
    return parties.map((p) => partyView(p, names));
  }

  @Post('parties')
  @ApiOperation({ summary: 'Add a party' })
  @ApiAnswers({ status: 201, type: PartyViewDto, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async add(@Param('id', caseId) id: string, @Body() dto: AddPartyDto, @CurrentActor() actor: Actor, @Req() req: Request): Promise<HttpAnswer<PartyViewDto>> {
    return commandAnswer(
      await this.parties.addParty(
        id,
        dto,
        actor,
        mutationOptions(req, actor, 201, async (p: CasePartyRecord, em) => partyView(p, await this.registry.names([p.organisationId], em))),
      ),
    );
  }

  @Patch('parties/:organisationId')
  @ApiOperation({ summary: "Change a party's responsibilities, signing or stated benefit" })
  @ApiAnswers({ type: PartyViewDto, nullable: true, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async update(
    @Param('id', caseId) id: string,
    @Param('organisationId', uuidParam('organisation id')) organisationId: string,
    @Body() dto: UpdatePartyDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<HttpAnswer<PartyViewDto | null>> {
    return commandAnswer(
      await this.parties.updateParty(
        id,
        organisationId,
        dto,
        actor,
        mutationOptions(req, actor, 200, async (p: CasePartyRecord, em) => partyView(p, await this.registry.names([p.organisationId], em))),
      ),
    );
  }

  @Delete('parties/:organisationId')
  @ApiOperation({ summary: 'Remove a party (refused while it holds the only copy of a required role)' })
  @ApiAnswers({ type: RemovedDto, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async remove(
    @Param('id', caseId) id: string,
    @Param('organisationId', uuidParam('organisation id')) organisationId: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<HttpAnswer<RemovedDto>> {
    return commandAnswer(
      await this.parties.removeParty(
        id,
        organisationId,
        actor,
        mutationOptions(req, actor, 200, () => ({ removed: organisationId })),
      ),
    );
  }

  @Get('roles')
  @ApiOperation({ summary: 'Roles on the case, each held for a party, vacant ones flagged' })
  @ApiAnswers({ type: [RoleViewDto] })
  async roles(@Param('id', caseId) id: string, @Req() req: Request): Promise<RoleViewDto[]> {
    const roles = await this.parties.roles(id);
    const names = await this.registry.names(roles.flatMap((r) => [r.organisationId, r.holderId, r.deputyId]));
    return roles.map((r) => roleView(r, names, languageOf(req)));
  }

  @Post('roles')
  @ApiOperation({ summary: 'Assign a role for a party, with holder and deputy' })
  @ApiAnswers({ status: 201, type: RoleViewDto, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async assign(
    @Param('id', caseId) id: string,
    @Body() dto: AssignRoleDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<HttpAnswer<RoleViewDto>> {
    return commandAnswer(
      await this.parties.assignRole(
        id,
        dto,
        actor,
        mutationOptions(req, actor, 201, (r: CaseRoleRecord, em) => this.role(r, req, em)),
      ),
    );
  }

  @Patch('roles/:roleId')
  @ApiOperation({ summary: 'Change the holder, deputy or whether the role is required' })
  @ApiAnswers({ type: RoleViewDto, nullable: true, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async updateRole(
    @Param('id', caseId) id: string,
    @Param('roleId', uuidParam('role id')) roleId: string,
    @Body() dto: UpdateRoleDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<HttpAnswer<RoleViewDto | null>> {
    return commandAnswer(
      await this.parties.updateRole(
        id,
        roleId,
        dto,
        actor,
        mutationOptions(req, actor, 200, (r: CaseRoleRecord, em) => this.role(r, req, em)),
      ),
    );
  }

  @Delete('roles/:roleId')
  @ApiOperation({ summary: 'Remove a role assignment' })
  @ApiAnswers({ type: RemovedDto, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async removeRole(
    @Param('id', caseId) id: string,
    @Param('roleId', uuidParam('role id')) roleId: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<HttpAnswer<RemovedDto>> {
    return commandAnswer(
      await this.parties.removeRole(
        id,
        roleId,
        actor,
        mutationOptions(req, actor, 200, () => ({ removed: roleId })),
      ),
    );
  }

  @Get('chair')
  @ApiOperation({ summary: 'The rotating chair (ambulerande ordförandeskap): order, period, who chairs now, next change' })
  @ApiAnswers({ type: ChairDto })
  async chair(@Param('id', caseId) id: string): Promise<ChairDto> {
    return this.rotationOf(await this.parties.rotation(id));
  }

  @Put('chair/rotation')
  @ApiOperation({ summary: 'Set up the rotation: the parties in order, each with who chairs for it, and the period' })
  @ApiAnswers({ type: ChairDto, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async setRotation(
    @Param('id', caseId) id: string,
    @Body() dto: SetRotationDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<HttpAnswer<ChairDto>> {
    const input = { ...dto, entries: dto.entries.map((e) => ({ organisationId: e.organisationId, personId: e.personId ?? null })) };
    return commandAnswer(
      await this.parties.setRotation(
        id,
        input,
        actor,
        mutationOptions(req, actor, 200, (r: ChairRotationRecord, em) => this.rotationOf(r, em)),
      ),
    );
  }

  @Post('chair/rotate')
  @ApiOperation({ summary: 'Move the chair on to the next party now' })
  @ApiAnswers({ type: ChairDto, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async rotate(@Param('id', caseId) id: string, @CurrentActor() actor: Actor, @Req() req: Request): Promise<HttpAnswer<ChairDto>> {
    return commandAnswer(
      await this.parties.rotateChair(
        id,
        actor,
        'requested',
        mutationOptions(req, actor, 200, (r: ChairRotationRecord, em) => this.rotationOf(r, em)),
      ),
    );
  }

  private async role(r: CaseRoleRecord, req: Request, em?: EntityManager): Promise<RoleViewDto> {
    return roleView(r, await this.registry.names([r.organisationId, r.holderId, r.deputyId], em), languageOf(req));
  }

  private async rotationOf(r: ChairRotationRecord | null, em?: EntityManager): Promise<ChairDto> {
    return { rotation: rotationView(r, await this.registry.names(r?.entries.flatMap((e) => [e.organisationId, e.personId]) ?? [], em)) };
  }
}
