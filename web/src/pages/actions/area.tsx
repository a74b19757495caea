import type { CaseAccess } from '../../access';
import { Area } from '../../components/area-nav';
import { Badge, ErrorMessage, Loading, useData } from '../../components/common';
import { SummaryList, type Confirmation } from '../../forms';
import { date } from '../../i18n';
import { label } from '../../labels';
import { to } from '../../router';
import type { PartiesData } from '../parties/common';
import { readActions, type Action } from './forms';
import { ACTION_PATHS } from './paths';
import { w } from './words';

/** A status in words with its own symbol (not the badge's: ○ planned, ◐ under way, ✓ done, ✗ cancelled). */
const STATUS_BADGE: Record<Action['status'], 'ok' | 'info' | 'bad'> = { planned: 'info', inProgress: 'info', done: 'ok', cancelled: 'bad' };
const STATUS_SYMBOL: Record<Action['status'], string> = { planned: '○', inProgress: '◐', done: '✓', cancelled: '✗' };

/** The actions grouped by their subgroup (the parties working on them), those without a subgroup last. */
function bySubgroup(actions: readonly Action[]): Array<{ names: string[]; items: Action[] }> {
  const groups = new Map<string, { names: string[]; items: Action[] }>();
  for (const a of actions) {
    const key = a.subgroup
      .map((s) => s.id)
      .sort()
      .join(',');
    const g = groups.get(key) ?? { names: a.subgroup.map((s) => s.name ?? '–'), items: [] };
    g.items.push(a);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => (a.names.length === 0 ? 1 : b.names.length === 0 ? -1 : a.names.join().localeCompare(b.names.join(), 'sv')));
}

/** The action plan of the case page: actions grouped by subgroup, each a card with who, when and status. */
export function ActionsArea({ caseId, access, confirmation }: { caseId: string; parties: PartiesData; access: CaseAccess; confirmation: Confirmation | null }) {
  const state = useData(() => readActions(caseId), [caseId]);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Area
      id="action-plan"
      title={w('area')}
      confirmation={confirmation}
      actions={
        access.runsCase ? (
          <a class="button secondary" href={to(ACTION_PATHS.add, { id: caseId })}>
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
      ) : state.data.length === 0 ? (
        <p>{w('none')}</p>
      ) : (
        bySubgroup(state.data).map((g) => (
          <section class="action-group">
            <h3>{g.names.length ? w('subgroupOf', { names: g.names.join(', ') }) : w('noSubgroup')}</h3>
            <ul class="cards-list">
              {g.items.map((a) => {
                const late = a.dueDate !== null && a.dueDate < today && (a.status === 'planned' || a.status === 'inProgress');
                return (
                  <li class="summary-card">
                    <div class="summary-card-header">
                      <h4 class="summary-card-title">{a.title}</h4>
                      {access.runsCase && (
                        <ul class="summary-card-actions">
                          <li>
                            <a href={to(ACTION_PATHS.change, { id: caseId, actionId: a.id })}>
                              {w('change')}
                              <span class="visually-hidden"> {w('changeHidden', { title: a.title })}</span>
                            </a>
                          </li>
                        </ul>
                      )}
                    </div>
                    <div class="summary-card-body">
                      <SummaryList
                        rows={[
                          {
                            key: w('status'),
                            value: (
                              <>
                                <span class={`badge badge-${STATUS_BADGE[a.status]}`}>
                                  <span aria-hidden="true">{STATUS_SYMBOL[a.status]} </span>
                                  {label('actionStatus', a.status)}
                                </span>
                                {late && (
                                  <>
                                    {' '}
                                    <Badge kind="bad">{w('late')}</Badge>
                                  </>
                                )}
                              </>
                            ),
                          },
                          { key: w('responsible'), value: a.responsible?.name ?? <span class="muted">{w('nobody')}</span> },
                          { key: w('due'), value: a.dueDate ? date(a.dueDate) : <span class="muted">{w('noDate')}</span> },
                        ]}
                      />
                    </div>
                  </li>
                );
              })}
            </ul>
          </section>
        ))
      )}
    </Area>
  );
}
