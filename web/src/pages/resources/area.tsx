import type { CaseAccess } from '../../access';
import { Area } from '../../components/area-nav';
import { ErrorMessage, Loading, useData } from '../../components/common';
import { SummaryList, type Confirmation } from '../../forms';
import { date } from '../../i18n';
import { label } from '../../labels';
import { to } from '../../router';
import type { PartiesData } from '../parties/common';
import { amountText, readCommitments, whatText } from './common';
import { RESOURCE_PATHS } from './paths';
import { w } from './words';

/**
 * The resources area of the case page: each party's commitments as a card (what, how much, for
 * when), with "Dra tillbaka" for those who may act for that party.
 */
export function ResourcesArea({
  caseId,
  parties,
  access,
  confirmation,
}: {
  caseId: string;
  parties: PartiesData;
  access: CaseAccess;
  confirmation: Confirmation | null;
}) {
  const state = useData(() => readCommitments(caseId), [caseId]);
  const mayFor = (org: string) => access.contributes && (access.runsCase || access.contributesFor.includes(org));
  const list = state.data ?? [];
  const byParty = parties.parties
    .map((p) => ({ party: p, items: list.filter((c) => c.organisation.id === p.organisation.id) }))
    .filter((g) => g.items.length > 0);
  return (
    <Area
      id="resources"
      title={w('area')}
      confirmation={confirmation}
      actions={
        access.contributes ? (
          <a class="button secondary" href={to(RESOURCE_PATHS.add, { id: caseId })}>
            {w('add')}
          </a>
        ) : (
          <p class="muted">{w('whoMay')}</p>
        )
      }
    >
      {state.error ? (
        <ErrorMessage error={state.error} />
      ) : !state.data ? (
        <Loading />
      ) : list.length === 0 ? (
        <p>{w('none')}</p>
      ) : (
        <ul class="cards-list">
          {byParty.map(({ party, items }) => (
            <li class="summary-card">
              <div class="summary-card-header">
                <h3 class="summary-card-title">{party.organisation.name}</h3>
              </div>
              <div class="summary-card-body">
                <SummaryList
                  rows={items.map((c) => ({
                    key: label('resourceKind', c.kind),
                    value: (
                      <>
                        {amountText(c)}
                        {c.description && <span class="block">{c.description}</span>}
                        {(c.periodStart || c.periodEnd) && (
                          <span class="block muted">
                            {[c.periodStart ? w('from', { date: date(c.periodStart) }) : '', c.periodEnd ? w('until', { date: date(c.periodEnd) }) : '']
                              .filter(Boolean)
                              .join(' ')}
                          </span>
                        )}
                      </>
                    ),
                    ...(mayFor(c.organisation.id)
                      ? {
                          actions: [
                            {
                              href: to(RESOURCE_PATHS.withdraw, { id: caseId, commitmentId: c.id }),
                              text: w('withdraw'),
                              what: w('withdrawHidden', { what: whatText(c), org: party.organisation.name ?? '' }),
                            },
                          ],
                        }
                      : {}),
                  }))}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Area>
  );
}
