import type { LocalizedText } from '../common/i18n.js';
import type { BoardRecord, OrganisationRecord } from '../registry/organisation.entity.js';

/** How a board is named in messages: "Alvesta kommun – socialnämnden". */
export function boardLabel(organisation: Pick<OrganisationRecord, 'name'> | undefined, board: Pick<BoardRecord, 'name'>): string {
  const name = board.name.charAt(0).toLocaleLowerCase('sv') + board.name.slice(1);
  return organisation ? `${organisation.name} – ${name}` : board.name;
}

/** The message of a field that names an organisation which is not a party to the case. */
export function notAParty(organisationId: string): LocalizedText {
  return { sv: `organisationen "${organisationId}" är inte part i ärendet`, en: `organisation "${organisationId}" is not a party to the case` };
}
