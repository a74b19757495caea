import './documents.css';
import { useRef } from 'preact/hooks';
import { api, type Me, type Schema } from '../../api';
import { NotFound } from '../../components/common';
import {
  checkDate,
  Checkboxes,
  confirmAndGo,
  DateField,
  FormPage,
  isoDate,
  NO_DATE,
  Radios,
  SelectField,
  TextField,
  textOrNull,
  useForm,
  type DateParts,
  type Field,
} from '../../forms';
import { date } from '../../i18n';
import { to } from '../../router';
import { insteadOfForm, leadingNames, partiesFor, useWorkData, type Party } from './case-work';
import { documentKinds, kindLabel, type DocumentKind } from './kinds';
import { DOCUMENT_PATHS, documentsOf } from './paths';
import { w } from './words';

/** The way back from a form page of the area. */
export const backToDocuments = (caseId: string) => ({ href: documentsOf(caseId), text: w('backToCase') });

const readDocuments = (caseId: string) => () => api.read('/cases/{id}/documents', { params: { id: caseId } });

interface DocumentValues {
  title: string;
  kind: string;
  registryOrganisationId: string;
  registrationNumber: string;
  link: string;
  confidential: '' | 'yes' | 'no';
  visibleTo: string[];
}

/**
 * `/cases/:id/documents/new`: register a document of the case (its registry and number, a link,
 * confidentiality). `?kind=<key>` (a task's link) chooses the kind beforehand.
 */
export function AddDocumentPage({ caseId, me, kind }: { caseId: string; me: Me | null; kind?: string | null }) {
  const state = useWorkData(caseId, me, async () => null);
  const back = backToDocuments(caseId);
  const form = useForm<DocumentValues>({
    initial: { title: '', kind: kind ?? '', registryOrganisationId: '', registrationNumber: '', link: '', confidential: 'no', visibleTo: [] },
    validate: (v) => ({
      title: v.title.trim() ? undefined : () => w('writeTitle'),
      kind: v.kind ? undefined : () => w('chooseKind'),
      registryOrganisationId: v.registryOrganisationId || !v.registrationNumber.trim() ? undefined : () => w('chooseRegistryForNumber'),
      link: !v.link.trim() || /^https?:\/\/\S+$/i.test(v.link.trim()) ? undefined : () => w('linkFormat'),
      visibleTo: v.confidential === 'yes' && v.visibleTo.length === 0 ? () => w('chooseVisibleTo') : undefined,
    }),
  });
  const stop = insteadOfForm(state, (a) => a.contributes, w('whoMay'), back);
  if (stop || !state.loaded) return stop;
  const { parties } = state.loaded.data;
  const access = state.access!;
  const registries = partiesFor(access, parties);
  const submit = form.submit(async (v) => {
    const confidential = v.confidential === 'yes';
    const body = {
      title: v.title.trim(),
      kind: v.kind as DocumentKind,
      registryOrganisationId: v.registryOrganisationId || null,
      registrationNumber: textOrNull(v.registrationNumber),
      link: textOrNull(v.link),
      confidential,
      ...(confidential ? { visibleTo: v.visibleTo } : {}),
    };
    const { body: saved } = await api.post('/cases/{id}/documents', {
      params: { id: caseId },
      body,
      ifMatch: state.loaded!.etag,
      idempotencyKey: form.keyFor(body),
    });
    confirmAndGo(documentsOf(caseId), {
      area: 'documents',
      title: w('added', { title: saved.title, kind: kindLabel(state.loaded!.case.documentKinds, saved.kind).toLowerCase() }),
      next: w('addedNext'),
      link: { href: to(DOCUMENT_PATHS.file, { id: caseId, documentId: saved.id }), text: w('uploadFileFor', { title: saved.title }) },
    });
  }, state.loaded.version);
  const partyOptions = (list: readonly Party[]) => list.map((p) => ({ value: p.organisation.id, label: p.organisation.name ?? '–' }));
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
      <TextField field={form.field('title')} label={w('titleLabel')} hint={w('titleHint')} noun={w('titleNoun')} width="full" />
      <Radios field={form.field('kind')} label={w('kindQuestion')} options={documentKinds(state.loaded.case.documentKinds)} />
      <SelectField
        field={form.field('registryOrganisationId')}
        label={w('registryQuestion')}
        hint={access.runsCase ? w('registryHintAll') : w('registryHintOwn')}
        noun={w('registryNoun')}
        optional
        placeholder={w('notRegisteredYet')}
        options={partyOptions(registries)}
      />
      <TextField field={form.field('registrationNumber')} label={w('numberLabel')} hint={w('numberHint')} noun={w('numberNoun')} optional width={20} />
      <TextField field={form.field('link')} label={w('linkLabel')} hint={w('linkHint')} noun={w('linkNoun')} optional width="full" />
      <Radios
        field={form.field('confidential') as Field<string>}
        label={w('confidentialQuestion')}
        hint={w('confidentialHint')}
        options={[
          { value: 'no', label: w('notConfidential') },
          { value: 'yes', label: w('confidential'), hint: w('confidentialOptionHint') },
        ]}
      />
      {form.values.confidential === 'yes' && (
        <Checkboxes
          field={form.field('visibleTo')}
          label={w('visibleToQuestion')}
          hint={w('visibleToHint')}
          noun={w('visibleToNoun')}
          options={partyOptions(parties)}
        />
      )}
    </FormPage>
  );
}

type DocumentView = Schema<'DocumentViewDto'>;

/** The largest file the service stores (10 MB). */
const MAX_BYTES = 10 * 1024 * 1024;

/** `/cases/:id/documents/:documentId/file`: upload (or replace) the document's file. */
export function UploadFilePage({ caseId, documentId, me }: { caseId: string; documentId: string; me: Me | null }) {
  const state = useWorkData(caseId, me, readDocuments(caseId));
  const back = backToDocuments(caseId);
  const form = useForm<{ file: File | null }>({
    initial: { file: null },
    validate: (v) => ({
      file: !v.file ? () => w('chooseFile') : v.file.size > MAX_BYTES ? () => w('fileTooLarge') : v.file.size === 0 ? () => w('fileEmpty') : undefined,
    }),
    fieldOf: (path) => (path === 'name' || path === '' ? 'file' : undefined),
  });
  const stop = insteadOfForm(state, (a) => a.contributes, w('whoMay'), back);
  if (stop || !state.loaded) return stop;
  const d = state.loaded.data.own.find((x: DocumentView) => x.id === documentId);
  if (!d) return <NotFound text={w('noSuchDocument')} />;
  const submit = form.submit(async (v) => {
    const file = v.file!;
    await api.put('/cases/{id}/documents/{documentId}/file', {
      params: { id: caseId, documentId },
      query: { name: file.name },
      body: file,
      ifMatch: state.loaded!.etag,
      idempotencyKey: form.keyFor({ documentId, name: file.name, size: file.size, modified: file.lastModified }),
    });
    confirmAndGo(documentsOf(caseId), { area: 'documents', title: w('fileStored', { name: file.name, title: d.title }), next: w('fileStoredNext') });
  }, state.loaded.version);
  const field = form.field('file');
  field.labelled(w('fileLabel'));
  return (
    <FormPage
      form={form}
      title={d.file ? w('replaceTitle', { title: d.title }) : w('uploadTitle', { title: d.title })}
      caption={state.loaded.case.title}
      back={back}
      onSubmit={submit}
      submitText={w('uploadButton')}
      conflict={{ caseId, onReload: state.reload }}
      intro={d.file ? <p>{w('replaceIntro', { name: d.file.name ?? '' })}</p> : undefined}
    >
      <div class={`form-group${field.error ? ' has-error' : ''}`}>
        <span class="label" id="file-label">
          {w('fileLabel')}
        </span>
        <div id={`${field.id}-hint`} class="hint">
          {w('fileHint')}
        </div>
        {field.error && (
          <p id={`${field.id}-error`} class="error-message">
            <span class="visually-hidden">{w('errorPrefix')} </span>
            {field.error}
          </p>
        )}
        <div class="file-choice">
          <input
            id={field.id}
            name="file"
            type="file"
            class="file-input"
            aria-labelledby={`file-label ${field.id}-button`}
            aria-describedby={`${field.id}-hint ${field.id}-chosen${field.error ? ` ${field.id}-error` : ''}`}
            aria-invalid={field.error ? 'true' : undefined}
            onChange={(e) => field.set((e.target as HTMLInputElement).files?.[0] ?? null)}
          />
          <label for={field.id} id={`${field.id}-button`} class="button secondary file-button">
            {w('chooseFileButton')}
          </label>
          <span id={`${field.id}-chosen`} class="file-chosen" aria-live="polite">
            {field.value ? w('chosen', { name: field.value.name }) : w('noFileChosen')}
          </span>
        </div>
      </div>
    </FormPage>
  );
}

/**
 * `/cases/:id/documents/:documentId/sign`: record that a party signed the document, and when.
 * `?org=<organisation id>` (a task's link) chooses the party beforehand.
 */
export function SignPage({ caseId, documentId, me, org }: { caseId: string; documentId: string; me: Me | null; org?: string | null }) {
  const state = useWorkData(caseId, me, readDocuments(caseId));
  const back = backToDocuments(caseId);
  // When the person may record for one party only, that party is not a choice but a fact on the page.
  const only = useRef('');
  const form = useForm<{ organisationId: string; signedOn: DateParts }>({
    initial: { organisationId: org ?? '', signedOn: NO_DATE },
    validate: (v) => ({
      organisationId: v.organisationId || only.current ? undefined : () => w('chooseSigner'),
      signedOn: checkDate(v.signedOn, () => w('signedOnLabel'), { required: () => w('writeSignedOn') }),
    }),
  });
  const stop = insteadOfForm(state, (a) => a.contributes, w('whoMay'), back);
  if (stop || !state.loaded) return stop;
  const { parties, own } = state.loaded.data;
  const d = own.find((x: DocumentView) => x.id === documentId);
  if (!d) return <NotFound text={w('noSuchDocument')} />;
  const access = state.access!;
  const signed = new Set(d.signatures.map((s) => s.organisation.id));
  const candidates = partiesFor(access, parties).filter((p) => !signed.has(p.organisation.id));
  only.current = candidates.length === 1 ? candidates[0]!.organisation.id : '';
  const submit = form.submit(async (v) => {
    const body = { organisationId: v.organisationId || only.current, signedOn: isoDate(v.signedOn)! };
    await api.post('/cases/{id}/documents/{documentId}/signatures', {
      params: { id: caseId, documentId },
      body,
      ifMatch: state.loaded!.etag,
      idempotencyKey: form.keyFor(body),
    });
    const org = parties.find((p) => p.organisation.id === body.organisationId)?.organisation.name ?? '';
    const left = parties.filter((p) => p.mustSign && !signed.has(p.organisation.id) && p.organisation.id !== body.organisationId);
    confirmAndGo(documentsOf(caseId), {
      area: 'documents',
      title: w('signedRecorded', { org, title: d.title, date: date(body.signedOn) }),
      next: left.length ? w('signedNext', { orgs: left.map((p) => p.organisation.name ?? '').join(', ') }) : w('allSigned'),
    });
  }, state.loaded.version);
  const onBehalf = access.runsCase ? w('signerHintLead') : w('signerHintOwn', { lead: leadingNames(parties) || w('theLeadingParty') });
  return (
    <FormPage
      form={form}
      title={w('signTitle', { title: d.title })}
      caption={state.loaded.case.title}
      back={back}
      onSubmit={submit}
      submitText={w('signButton')}
      conflict={{ caseId, onReload: state.reload }}
      intro={<p>{w('signIntro')}</p>}
    >
      {candidates.length === 0 ? (
        <p>{w('nobodyLeftToSign')}</p>
      ) : candidates.length === 1 ? (
        <>
          <p class="lead-fact">{w('signingFor', { org: candidates[0]!.organisation.name ?? '' })}</p>
          <p class="hint">{onBehalf}</p>
        </>
      ) : (
        <Radios
          field={form.field('organisationId')}
          label={w('signerQuestion')}
          hint={onBehalf}
          options={candidates.map((p) => ({ value: p.organisation.id, label: p.organisation.name ?? '–', hint: p.mustSign ? w('mustSign') : undefined }))}
        />
      )}
      <DateField field={form.field('signedOn')} label={w('signedOnLabel')} hint={w('signedOnHint')} />
    </FormPage>
  );
}
