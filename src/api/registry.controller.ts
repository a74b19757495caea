import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswers } from './api-answers.js';
import { BoardViewDto, DeactivationDto, OrganisationPageDto, OrganisationViewDto, PersonPageDto, PersonViewDto } from './dto/service-responses.dto.js';
import type { Actor } from '../access/actor.js';
import { PartiesService } from '../governance/parties.service.js';
import { RegistryService } from '../governance/registry.service.js';
import { organisationView, personView, boardView } from '../governance/views.js';
import { CurrentActor } from './auth.guard.js';
import { uuidParam } from './params.js';
import { CreateBoardDto, CreateOrganisationDto, CreatePersonDto, OrganisationQuery, PeopleQuery, registryPage, UpdatePersonDto } from './dto/governance.dto.js';

@ApiTags('registry')
@Controller()
export class RegistryController {
  constructor(
    private readonly registry: RegistryService,
    private readonly parties: PartiesService,
  ) {}

  @Get('organisations')
  @ApiOperation({ summary: 'The registry of organisations (municipalities, regions, agencies, …)' })
  @ApiAnswers({ type: OrganisationPageDto })
  async organisations(@Query() query: OrganisationQuery): Promise<OrganisationPageDto> {
    const page = registryPage(query);
    const { items, total } = await this.registry.listOrganisations(query, page);
    return { items: items.map((o) => organisationView(o)), total, ...page };
  }

  @Get('organisations/:id')
  @ApiOperation({ summary: 'An organisation with its boards' })
  @ApiAnswers({ type: OrganisationViewDto })
  async organisation(@Param('id', uuidParam('organisation id')) id: string): Promise<OrganisationViewDto> {
    const { organisation, boards } = await this.registry.organisation(id);
    return organisationView(organisation, boards);
  }

  @Post('organisations')
  @ApiOperation({ summary: 'Register an organisation' })
  @ApiAnswers({ status: 201, type: OrganisationViewDto, errors: [400, 401, 403, 404, 409, 429, 503] })
  async createOrganisation(@Body() dto: CreateOrganisationDto, @CurrentActor() actor: Actor): Promise<OrganisationViewDto> {
    return organisationView(await this.registry.createOrganisation(dto, actor));
  }

  @Post('organisations/:id/boards')
  @ApiOperation({ summary: 'Register a board (nämnd, styrelse, fullmäktige) of an organisation' })
  @ApiAnswers({ status: 201, type: BoardViewDto, errors: [400, 401, 403, 404, 409, 429, 503] })
  async createBoard(@Param('id', uuidParam('organisation id')) id: string, @Body() dto: CreateBoardDto, @CurrentActor() actor: Actor): Promise<BoardViewDto> {
    return boardView(await this.registry.addBoard(id, dto, actor));
  }

  @Get('people')
  @ApiOperation({ summary: "People who act for organisations (sign-in subject, e-mail and system roles only to administrators; one's own subject to oneself)" })
  @ApiAnswers({ type: PersonPageDto })
  async people(@Query() query: PeopleQuery, @CurrentActor() actor: Actor): Promise<PersonPageDto> {
    const admin = actor.systemRoles.includes('administrator');
    const page = registryPage(query);
    const { items, total } = await this.registry.people(query, page);
    return { items: items.map((p) => personView(p, admin, p.id === actor.personId)), total, ...page };
  }

  @Post('people')
  @ApiOperation({ summary: 'Register a person (name, work e-mail, organisation: nothing more)' })
  @ApiAnswers({ status: 201, type: PersonViewDto, errors: [400, 401, 403, 404, 409, 429, 503] })
  async createPerson(@Body() dto: CreatePersonDto, @CurrentActor() actor: Actor): Promise<PersonViewDto> {
    return personView(await this.registry.createPerson(dto, actor), true);
  }

  @Patch('people/:id')
  @ApiOperation({ summary: "Change a person's name, e-mail or system roles (administrator, processOwner)" })
  @ApiAnswers({ type: PersonViewDto, errors: [400, 401, 403, 404, 409, 429, 503] })
  async updatePerson(@Param('id', uuidParam('person id')) id: string, @Body() dto: UpdatePersonDto, @CurrentActor() actor: Actor): Promise<PersonViewDto> {
    return personView(await this.registry.updatePerson(id, dto, actor), true);
  }

  @Post('people/:id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Someone leaves: their roles pass to their deputies or become vacant, on every case' })
  @ApiAnswers({ type: DeactivationDto, errors: [400, 401, 403, 404, 409, 429, 503] })
  async deactivate(@Param('id', uuidParam('person id')) id: string, @CurrentActor() actor: Actor): Promise<DeactivationDto> {
    const { person, cases } = await this.parties.deactivatePerson(id, actor);
    return { person: personView(person, true), casesChanged: cases };
  }
}
