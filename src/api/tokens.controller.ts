import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswers } from './api-answers.js';
import { CreatedTokenDto, TokenPageDto, TokenViewDto } from './dto/service-responses.dto.js';
import { IsISO8601, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Actor } from '../access/actor.js';
import type { ApiTokenRecord } from '../access/api-token.entity.js';
import { ApiTokensService } from '../access/api-tokens.service.js';
import { CurrentActor } from './auth.guard.js';
import { SafeText } from './dto/cases.dto.js';
import { Omittable } from './dto/validators.js';
import { RegistryPageQuery, registryPage } from './dto/governance.dto.js';
import { uuidParam } from './params.js';

export class CreateTokenDto {
  @ApiProperty({ example: 'Diariesystemets integration' })
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  @SafeText()
  @IsString()
  name!: string;
  @ApiProperty({ format: 'uuid', description: 'The registered person (integration account) the token acts as' }) @IsUUID() personId!: string;
  @ApiPropertyOptional({ format: 'date-time' }) @Omittable() @IsISO8601({ strict: true }) expiresAt?: string;
}

function tokenView(t: ApiTokenRecord): TokenViewDto {
  return {
    id: t.id,
    name: t.name,
    personId: t.personId,
    createdBy: t.createdBy,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  };
}

@ApiTags('access')
@Controller('tokens')
export class TokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  @ApiOperation({ summary: 'Create an API token (administrators). The token is in this answer only; only its hash is kept.' })
  @ApiAnswers({ status: 201, type: CreatedTokenDto })
  async create(@Body() dto: CreateTokenDto, @CurrentActor() actor: Actor): Promise<CreatedTokenDto> {
    const { token, record } = await this.tokens.create(
      { name: dto.name, personId: dto.personId, expiresAt: dto.expiresAt ? new Date(dto.expiresAt) : null },
      actor,
    );
    return { token, ...tokenView(record) };
  }

  @Get()
  @ApiOperation({ summary: 'The API tokens (never the tokens themselves)' })
  @ApiAnswers({ type: TokenPageDto })
  async list(@Query() query: RegistryPageQuery, @CurrentActor() actor: Actor): Promise<TokenPageDto> {
    const page = registryPage(query);
    const { items, total } = await this.tokens.list(actor, page);
    return { items: items.map(tokenView), total, ...page };
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke an API token: it stops working at once' })
  @ApiAnswers({ type: TokenViewDto })
  async revoke(@Param('id', uuidParam('token id')) id: string, @CurrentActor() actor: Actor): Promise<TokenViewDto> {
    return tokenView(await this.tokens.revoke(id, actor));
  }
}
