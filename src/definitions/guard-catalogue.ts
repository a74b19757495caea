import type { LocalizedText } from '../common/i18n.js';

/** The event as the engine sees it when guards run: the command plus the evaluated gates. */
export interface GuardEvent {
  type: string;
  comment?: string;
  /** Rule set id → whether it passed, put there before the transition is computed. */
  gates?: Record<string, boolean>;
}

/** A named guard that workflow files may use in a transition's `guard`. */
export interface GuardInfo {
  description: LocalizedText;
  /** Said to the user when this guard is why a transition was not taken. */
  failure: LocalizedText;
  /** Pure check of the event. */
  check(event: GuardEvent, params: Record<string, unknown> | undefined): boolean;
  /** Names of the parameters it takes (none if absent). */
  params?: string[];
}

/**
 * Guards a process owner may name. XState guards are synchronous, so they only look at the event;
 * anything that needs data is a gate (rule sets), evaluated before the transition.
 */
export const GUARD_CATALOGUE: Record<string, GuardInfo> = {
  commentGiven: {
    description: {
      sv: 'Händelsen har en motivering (comment).',
      en: 'The event carries a justification (comment).',
    },
    failure: {
      sv: 'En motivering krävs: skicka med "comment".',
      en: 'A justification is required: send a "comment".',
    },
    check: (event) => typeof event.comment === 'string' && event.comment.trim().length > 0,
  },
};

/** The internal guard that every gated transition gets; not nameable in files. */
export const GATE_GUARD = 'gate';
