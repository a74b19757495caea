import { useRef } from 'preact/hooks';
import { api, type Me } from '../../api';
import { date } from '../../i18n';
import {
  checkDate,
  checkNumber,
  confirmAndGo,
  DateField,
  dateParts,
  FormPage,
  isoDate,
  NotAllowed,
  NumberField,
  parseNumber,
  SelectField,
  SummaryList,
  useForm,
  type DateParts,
  type FormApi,
  type Message,
} from '../../forms';
import { usePartiesData, usePeople, type Chair, type Party, type Reload, instead, backToParties } from './common';
import { partiesOf } from './paths';
import { w } from './words';

interface RotationValues {
  /** Each party's place in the order ("1", "2", …), or "" when it takes no turn. */
  places: Record<string, string>;
  /** Who chairs for each party (a person id), or "". */
  chairs: Record<string, string>;
  periodMonths: string;
  startsOn: DateParts;
}

const placeField = (org: string) => `place-${org}`;
const chairField = (org: string) => `chair-${org}`;

/** The parties that take a turn, in their order. */
function order(v: RotationValues, parties: Party[]): Party[] {
  return parties.filter((p) => v.places[p.organisation.id]).sort((a, b) => Number(v.places[a.organisation.id]) - Number(v.places[b.organisation.id]));
}

function check(v: RotationValues, parties: Party[]): Record<string, Message | undefined> {
  const problems: Record<string, Message | undefined> = {};
  const taking = order(v, parties);
  if (taking.length < 2) problems[placeField((taking[0] ?? parties[0])!.organisation.id)] = () => w('atLeastTwo');
  const seen = new Map<string, Party>();
  for (const p of taking) {
    const place = v.places[p.organisation.id]!;
    const other = seen.get(place);
    if (other) problems[placeField(p.organisation.id)] = () => w('samePlace', { org: p.organisation.name ?? '', other: other.organisation.name ?? '' });
    else seen.set(place, p);
  }
  const label = () => w('period');
  const period = parseNumber(v.periodMonths);
  problems.periodMonths =
    checkNumber(v.periodMonths, label, { required: () => w('periodRequired'), example: '12' }) ??
    (period !== null && (!Number.isInteger(period) || period < 1 || period > 60) ? () => w('periodWhole') : undefined);
  problems.startsOn = checkDate(v.startsOn, () => w('startsOn'));
  return problems;
}

/** `/cases/:id/chair/rotation`: which parties take turns to chair, in what order, who chairs for each, and for how long. */
export function RotationPage({ caseId, me }: { caseId: string; me: Me | null }) {
  const state = usePartiesData(caseId, me);
  const stop = instead(state, caseId);
  if (stop || !state.loaded) return stop;
  const back = backToParties(caseId);
  const { parties, chair } = state.loaded.data;
  if (parties.length < 2) return <NotAllowed why={w('rotationNeedsTwo')} back={back} />;
  return (
    <RotationForm
      caseId={caseId}
      caseTitle={state.loaded.case.title}
      etag={state.loaded.etag}
      since={state.loaded.version}
      parties={parties}
      chair={chair}
      reload={state.reload}
      back={back}
    />
  );
}

function initialOf(parties: Party[], chair: Chair): RotationValues {
  const entries = chair.rotation?.entries ?? [];
  const places: Record<string, string> = {};
  const chairs: Record<string, string> = {};
  for (const p of parties) {
    const i = entries.findIndex((e) => e.organisation.id === p.organisation.id);
    places[p.organisation.id] = i >= 0 ? String(i + 1) : '';
    chairs[p.organisation.id] = i >= 0 ? (entries[i]!.person?.id ?? '') : '';
  }
  return { places, chairs, periodMonths: chair.rotation ? String(chair.rotation.periodMonths) : '', startsOn: dateParts(null) };
}

function RotationForm({
  caseId,
  caseTitle,
  etag,
  since,
  parties,
  chair,
  reload,
  back,
}: {
  caseId: string;
  caseTitle: string;
  etag: string | null;
  since: number | null;
  parties: Party[];
  chair: Chair;
  reload: Reload;
  back: { href: string; text: string };
}) {
  // The order last sent: the service names an entry by its index (entries.2.personId).
  const sent = useRef<string[]>([]);
  const form = useForm<RotationValues>({
    initial: initialOf(parties, chair),
    validate: (v) => check(v, parties),
    fieldOf: (path) => {
      const m = /^entries\.(\d+)\.(organisationId|personId)$/.exec(path);
      const org = m ? sent.current[Number(m[1])] : undefined;
      if (org) return m![2] === 'personId' ? chairField(org) : placeField(org);
      if (path === 'entries') return placeField(parties[0]!.organisation.id);
      return undefined;
    },
  });
  const submit = form.submit(async (v) => {
    const taking = order(v, parties);
    sent.current = taking.map((p) => p.organisation.id);
    const startsOn = isoDate(v.startsOn);
    const body = {
      entries: taking.map((p) => ({ organisationId: p.organisation.id, personId: v.chairs[p.organisation.id] || null })),
      periodMonths: parseNumber(v.periodMonths)!,
      ...(startsOn ? { startsOn } : {}),
    };
    const { body: saved } = await api.put('/cases/{id}/chair/rotation', { params: { id: caseId }, body, ifMatch: etag, idempotencyKey: form.keyFor(body) });
    const rotation = saved.rotation;
    confirmAndGo(partiesOf(caseId), {
      area: 'parties',
      title: w('rotationSet', { n: taking.length, org: rotation?.current.name ?? taking[0]!.organisation.name ?? '' }),
      ...(rotation ? { next: w('rotationSetNext', { date: date(rotation.nextRotationOn) }) } : {}),
    });
  }, since);
  const numbers = parties.map((_, i) => ({ value: String(i + 1), label: w('placeN', { n: i + 1 }) }));
  return (
    <FormPage
      form={form}
      title={chair.rotation ? w('changeRotation') : w('setRotation')}
      caption={caseTitle}
      back={back}
      onSubmit={submit}
      submitText={w('rotationButton')}
      conflict={{ caseId, onReload: reload }}
      intro={<p>{w('rotationIntro')}</p>}
    >
      {parties.map((p) => (
        <RotationRow form={form} party={p} numbers={numbers} />
      ))}
      <NumberField field={form.field('periodMonths')} label={w('period')} hint={w('periodHint')} width={2} />
      <DateField field={form.field('startsOn')} label={w('startsOn')} hint={w('startsOnHint')} optional />
    </FormPage>
  );
}

/** One party's turn: its place in the order and who chairs for it. */
function RotationRow({ form, party, numbers }: { form: FormApi<RotationValues>; party: Party; numbers: Array<{ value: string; label: string }> }) {
  const org = party.organisation.id;
  const name = party.organisation.name ?? '–';
  const people = usePeople(org);
  const v = form.values;
  const place = form.bind(placeField(org), v.places[org] ?? '', (value) => form.setAll({ places: { ...form.values.places, [org]: value } }));
  const chairOf = form.bind(chairField(org), v.chairs[org] ?? '', (value) => form.setAll({ chairs: { ...form.values.chairs, [org]: value } }));
  return (
    <fieldset class="fieldset row-group">
      <legend class="legend">{name}</legend>
      <div class="form-grid">
        <SelectField field={place} label={w('place')} context={w('forOrg', { org: name })} placeholder={w('notInOrder')} options={numbers} />
        <SelectField
          field={chairOf}
          label={w('chairFor', { org: name })}
          optional
          placeholder={w('nobodyChosen')}
          options={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
        />
      </div>
    </fieldset>
  );
}

/** `/cases/:id/chair/rotate`: the check before moving the chair on now, ahead of its day. */
export function RotatePage({ caseId, me }: { caseId: string; me: Me | null }) {
  const state = usePartiesData(caseId, me);
  const form = useForm<object>({ initial: {} });
  const stop = instead(state, caseId);
  if (stop || !state.loaded) return stop;
  const back = backToParties(caseId);
  const rotation = state.loaded.data.chair.rotation;
  if (!rotation) return <NotAllowed why={w('noRotation')} back={back} />;
  const at = rotation.entries.findIndex((e) => e.organisation.id === rotation.current.id);
  const next = rotation.entries[(at + 1) % rotation.entries.length]!;
  const nextName = next.organisation.name ?? '';
  const person = (p: { name: string | null } | null) => (p?.name ? w('chairPerson', { person: p.name }) : '');
  const submit = form.submit(async () => {
    const { body } = await api.post('/cases/{id}/chair/rotate', {
      params: { id: caseId },
      ifMatch: state.loaded!.etag,
      idempotencyKey: form.keyFor({ rotateFrom: rotation.current.id, version: state.loaded!.version }),
    });
    const now = body.rotation;
    confirmAndGo(partiesOf(caseId), {
      area: 'parties',
      title: w('rotated', { org: now?.current.name ?? nextName }),
      ...(now ? { next: w('rotatedNext', { date: date(now.nextRotationOn) }) } : {}),
    });
  }, state.loaded.version);
  return (
    <FormPage
      form={form}
      title={w('rotateTitle')}
      caption={state.loaded.case.title}
      back={back}
      onSubmit={submit}
      submitText={w('rotateButton', { org: nextName })}
      conflict={{ caseId, onReload: state.reload }}
      intro={<p>{w('rotateIntro', { date: date(rotation.nextRotationOn) })}</p>}
    >
      <SummaryList
        rows={[
          { key: w('chairNowRow'), value: `${rotation.current.name ?? '–'}${person(rotation.entries[at]?.person ?? null)}` },
          { key: w('chairNextRow'), value: `${nextName}${person(next.person)}` },
          { key: w('nextChangeRow'), value: w('nextChangeValue', { n: rotation.periodMonths }) },
        ]}
      />
    </FormPage>
  );
}
