import { EntitySchema } from '@mikro-orm/postgresql';

export const GOAL_DIRECTIONS = ['decrease', 'increase'] as const;
export type GoalDirection = (typeof GOAL_DIRECTIONS)[number];

/**
 * A measurable goal (uppföljningsbart mål): an indicator — a Kolada KPI such as N03937 or an own
 * one — measured for a municipality/region code or an organisation, from a baseline to a target.
 * Fields may be missing while the goal is drafted; the gates say what is missing.
 */
export class GoalRecord {
  id!: string;
  caseId!: string;
  title!: string;
  /** Kolada KPI id, e.g. "N03937". */
  kpi!: string | null;
  /** An own indicator's name, when there is no Kolada KPI. */
  indicatorName!: string | null;
  unit!: string | null;
  /** Kommun- or regionkod the indicator is measured for. */
  municipalityCode!: string | null;
  /** Or the organisation it is measured for. */
  organisationId!: string | null;
  baselineValue!: number | null;
  baselineYear!: number | null;
  /** Absolute target value, or a relative one in percent of the baseline (−50 = halve). */
  targetKind!: 'absolute' | 'relative' | null;
  targetValue!: number | null;
  targetYear!: number | null;
  direction!: GoalDirection | null;
  createdAt!: Date;
}

export const GoalSchema = new EntitySchema<GoalRecord>({
  class: GoalRecord,
  tableName: 'goals',
  properties: {
    id: { type: 'uuid', primary: true },
    caseId: { type: 'uuid' },
    title: { type: 'text' },
    kpi: { type: 'text', nullable: true },
    indicatorName: { type: 'text', nullable: true },
    unit: { type: 'text', nullable: true },
    municipalityCode: { type: 'text', nullable: true },
    organisationId: { type: 'uuid', nullable: true },
    baselineValue: { type: 'double', columnType: 'double precision', nullable: true },
    baselineYear: { type: 'integer', nullable: true },
    targetKind: { type: 'text', nullable: true },
    targetValue: { type: 'double', columnType: 'double precision', nullable: true },
    targetYear: { type: 'integer', nullable: true },
    direction: { type: 'text', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});

/** Where a measurement came from. */
export const MEASUREMENT_SOURCES = ['manual', 'kolada-file', 'kolada-api'] as const;
export type MeasurementSource = (typeof MEASUREMENT_SOURCES)[number];

/** One yearly value of a goal's indicator. */
export class MeasurementRecord {
  goalId!: string;
  period!: number;
  value!: number;
  source!: MeasurementSource;
  recordedAt!: Date;
}

export const MeasurementSchema = new EntitySchema<MeasurementRecord>({
  class: MeasurementRecord,
  tableName: 'goal_measurements',
  properties: {
    goalId: { type: 'uuid', primary: true },
    period: { type: 'integer', primary: true },
    value: { type: 'double', columnType: 'double precision' },
    source: { type: 'text' },
    recordedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
