import './matrix.css';
import type { Schema } from '../../api';
import { Badge, TableScroll } from '../../components/common';
import { SummaryList } from '../../forms';
import { date, t } from '../../i18n';
import { label } from '../../labels';
import { w } from './words';

type DecisionPoint = Schema<'DecisionPointDto'>;
type BoardLine = DecisionPoint['boards'][number];

const statusKind = (s: BoardLine['status']) => (s === 'final' ? 'ok' : s === 'none' || s === 'rejected' || s === 'appealed' ? 'bad' : 'info');

function Status({ b }: { b: BoardLine }) {
  return <Badge kind={statusKind(b.status)}>{label('decisionStatus', b.status)}</Badge>;
}

function TextVerdict({ b }: { b: BoardLine }) {
  if (!b.text) return <>{t('noText')}</>;
  return b.text.identical ? <Badge kind="ok">{t('identical')}</Badge> : <Badge kind="bad">{t('differs')}</Badge>;
}

/** "12 mars 2027, § 14" */
function meeting(b: BoardLine): string {
  if (!b.decision?.meetingDate) return '–';
  return b.decision.minutesParagraph ? `${date(b.decision.meetingDate)}, ${b.decision.minutesParagraph}` : date(b.decision.meetingDate);
}

/** "Justerat 15 mars 2027" / "Anslaget 16 mars 2027", each on its line. */
function Minutes({ b }: { b: BoardLine }) {
  const d = b.decision;
  if (!d?.minutesApprovedDate && !d?.announcedDate) return <>–</>;
  return (
    <>
      {d.minutesApprovedDate && <span class="block">{w('approvedOn', { date: date(d.minutesApprovedDate) })}</span>}
      {d.announcedDate && <span class="block">{w('announcedOn', { date: date(d.announcedDate) })}</span>}
    </>
  );
}

/** "Till 6 april 2027" / "Laga kraft 7 april 2027". */
function Appeal({ b }: { b: BoardLine }) {
  const d = b.decision;
  if (!d?.appealDeadline && !d?.finalFrom) return <>–</>;
  return (
    <>
      {d.appealDeadline && <span class="block">{w('appealUntil', { date: date(d.appealDeadline) })}</span>}
      {d.finalFrom && <span class="block">{w('finalFrom', { date: date(d.finalFrom) })}</span>}
    </>
  );
}

/**
 * The decisions of a decision point, board by board: a table of six columns that fits the case
 * page's column at 1280 px (the meeting with its §, the minutes' approval and announcement, and
 * the appeal window with the final date share a column each), and, on a narrow screen, a stacked
 * card per board ("Nämnd: …, Status: …") instead of the table.
 */
export function DecisionMatrix({ point }: { point: DecisionPoint }) {
  return (
    <>
      <div class="matrix-wide">
        <TableScroll label={`${t('decisions')}: ${point.title}`}>
          <table class="decision-matrix">
            <thead>
              <tr>
                <th scope="col">{t('board')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{w('meetingCol')}</th>
                <th scope="col">{w('minutesCol')}</th>
                <th scope="col">{w('appealCol')}</th>
                <th scope="col">{t('text')}</th>
              </tr>
            </thead>
            <tbody>
              {point.boards.map((b) => (
                <tr>
                  <th scope="row">{b.board.label}</th>
                  <td>
                    <Status b={b} />
                  </td>
                  <td>{meeting(b)}</td>
                  <td>
                    <Minutes b={b} />
                  </td>
                  <td>
                    <Appeal b={b} />
                  </td>
                  <td>
                    <TextVerdict b={b} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>
      <ul class="cards-list matrix-narrow">
        {point.boards.map((b) => (
          <li class="summary-card">
            <div class="summary-card-header">
              <h4 class="summary-card-title">{b.board.label}</h4>
            </div>
            <div class="summary-card-body">
              <SummaryList
                rows={[
                  { key: t('status'), value: <Status b={b} /> },
                  { key: w('meetingCol'), value: meeting(b) },
                  { key: w('minutesCol'), value: <Minutes b={b} /> },
                  { key: w('appealCol'), value: <Appeal b={b} /> },
                  { key: t('text'), value: <TextVerdict b={b} /> },
                ]}
              />
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
