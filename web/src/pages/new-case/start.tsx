import { api, get, type Me, type PublishedWorkflow } from '../../api';
import { ErrorMessage, Loading, useData } from '../../components/common';
import { LifecycleDiagram } from '../../components/diagram';
import { confirmAndGo, FormPage, NotAllowed, Radios, TextField, useForm } from '../../forms';
import { to } from '../../router';
import { PARTY_PATHS } from '../parties/paths';
import { w } from './words';

/** What the person chooses and writes. */
interface StartValues {
  workflow: string;
  title: string;
}

/** The chosen workflow's description and lifecycle, so that the person knows what they start. */
function ChosenWorkflow({ id, version, title }: { id: string; version: number; title: string }) {
  const published = useData(() => get<PublishedWorkflow>(`/workflows/${encodeURIComponent(id)}/versions/${version}`), [id, version]);
  if (published.error) return <ErrorMessage error={published.error} />;
  if (!published.data) return <Loading />;
  return (
    <section class="chosen-workflow" aria-labelledby="chosen-h">
      <h2 id="chosen-h">{w('lifecycleOf', { title })}</h2>
      <p>{w('lifecycleIntro')}</p>
      <LifecycleDiagram definition={published.data.definition} current={[]} title={title} idPrefix="new-case" />
    </section>
  );
}

/**
 * `/cases/new`: start a case. Choose a workflow (its title and description; its lifecycle shown
 * once chosen), give the case a title; the starter's organisation leads it and the starter is its
 * secretariat. Then straight to the new case's page.
 */
export function NewCasePage({ me }: { me: Me | null }) {
  const workflows = useData(async () => (await api.read('/workflows')).filter((x) => x.latest).sort((a, b) => a.title.localeCompare(b.title, 'sv')));
  const form = useForm<StartValues>({
    initial: { workflow: '', title: '' },
    validate: (v) => ({
      workflow: v.workflow ? undefined : () => w('chooseWorkflow'),
      title: v.title.trim() ? undefined : () => w('writeTitle'),
    }),
  });
  const back = { href: to('/', {}), text: w('backToCases') };
  if (me && !me.person) return <NotAllowed why={w('notAPerson')} back={back} />;
  if (workflows.error) return <ErrorMessage error={workflows.error} />;
  if (!workflows.data) return <Loading />;
  const list = workflows.data;
  const chosen = list.find((x) => x.id === form.values.workflow);
  const submit = form.submit(async (v) => {
    const picked = list.find((x) => x.id === v.workflow)!;
    const body = { workflow: picked.id, version: picked.version, title: v.title.trim() };
    const { body: c } = await api.post('/cases', { body, idempotencyKey: form.keyFor(body) });
    confirmAndGo(to('/cases/:id', { id: c.id }), {
      title: w('started', { title: c.title }),
      next: w('startedNext', { org: me?.organisation.name ?? '' }),
      link: { href: to(PARTY_PATHS.add, { id: c.id }), text: w('addParties') },
    });
  });
  return (
    <FormPage
      form={form}
      title={w('title')}
      back={back}
      onSubmit={submit}
      submitText={w('startButton')}
      intro={<p>{w('intro', { org: me?.organisation.name ?? '' })}</p>}
    >
      <Radios
        field={form.field('workflow')}
        label={w('workflowQuestion')}
        hint={w('workflowHint')}
        options={list.map((x) => ({ value: x.id, label: x.title, ...(x.description ? { hint: x.description } : {}) }))}
      />
      {chosen && <ChosenWorkflow id={chosen.id} version={chosen.version} title={chosen.title} />}
      <TextField field={form.field('title')} label={w('titleLabel')} hint={w('titleHint')} noun={w('titleNoun')} width="full" />
    </FormPage>
  );
}

/** "Nytt ärende" on Mina ärenden: every person signed in for an organisation may start a case (the page says so otherwise). */
export function NewCaseButton() {
  return (
    <p>
      <a class="button" href={to('/cases/new', {})}>
        {w('newCase')}
      </a>
    </p>
  );
}
