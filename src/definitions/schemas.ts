/**
 * JSON Schemas (draft-07) of the process owner's files. They catch shapes and types; the
 * semantic checks (targets, reachability, known rule sets and facts) are in the validators.
 *
 * Unions are written as `type: [...]` with keywords that only apply to one of the types, not as
 * `oneOf`, so that a mistake gives one precise error instead of one per alternative.
 */

import { DEFINITION_LIMITS as LIMITS } from './definition-limits.js';
import { MAX_PATH_LENGTH } from '../rules/json-path.js';
import { DOCUMENT_KINDS, FIELD_TYPES } from '../rules/vocabulary.js';

const LOWER_CAMEL = '^[a-z][a-zA-Z0-9]*$';
const UPPER_SNAKE = '^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$';
const KEBAB = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';
// DEFINITION_LIMITS (definition-limits.ts) as JSON Schema keywords, so that editors show them too.
const NAME = { type: 'string', minLength: 1, maxLength: LIMITS.nameLength };
const TEXT = { type: 'string', minLength: 1, maxLength: LIMITS.textLength };

const localizedText = {
  type: 'object',
  properties: {
    sv: TEXT,
    en: TEXT,
  },
  required: ['sv', 'en'],
  additionalProperties: false,
};

const eventRoles = {
  type: 'object',
  propertyNames: { pattern: UPPER_SNAKE },
  additionalProperties: {
    type: 'array',
    items: { type: 'string' },
    minItems: 1,
    uniqueItems: true,
  },
};

export const PATTERNS = { LOWER_CAMEL, UPPER_SNAKE, KEBAB };

export const workflowSchema = {
  $id: 'https://samverkan.example/schemas/workflow.json',
  type: 'object',
  definitions: {
    localizedText,
    eventRoles,
    // A case field the workflow declares: its key, value type, label and help.
    field: {
      type: 'object',
      properties: {
        key: { type: 'string', pattern: LOWER_CAMEL, maxLength: LIMITS.nameLength },
        type: { enum: FIELD_TYPES },
        label: { $ref: '#/definitions/localizedText' },
        help: { $ref: '#/definitions/localizedText' },
      },
      required: ['key', 'type', 'label'],
      additionalProperties: false,
    },
    documentKind: {
      type: 'object',
      properties: {
        key: { enum: DOCUMENT_KINDS },
        label: { $ref: '#/definitions/localizedText' },
        help: { $ref: '#/definitions/localizedText' },
      },
      required: ['key', 'label'],
      additionalProperties: false,
    },
    sla: {
      type: 'object',
      properties: {
        workingDays: { type: 'integer', minimum: 1, maximum: 3650 },
        calendarDays: { type: 'integer', minimum: 1, maximum: 3650 },
        hours: { type: 'integer', minimum: 1, maximum: 87600 },
      },
      additionalProperties: false,
      minProperties: 1,
      maxProperties: 1,
    },
    // Exactly one unit is checked by the validator (an offset is not an SLA: it may be 0 or negative).
    deadlineOffset: {
      type: 'object',
      properties: {
        workingDays: { type: 'integer', minimum: -3650, maximum: 3650 },
        calendarDays: { type: 'integer', minimum: -3650, maximum: 3650 },
        hours: { type: 'integer', minimum: -87600, maximum: 87600 },
      },
      additionalProperties: false,
    },
    escalationLevel: {
      type: 'object',
      properties: {
        level: { type: 'string', pattern: LOWER_CAMEL },
        title: { $ref: '#/definitions/localizedText' },
        at: { $ref: '#/definitions/deadlineOffset' },
        notify: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          minItems: 1,
          uniqueItems: true,
        },
      },
      required: ['level', 'at', 'notify'],
      additionalProperties: false,
    },
    guard: {
      type: ['string', 'object'],
      minLength: 1,
      properties: {
        type: { type: 'string', minLength: 1 },
        params: { type: 'object' },
      },
      required: ['type'],
      additionalProperties: false,
    },
    // No `type` here: the places that use it say which of string / object / array they allow.
    // `properties`, `required` and `additionalProperties` only apply to objects, `minLength` to strings.
    transition: {
      minLength: 1,
      properties: {
        target: { type: 'string', minLength: 1 },
        guard: { $ref: '#/definitions/guard' },
        description: { type: 'string' },
        meta: {
          type: 'object',
          properties: {
            title: { $ref: '#/definitions/localizedText' },
            gate: {
              type: 'array',
              items: { type: 'string', pattern: KEBAB },
              minItems: 1,
              uniqueItems: true,
            },
          },
          additionalProperties: false,
        },
      },
      required: ['target'],
      additionalProperties: false,
    },
    state: {
      type: 'object',
      properties: {
        type: { enum: ['final', 'parallel'] },
        initial: { type: 'string', minLength: 1 },
        states: {
          type: 'object',
          propertyNames: { pattern: LOWER_CAMEL },
          additionalProperties: { $ref: '#/definitions/state' },
          minProperties: 1,
        },
        on: {
          type: 'object',
          propertyNames: { pattern: UPPER_SNAKE },
          additionalProperties: {
            type: ['string', 'object', 'array'],
            allOf: [{ $ref: '#/definitions/transition' }],
            items: { type: ['string', 'object'], allOf: [{ $ref: '#/definitions/transition' }] },
            minItems: 1,
          },
        },
        description: { type: 'string' },
        meta: {
          type: 'object',
          properties: {
            title: { $ref: '#/definitions/localizedText' },
            description: { $ref: '#/definitions/localizedText' },
            sla: { $ref: '#/definitions/sla' },
            roles: { $ref: '#/definitions/eventRoles' },
            escalation: {
              type: 'array',
              items: { $ref: '#/definitions/escalationLevel' },
              minItems: 1,
              maxItems: 10,
            },
          },
          required: ['title'],
          additionalProperties: false,
        },
      },
      required: ['meta'],
      additionalProperties: false,
    },
  },
  properties: {
    $schema: { type: 'string' },
    id: { type: 'string', pattern: KEBAB, maxLength: LIMITS.nameLength },
    version: { type: 'integer', minimum: 1 },
    title: { $ref: '#/definitions/localizedText' },
    description: { $ref: '#/definitions/localizedText' },
    initial: { type: 'string', minLength: 1 },
    meta: {
      type: 'object',
      properties: {
        roles: { $ref: '#/definitions/eventRoles' },
        fields: { type: 'array', items: { $ref: '#/definitions/field' }, maxItems: LIMITS.declarations },
        documentKinds: { type: 'array', items: { $ref: '#/definitions/documentKind' }, maxItems: LIMITS.declarations },
      },
      additionalProperties: false,
    },
    states: {
      type: 'object',
      propertyNames: { pattern: LOWER_CAMEL },
      additionalProperties: { $ref: '#/definitions/state' },
      minProperties: 1,
    },
  },
  required: ['id', 'version', 'title', 'initial', 'states'],
  additionalProperties: false,
} as const;

export const ruleSetSchema = {
  $id: 'https://samverkan.example/schemas/rule-set.json',
  type: 'object',
  definitions: {
    localizedText,
    condition: {
      type: 'object',
      properties: {
        all: { type: 'array', items: { $ref: '#/definitions/condition' }, minItems: 1 },
        any: { type: 'array', items: { $ref: '#/definitions/condition' }, minItems: 1 },
        not: { $ref: '#/definitions/condition' },
        fact: NAME,
        operator: NAME,
        value: {},
        path: { type: 'string', pattern: '^\\$', maxLength: MAX_PATH_LENGTH },
        params: { type: 'object', additionalProperties: NAME, maxProperties: 10 },
      },
      additionalProperties: false,
      minProperties: 1,
    },
  },
  properties: {
    $schema: { type: 'string' },
    id: { type: 'string', pattern: KEBAB, maxLength: LIMITS.nameLength },
    title: { $ref: '#/definitions/localizedText' },
    description: { $ref: '#/definitions/localizedText' },
    conditions: {
      type: 'array',
      minItems: 1,
      maxItems: LIMITS.conditions,
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', pattern: KEBAB, maxLength: LIMITS.nameLength },
          when: { $ref: '#/definitions/condition' },
          message: { $ref: '#/definitions/localizedText' },
          responsible: { type: 'string', maxLength: LIMITS.nameLength },
          each: NAME,
        },
        required: ['id', 'when', 'message'],
        additionalProperties: false,
      },
    },
    examples: {
      type: 'array',
      maxItems: LIMITS.examples,
      items: {
        type: 'object',
        properties: {
          name: TEXT,
          facts: { type: 'object', maxProperties: 100 },
          passes: { type: 'boolean' },
          failing: { type: 'array', items: { type: 'string', maxLength: LIMITS.nameLength }, maxItems: LIMITS.conditions, uniqueItems: true },
        },
        required: ['name', 'facts', 'passes'],
        additionalProperties: false,
      },
    },
  },
  required: ['id', 'title', 'conditions'],
  additionalProperties: false,
} as const;
