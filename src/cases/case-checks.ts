import { DomainError } from '../common/domain-error.js';
import type { Language, LocalizedText } from '../common/i18n.js';
import type { CompiledWorkflow, TransitionInfo } from '../definitions/compile-workflow.js';
import { activeStateIds, candidateTransitions } from './case-engine.js';
import type { CaseRecord } from './case.entity.js';

/**
 * The transitions that could take `event` in the case's current step.
 * @throws DomainError CASE_CLOSED, or EVENT_NOT_ACCEPTED listing the events that are possible
 */
export function transitionsAccepting(workflow: CompiledWorkflow, record: CaseRecord, event: string): TransitionInfo[] {
  if (record.status === 'closed') {
    throw new DomainError('CASE_CLOSED', { sv: `Ärendet är avslutat, så ${event} kan inte skickas.`, en: `the case is closed; ${event} cannot be sent` });
  }
  const candidates = candidateTransitions(workflow, record.state, event);
  if (candidates.length) return candidates;
  const possible = candidateTransitions(workflow, record.state);
  const accepted = [...new Set(possible.map((t) => t.event))];
  const here = (lang: Language) =>
    activeStateIds(workflow, record.state)
      .map((id) => workflow.steps.get(id)?.title[lang] ?? id)
      .join(' › ');
  // A person reads the actions by their labels ("Gå vidare till Mål"); the event key is what a client sends.
  const named = (lang: Language) => accepted.map((e) => eventLabel(possible, e, lang)).join(', ');
  throw new DomainError(
    'EVENT_NOT_ACCEPTED',
    {
      sv: `${event} går inte att skicka i steget ${here('sv')}. Möjligt här: ${named('sv') || 'ingenting'}.`,
      en: `${event} is not possible in the current step (${here('en')}); possible: ${named('en') || 'nothing'}`,
    },
    { accepted },
  );
}

/** An event as a person reads it: the title of the transition that takes it, with the key a client sends. */
export function eventLabel(transitions: readonly TransitionInfo[], event: string, lang: Language): string {
  const title: LocalizedText | undefined = transitions.find((t) => t.event === event && t.title)?.title;
  return title ? `"${title[lang]}" (${event})` : event;
}
