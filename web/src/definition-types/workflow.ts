/**
 * Generated from schemas/workflow.schema.json by json-schema-to-typescript (npm run api-types, web/generate-definition-types.ts).
 * Do not edit: change src/definitions/schemas.ts and run `npm run schemas`.
 */

export type Guard =
  | string
  | {
      type: string;
      params?: {
        [k: string]: unknown;
      };
    };

export interface WorkflowFile {
  $schema?: string;
  id: string;
  version: number;
  title: LocalizedText;
  description?: LocalizedText;
  initial: string;
  meta?: {
    roles?: EventRoles;
    /**
     * @maxItems 100
     */
    fields?: Field[];
    /**
     * @maxItems 100
     */
    documentKinds?: DocumentKind[];
  };
  states: {
    [k: string]: State;
  };
}
export interface LocalizedText {
  sv: string;
  en: string;
}
export interface EventRoles {
  /**
   * @minItems 1
   */
  [k: string]: [string, ...string[]];
}
export interface Field {
  key: string;
  type: "text" | "longText" | "date" | "number" | "boolean";
  label: LocalizedText;
  help?: LocalizedText;
}
export interface DocumentKind {
  key:
    | "agreement"
    | "declarationOfIntent"
    | "problemStatement"
    | "situationAnalysis"
    | "plan"
    | "followUpReport"
    | "steeringDocument"
    | "decision"
    | "other";
  label: LocalizedText;
  help?: LocalizedText;
}
export interface State {
  type?: "final" | "parallel";
  initial?: string;
  states?: {
    [k: string]: State;
  };
  on?: {
    /**
     * @minItems 1
     */
    [k: string]: Transition &
      (
        | string
        | {
            [k: string]: unknown;
          }
        | [
            Transition &
              (
                | string
                | {
                    [k: string]: unknown;
                  }
              ) &
              (
                | string
                | {
                    [k: string]: unknown;
                  }
              ),
            ...(Transition &
              (
                | string
                | {
                    [k: string]: unknown;
                  }
              ) &
              (
                | string
                | {
                    [k: string]: unknown;
                  }
              ))[]
          ]
      );
  };
  description?: string;
  meta: {
    title: LocalizedText;
    description?: LocalizedText;
    sla?: Sla;
    roles?: EventRoles;
    /**
     * @minItems 1
     * @maxItems 10
     */
    escalation?: [EscalationLevel, ...EscalationLevel[]];
  };
}
export interface Transition {
  target: string;
  guard?: Guard;
  description?: string;
  meta?: {
    title?: LocalizedText;
    /**
     * @minItems 1
     */
    gate?: [string, ...string[]];
  };
}
export interface Sla {
  workingDays?: number;
  calendarDays?: number;
  hours?: number;
}
export interface EscalationLevel {
  level: string;
  title?: LocalizedText;
  at: DeadlineOffset;
  /**
   * @minItems 1
   */
  notify: [string, ...string[]];
}
export interface DeadlineOffset {
  workingDays?: number;
  calendarDays?: number;
  hours?: number;
}
