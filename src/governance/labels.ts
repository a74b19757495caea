import type { BoardRecord, OrganisationRecord } from './organisation.entity.js';

/** How a board is named in messages: "Alvesta kommun – socialnämnden". */
export function boardLabel(organisation: Pick<OrganisationRecord, 'name'> | undefined, board: Pick<BoardRecord, 'name'>): string {
  const name = board.name.charAt(0).toLocaleLowerCase('sv') + board.name.slice(1);
  return organisation ? `${organisation.name} – ${name}` : board.name;
}
