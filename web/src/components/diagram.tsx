import type { WorkflowFile } from '../definition-types/workflow';
import { lang, t } from '../i18n';

interface StateNode {
  id: string;
  title: string;
  final: boolean;
  transitions: Array<{ event: string; title: string | null; target: string }>;
}

/**
 * The top-level states of a workflow definition with their transitions, in the order a case meets
 * them: from the initial state along the transitions (breadth first), final states last. (The
 * stored definition's key order is not the written one: PostgreSQL's jsonb orders keys.)
 */
export function statesOf(definition: WorkflowFile): StateNode[] {
  const l = lang();
  const raw: WorkflowFile['states'] = definition?.states ?? {};
  const nodes = new Map(
    Object.entries(raw).map(([id, s]) => [
      id,
      {
        id,
        title: s.meta?.title?.[l] ?? s.meta?.title?.sv ?? id,
        final: s.type === 'final',
        transitions: Object.entries(s.on ?? {}).flatMap(([event, spec]) =>
          (Array.isArray(spec) ? spec : [spec]).map((x) => ({
            event,
            title: x?.meta?.title?.[l] ?? null,
            target: String(typeof x === 'string' ? x : (x?.target ?? ''))
              .replace(/^\./, '')
              .split('.')[0]!,
          })),
        ),
      } satisfies StateNode,
    ]),
  );
  const order: string[] = [];
  const queue = [String(definition?.initial ?? Object.keys(raw)[0] ?? '')];
  while (queue.length) {
    const id = queue.shift()!;
    if (order.includes(id) || !nodes.has(id)) continue;
    order.push(id);
    queue.push(...nodes.get(id)!.transitions.map((tr) => tr.target));
  }
  for (const id of nodes.keys()) if (!order.includes(id)) order.push(id);
  const all = order.map((id) => nodes.get(id)!);
  return [...all.filter((n) => !n.final), ...all.filter((n) => n.final)];
}

const BOX_W = 300;
const BOX_H = 54;
const GAP = 30;
const LEFT = 10;

/**
 * The lifecycle drawn from the workflow definition: one box per step, top to bottom, arrows for
 * the steps that follow each other, and the loops back drawn on the right. The current step is
 * marked by a filled box, a thicker border and the words "nuvarande steg" (not by colour alone);
 * the ordered list next to it says the same in text.
 */
export function LifecycleDiagram({ definition, current, title, idPrefix }: { definition: WorkflowFile; current: string[]; title: string; idPrefix: string }) {
  const states = statesOf(definition);
  const index = new Map(states.map((s, i) => [s.id, i]));
  const currentTop = new Set(current.map((c) => c.split('.')[0]));
  const height = states.length * (BOX_H + GAP);
  const loops = states.flatMap((s, i) =>
    s.transitions.filter((tr) => (index.get(tr.target) ?? i + 1) < i).map((tr) => ({ from: i, to: index.get(tr.target)!, event: tr.event })),
  );
  const width = LEFT + BOX_W + 40 + loops.length * 18;
  const y = (i: number) => 6 + i * (BOX_H + GAP);
  return (
    <div class="lifecycle">
      <div class="diagram-wrap">
        <svg class="diagram" viewBox={`0 0 ${width} ${height}`} width={width} role="img" aria-labelledby={`${idPrefix}-title`}>
          <title id={`${idPrefix}-title`}>{t('diagramTitle', { title })}</title>
          <defs>
            <marker id={`${idPrefix}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#1b1b1b" />
            </marker>
          </defs>
          {states.map((s, i) => {
            const here = currentTop.has(s.id);
            const next = s.transitions.some((tr) => index.get(tr.target) === i + 1);
            return (
              <g>
                <rect
                  x={LEFT}
                  y={y(i)}
                  width={BOX_W}
                  height={BOX_H}
                  rx={s.final ? 23 : 6}
                  fill={here ? '#083a66' : '#ffffff'}
                  stroke="#1b1b1b"
                  stroke-width={here ? 4 : 1.5}
                />
                <text
                  x={LEFT + 14}
                  y={here ? y(i) + 23 : y(i) + BOX_H / 2 + 6}
                  font-size="16"
                  font-weight={here ? 700 : 400}
                  fill={here ? '#ffffff' : '#1b1b1b'}
                >
                  {`${i + 1}. ${s.title}`}
                </text>
                {here && (
                  <text x={LEFT + 14} y={y(i) + 43} font-size="13" fill="#ffffff">
                    {`▶ ${t('currentStep')}`}
                  </text>
                )}
                {next && (
                  <line
                    x1={LEFT + BOX_W / 2}
                    y1={y(i) + BOX_H}
                    x2={LEFT + BOX_W / 2}
                    y2={y(i + 1) - 2}
                    stroke="#1b1b1b"
                    stroke-width="2"
                    marker-end={`url(#${idPrefix}-arrow)`}
                  />
                )}
              </g>
            );
          })}
          {loops.map((l, k) => {
            const x = LEFT + BOX_W + 16 + k * 18;
            return (
              <path
                d={`M ${LEFT + BOX_W} ${y(l.from) + BOX_H / 2} H ${x} V ${y(l.to) + BOX_H / 2} H ${LEFT + BOX_W + 2}`}
                fill="none"
                stroke="#1b1b1b"
                stroke-width="1.5"
                stroke-dasharray="5 3"
                marker-end={`url(#${idPrefix}-arrow)`}
              />
            );
          })}
        </svg>
      </div>
      <div>
        <h3>{t('lifecycleText')}</h3>
        <ol class="lifecycle-text">
          {states.map((s) => (
            <li aria-current={currentTop.has(s.id) ? 'step' : undefined}>
              {currentTop.has(s.id) ? (
                <strong>
                  {s.title} ({t('currentStep')})
                </strong>
              ) : (
                s.title
              )}
              {s.transitions.length > 0 && (
                <ul>
                  {s.transitions.map((tr) => (
                    <li>{tr.title ?? t('goesTo', { event: tr.event, target: states[index.get(tr.target) ?? -1]?.title ?? tr.target })}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
