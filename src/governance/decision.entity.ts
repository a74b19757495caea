import { EntitySchema } from '@mikro-orm/postgresql';

/**
 * A named point where the parties' boards must decide (e.g. "joint-agreement"), with the reference
 * text every board's decision must match (Kronoberg: likalydande beslut).
 */
export class DecisionPointRecord {
  id!: string;
  caseId!: string;
  /** kebab-case, named by rule conditions (`params: { decisionPoint }`). */
  key!: string;
  title!: string;
  referenceText!: string;
  /** Boards that must decide. */
  boardIds!: string[];
  createdAt!: Date;
}

export const DecisionPointSchema = new EntitySchema<DecisionPointRecord>({
  class: DecisionPointRecord,
  tableName: 'decision_points',
  properties: {
    id: { type: 'uuid', primary: true },
    caseId: { type: 'uuid' },
    key: { type: 'text' },
    title: { type: 'text' },
    referenceText: { type: 'text' },
    boardIds: { type: 'json', columnType: 'jsonb' },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});

/**
 * The statuses a secretariat records. "final" (laga kraft) is not recorded: it follows from the
 * announcement and the three-week appeal window (see appeal.ts).
 */
export const RECORDED_DECISION_STATUSES = ['proposed', 'decided', 'minutesApproved', 'announced', 'appealed', 'rejected'] as const;
export type RecordedDecisionStatus = (typeof RECORDED_DECISION_STATUSES)[number];

/** One board's decision at a decision point (Kommunallagen: decided → justerat → anslaget → laga kraft). */
export class BoardDecisionRecord {
  id!: string;
  decisionPointId!: string;
  boardId!: string;
  status!: RecordedDecisionStatus;
  text!: string | null;
  meetingDate!: string | null;
  /** Protokollsparagraf, e.g. "§ 114". */
  minutesParagraph!: string | null;
  minutesApprovedDate!: string | null;
  announcedDate!: string | null;
  /** Last day to appeal: three weeks after the announcement, moved to the next working day. */
  appealDeadline!: string | null;
  /** `textDigest(text)`, written with the text (null for no text, and for rows older than it). */
  textDigest!: string | null;
  updatedAt!: Date;
}

export const BoardDecisionSchema = new EntitySchema<BoardDecisionRecord>({
  class: BoardDecisionRecord,
  tableName: 'board_decisions',
  properties: {
    id: { type: 'uuid', primary: true },
    decisionPointId: { type: 'uuid' },
    boardId: { type: 'uuid' },
    status: { type: 'text' },
    text: { type: 'text', nullable: true },
    meetingDate: { type: 'string', columnType: 'date', nullable: true },
    minutesParagraph: { type: 'text', nullable: true },
    minutesApprovedDate: { type: 'string', columnType: 'date', nullable: true },
    announcedDate: { type: 'string', columnType: 'date', nullable: true },
    appealDeadline: { type: 'string', columnType: 'date', nullable: true },
    textDigest: { type: 'text', nullable: true },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
