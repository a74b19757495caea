/**
 * Generated from schemas/rule-set.schema.json by json-schema-to-typescript (npm run api-types, web/generate-definition-types.ts).
 * Do not edit: change src/definitions/schemas.ts and run `npm run schemas`.
 */

export interface RuleSetFile {
  $schema?: string;
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  /**
   * @minItems 1
   * @maxItems 20
   */
  conditions: [
    {
      id: string;
      when: Condition;
      message: LocalizedText;
      responsible?: string;
      each?: string;
    },
    ...{
      id: string;
      when: Condition;
      message: LocalizedText;
      responsible?: string;
      each?: string;
    }[]
  ];
  /**
   * @maxItems 20
   */
  examples?: {
    name: string;
    facts: {
      [k: string]: unknown;
    };
    passes: boolean;
    /**
     * @maxItems 20
     */
    failing?: string[];
  }[];
}
export interface LocalizedText {
  sv: string;
  en: string;
}
export interface Condition {
  /**
   * @minItems 1
   */
  all?: [Condition, ...Condition[]];
  /**
   * @minItems 1
   */
  any?: [Condition, ...Condition[]];
  not?: Condition;
  fact?: string;
  operator?: string;
  value?: unknown;
  path?: string;
  params?: {
    [k: string]: string;
  };
}
