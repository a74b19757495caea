import type { Language, LocalizedText } from '../common/i18n.js';
import { ROLE_TITLES } from '../definitions/roles.js';
import type { TaskStatus } from '../rules/task-kinds.js';

/*
 * The words of the domain's enumerations, in Swedish and English, for texts the service writes to
 * people (task titles, history summaries): never the value itself ("decides", "minutesApproved").
 */

/** A board decision's status. */
export const DECISION_STATUS_WORDS: Readonly<Record<string, LocalizedText>> = {
  none: { sv: 'inget beslut', en: 'no decision' },
  proposed: { sv: 'förslag', en: 'proposed' },
  decided: { sv: 'beslutat', en: 'decided' },
  minutesApproved: { sv: 'justerat', en: 'minutes approved' },
  announced: { sv: 'anslaget', en: 'announced' },
  appealed: { sv: 'överklagat', en: 'appealed' },
  rejected: { sv: 'avslaget', en: 'rejected' },
  final: { sv: 'laga kraft', en: 'final' },
};

/** What a party does in a collaboration. */
export const RESPONSIBILITY_WORDS: Readonly<Record<string, LocalizedText>> = {
  leads: { sv: 'leder', en: 'leads' },
  decides: { sv: 'beslutar', en: 'decides' },
  contributes: { sv: 'bidrar', en: 'contributes' },
  informed: { sv: 'informeras', en: 'is informed' },
};

/** An action's status. */
export const ACTION_STATUS_WORDS: Readonly<Record<string, LocalizedText>> = {
  planned: { sv: 'planerad', en: 'planned' },
  inProgress: { sv: 'pågår', en: 'in progress' },
  done: { sv: 'klar', en: 'done' },
  cancelled: { sv: 'struken', en: 'cancelled' },
};

/** What kind of resource a party commits. */
export const RESOURCE_KIND_WORDS: Readonly<Record<string, LocalizedText>> = {
  money: { sv: 'pengar', en: 'money' },
  staff: { sv: 'personal', en: 'staff' },
  premises: { sv: 'lokaler', en: 'premises' },
  other: { sv: 'annat', en: 'other' },
};

/** A goal's target: an absolute value, or a change in per cent of the baseline. */
export const TARGET_KIND_WORDS: Readonly<Record<string, LocalizedText>> = {
  absolute: { sv: 'absolut värde', en: 'absolute value' },
  relative: { sv: 'förändring i procent', en: 'change in per cent' },
};

/** Which way a goal's indicator should move. */
export const DIRECTION_WORDS: Readonly<Record<string, LocalizedText>> = {
  increase: { sv: 'öka', en: 'increase' },
  decrease: { sv: 'minska', en: 'decrease' },
};

/** A task's status in the words of the task list (GOV.UK's pattern, in Swedish as DIGG writes it). */
export const TASK_STATUS_WORDS: Readonly<Record<TaskStatus, LocalizedText>> = {
  notStarted: { sv: 'Ej påbörjad', en: 'Not started' },
  inProgress: { sv: 'Pågår', en: 'In progress' },
  waitingForOthers: { sv: 'Väntar på annan part', en: 'Waiting for another party' },
  done: { sv: 'Klar', en: 'Done' },
};

/** The word for a value of one of the tables above, or the value itself when the table lacks it. */
export function wordOf(table: Readonly<Record<string, LocalizedText>>, value: string, lang: Language): string {
  return Object.hasOwn(table, value) ? table[value]![lang] : value;
}

/** A role on the case in words ("Sekretariat", "Secretariat"), or the role itself when unknown. */
export function roleTitle(role: string, lang: Language): string {
  return Object.hasOwn(ROLE_TITLES, role) ? ROLE_TITLES[role as keyof typeof ROLE_TITLES][lang] : role;
}

/** A Swedish date as words: "3 mars 2027" (sv) or "3 March 2027" (en); anything else as it is. */
export function dateInWords(value: string, lang: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  const month = Number(m[2]) - 1;
  const names = lang === 'sv' ? SV_MONTHS : EN_MONTHS;
  return names[month] ? `${Number(m[3])} ${names[month]} ${m[1]}` : value;
}

const SV_MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
