import { EntitySchema } from '@mikro-orm/postgresql';

/**
 * An API token for integrations and scripts. Only the SHA-256 of the token is stored; the token
 * itself is shown once, when it is created. A token acts as a registered person (an integration
 * account), with that person's organisation and roles.
 */
export class ApiTokenRecord {
  id!: string;
  name!: string;
  tokenHash!: string;
  personId!: string;
  createdBy!: string;
  createdAt!: Date;
  expiresAt!: Date | null;
  revokedAt!: Date | null;
  lastUsedAt!: Date | null;
}

export const ApiTokenSchema = new EntitySchema<ApiTokenRecord>({
  class: ApiTokenRecord,
  tableName: 'api_tokens',
  properties: {
    id: { type: 'uuid', primary: true },
    name: { type: 'text' },
    tokenHash: { type: 'text' },
    personId: { type: 'uuid' },
    createdBy: { type: 'text' },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    expiresAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    revokedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    lastUsedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
  },
});
