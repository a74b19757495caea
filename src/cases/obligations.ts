import type { GateFailure } from '../rules/gate-evaluator.js';

/** The parties of a case as attribution needs them. */
export interface PartyStanding {
  /** Organisations that lead the case (their secretariat runs it). */
  leading: ReadonlySet<string>;
}

/**
 * Which organisations a failing gate condition waits for. Pure.
 *
 * A condition explained item by item names the organisation of its item (a board's organisation,
 * a party without a signature, …): that organisation owes it. A condition about the case as a
 * whole (a field, a decision point to set up, a goal to add) is work for whoever runs the case:
 * the leading parties.
 */
export function owingOrganisations(failure: Pick<GateFailure, 'item'>, parties: PartyStanding): string[] {
  const own = failure.item?.organisation;
  if (typeof own === 'string' && own) return [own];
  return [...parties.leading];
}
