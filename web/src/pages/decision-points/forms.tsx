import { api, type Me, type Schema } from '../../api';
import { NotFound, useData } from '../../components/common';
import { Checkboxes, conflictDifferences, confirmAndGo, FormPage, TextArea, TextField, useForm, type FormApi, type Option } from '../../forms';
import { insteadOfForm, leadingNames, useWorkData, type Party } from '../documents/case-work';
import { keyFromTitle } from './key';
import { decisionsOf } from './paths';
import { w } from './words';

type Point = Schema<'DecisionPointSummaryDto'>;

/** A decision point as the form holds it. */
interface PointValues {
  title: string;
  referenceText: string;
  boardIds: string[];
}

const valuesOf = (p: Point): PointValues => ({ title: p.title, referenceText: p.referenceText, boardIds: [...p.boardIds] });

const check = (v: PointValues) => ({
  title: v.title.trim() ? undefined : () => w('writeTitle'),
  referenceText: v.referenceText.trim() ? undefined : () => w('writeReference'),
  boardIds: v.boardIds.length ? undefined : () => w('chooseBoards'),
});

/** The way back from a form page of the area. */
const backToDecisions = (caseId: string) => ({ href: decisionsOf(caseId), text: w('backToCase') });

const readPoints = (caseId: string) => () => api.read('/cases/{id}/decision-points', { params: { id: caseId } });

/** Who may set up and change decision points, naming the leading party. */
export function whoMayPoints(parties: readonly Party[]): string {
  const lead = leadingNames(parties);
  return lead ? w('whoMayNamed', { org: lead }) : w('whoMay');
}

/** The boards of the parties, each with its organisation: "Socialnämnden – Växjö kommun". */
function useBoards(parties: readonly Party[]) {
  return useData(async () => {
    const orgs = await Promise.all(parties.map((p) => api.read('/organisations/{id}', { params: { id: p.organisation.id } })));
    return orgs.flatMap((o) => (o.boards ?? []).map((b): Option => ({ value: b.id, label: `${b.name} – ${o.name}` })));
  }, [parties.map((p) => p.organisation.id).join()]);
}

/** The three questions of a decision point, shared by setting up and changing. */
function PointFields({ form, boards }: { form: FormApi<PointValues>; boards: Option[] | null }) {
  return (
    <>
      <TextField field={form.field('title')} label={w('titleLabel')} hint={w('titleHint')} noun={w('titleNoun')} width="full" />
      <TextArea field={form.field('referenceText')} label={w('referenceLabel')} hint={w('referenceHint')} noun={w('referenceNoun')} rows={10} />
      {boards === null ? (
        <p class="muted">{w('readingBoards')}</p>
      ) : boards.length === 0 ? (
        <p>{w('noBoards')}</p>
      ) : (
        <Checkboxes field={form.field('boardIds')} label={w('boardsLabel')} hint={w('boardsHint')} noun={w('boardsNoun')} options={boards} />
      )}
    </>
  );
}

/**
 * `/cases/:id/decision-points/new`: the text every board must adopt identically, and which boards.
 * `?key=<key>` (a task's link) gives the point the key its gate asks for.
 */
export function AddDecisionPointPage({ caseId, me, pointKey }: { caseId: string; me: Me | null; pointKey?: string | null }) {
  const state = useWorkData(caseId, me, readPoints(caseId));
  const form = useForm<PointValues>({
    initial: { title: '', referenceText: '', boardIds: [] },
    validate: check,
    fieldOf: (p) => (p === 'key' ? 'title' : undefined),
  });
  const boards = useBoards(state.loaded?.data.parties ?? []);
  const back = backToDecisions(caseId);
  const stop = insteadOfForm(state, (a) => a.runsCase, `${whoMayPoints(state.loaded?.data.parties ?? [])} ${w('notYou')}`, back);
  if (stop || !state.loaded) return stop;
  const taken = state.loaded.data.own.map((p) => p.key);
  const submit = form.submit(async (v) => {
    // A task's link names the key its gate asks for (`?key=joint-agreement`): the point gets that one.
    const key = pointKey && /^[a-z0-9][a-z0-9-]*$/.test(pointKey) && !taken.includes(pointKey) ? pointKey : keyFromTitle(v.title, taken);
    const body = { key, title: v.title.trim(), referenceText: v.referenceText.trim(), boardIds: v.boardIds };
    const { body: saved } = await api.post('/cases/{id}/decision-points', {
      params: { id: caseId },
      body,
      ifMatch: state.loaded!.etag,
      idempotencyKey: form.keyFor(body),
    });
    confirmAndGo(decisionsOf(caseId), { area: 'decisions', title: w('added', { title: saved.title, n: saved.boardIds.length }), next: w('addedNext') });
  }, state.loaded.version);
  return (
    <FormPage
      form={form}
      title={w('addTitle')}
      caption={state.loaded.case.title}
      back={back}
      onSubmit={submit}
      submitText={w('addButton')}
      conflict={{ caseId, onReload: state.reload }}
      intro={<p>{w('addIntro')}</p>}
    >
      <PointFields form={form} boards={boards.data} />
    </FormPage>
  );
}

/** `/cases/:id/decision-points/:key/change`: its title, reference text or boards. */
export function ChangeDecisionPointPage({ caseId, pointKey, me }: { caseId: string; pointKey: string; me: Me | null }) {
  const state = useWorkData(caseId, me, readPoints(caseId));
  const boards = useBoards(state.loaded?.data.parties ?? []);
  const back = backToDecisions(caseId);
  const stop = insteadOfForm(state, (a) => a.runsCase, `${whoMayPoints(state.loaded?.data.parties ?? [])} ${w('notYou')}`, back);
  if (stop || !state.loaded) return stop;
  const point = state.loaded.data.own.find((p) => p.key === pointKey);
  if (!point) return <NotFound text={w('noSuchPoint')} />;
  return (
    <ChangeForm
      caseId={caseId}
      caseTitle={state.loaded.case.title}
      etag={state.loaded.etag}
      since={state.loaded.version}
      point={point}
      boards={boards.data}
      reload={async () => (await state.reload())?.data.own.find((p) => p.key === pointKey) ?? null}
      back={back}
    />
  );
}

function ChangeForm({
  caseId,
  caseTitle,
  etag,
  since,
  point,
  boards,
  reload,
  back,
}: {
  caseId: string;
  caseTitle: string;
  etag: string | null;
  since: number | null;
  point: Point;
  boards: Option[] | null;
  reload: () => Promise<Point | null>;
  back: { href: string; text: string };
}) {
  const form = useForm<PointValues>({ initial: valuesOf(point), validate: check });
  const submit = form.submit(async (v) => {
    // Only what the person changed: saving after a conflict does not undo a colleague's change.
    const body = {
      ...(form.changed('title') ? { title: v.title.trim() } : {}),
      ...(form.changed('referenceText') ? { referenceText: v.referenceText.trim() } : {}),
      ...(form.changed('boardIds') ? { boardIds: v.boardIds } : {}),
    };
    await api.patch('/cases/{id}/decision-points/{key}', { params: { id: caseId, key: point.key }, body, ifMatch: etag, idempotencyKey: form.keyFor(body) });
    confirmAndGo(decisionsOf(caseId), {
      area: 'decisions',
      title: w('changed', { title: v.title.trim() }),
      next: form.changed('referenceText') ? w('changedTextNext') : w('changedNext'),
    });
  }, since);
  const onReload = async () => {
    const fresh = await reload();
    if (fresh) form.rebase(valuesOf(fresh));
  };
  const boardName = (id: string) => boards?.find((b) => b.value === id)?.label ?? '–';
  const differences = conflictDifferences(form, valuesOf(point), [
    { name: 'title', label: w('titleLabel'), show: (value) => value },
    { name: 'referenceText', label: w('referenceLabel'), show: (value) => value },
    { name: 'boardIds', label: w('boardsLabel'), show: (value) => value.map(boardName).join(', ') },
  ]);
  return (
    <FormPage
      form={form}
      title={w('changeTitle', { title: point.title })}
      caption={caseTitle}
      back={back}
      onSubmit={submit}
      submitText={w('saveButton')}
      conflict={{ caseId, onReload, differences }}
      intro={<p>{w('changeIntro')}</p>}
    >
      <PointFields form={form} boards={boards} />
    </FormPage>
  );
}
