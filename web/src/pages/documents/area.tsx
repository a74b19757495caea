import './documents.css';
import { useState } from 'preact/hooks';
import type { CaseAccess } from '../../access';
import { api, type Schema } from '../../api';
import { Area } from '../../components/area-nav';
import { Badge, ErrorMessage, Loading, useData } from '../../components/common';
import { SummaryList, type Confirmation, type SummaryRow } from '../../forms';
import { date } from '../../i18n';
import { to } from '../../router';
import { partiesFor, type Party } from './case-work';
import { downloadFile, sizeText } from './download';
import { type CaseDocumentKinds, kindLabel } from './kinds';
import { DOCUMENT_PATHS } from './paths';
import { w } from './words';

type DocumentView = Schema<'DocumentViewDto'>;

/**
 * The documents area of the case page: each document as a card (kind, the registry and number,
 * the link, the file to download, confidentiality, who has signed and who still must), and for
 * those who contribute to the case the links to register a document, upload its file and record
 * a signature.
 */
export function DocumentsArea({
  caseId,
  parties,
  access,
  kinds,
  version,
  confirmation,
}: {
  caseId: string;
  parties: readonly Party[];
  access: CaseAccess;
  /** The case's document kinds (`CaseDto.documentKinds`). */
  kinds: CaseDocumentKinds;
  version: number;
  confirmation: Confirmation | null;
}) {
  const docs = useData(() => api.read('/cases/{id}/documents', { params: { id: caseId } }), [caseId, version]);
  const mustSign = parties.filter((p) => p.mustSign);
  return (
    <Area
      id="documents"
      title={w('area')}
      confirmation={confirmation}
      actions={
        access.contributes ? (
          <a class="button secondary" href={to(DOCUMENT_PATHS.add, { id: caseId })}>
            {w('addDocument')}
          </a>
        ) : (
          <p class="muted">{w('whoMay')}</p>
        )
      }
    >
      {docs.error ? <ErrorMessage error={docs.error} /> : null}
      {!docs.data && !docs.error && <Loading />}
      {docs.data?.length === 0 && <p>{w('noDocuments')}</p>}
      {docs.data && docs.data.length > 0 && (
        <ul class="cards-list">
          {docs.data.map((d) => (
            <DocumentCard caseId={caseId} d={d} kinds={kinds} access={access} mustSign={mustSign} parties={parties} />
          ))}
        </ul>
      )}
    </Area>
  );
}

function DocumentCard({
  caseId,
  d,
  kinds,
  access,
  mustSign,
  parties,
}: {
  caseId: string;
  d: DocumentView;
  /** The case's document kinds (`CaseDto.documentKinds`). */
  kinds: CaseDocumentKinds;
  access: CaseAccess;
  mustSign: readonly Party[];
  parties: readonly Party[];
}) {
  const [problem, setProblem] = useState<unknown>(null);
  const signedBy = new Set(d.signatures.map((s) => s.organisation.id));
  const missing = mustSign.filter((p) => !signedBy.has(p.organisation.id));
  const signable = d.kind === 'agreement' || d.kind === 'declarationOfIntent' || d.signatures.length > 0;
  // A signature link only while a party the person may record for has not signed.
  const maySign = access.contributes && partiesFor(access, parties).some((p) => !signedBy.has(p.organisation.id));
  const mayFile = access.runsCase || (d.organisation ? access.contributesFor.includes(d.organisation.id) : false);
  const rows: SummaryRow[] = [
    { key: w('kind'), value: kindLabel(kinds, d.kind) },
    {
      key: w('registry'),
      value: d.registry ? (
        <>
          {d.registry.organisation.name}
          {d.registry.registrationNumber ? `, ${w('number')} ${d.registry.registrationNumber}` : ''}
        </>
      ) : (
        <span class="muted">{w('notRegistered')}</span>
      ),
    },
    {
      key: w('link'),
      value: d.link ? (
        <a href={d.link} rel="noopener noreferrer" class="break">
          {w('openInRegistry')}
          <span class="visually-hidden"> {d.title}</span>
        </a>
      ) : (
        <span class="muted">{w('noLink')}</span>
      ),
    },
    {
      key: w('file'),
      value: d.file ? (
        <>
          <button
            type="button"
            class="link-button download-button"
            onClick={() => {
              setProblem(null);
              downloadFile(caseId, d.id, d.file?.name ?? 'fil').catch(setProblem);
            }}
          >
            {w('download', { name: d.file.name ?? w('theFile') })}
          </button>
          <span class="block muted">{sizeText(d.file.size)}</span>
          {problem ? <ErrorMessage error={problem} /> : null}
        </>
      ) : (
        <span class="muted">{w('noFile')}</span>
      ),
      ...(mayFile
        ? { change: { href: to(DOCUMENT_PATHS.file, { id: caseId, documentId: d.id }), text: d.file ? w('replaceFile') : w('uploadFile'), what: d.title } }
        : {}),
    },
    {
      key: w('confidentiality'),
      value: d.confidential ? <Badge kind="warn">{w('confidentialTo', { orgs: (d.visibleTo ?? []).map((o) => o.name).join(', ') })}</Badge> : w('public'),
    },
  ];
  if (signable) {
    rows.push({
      key: w('signatures'),
      value: (
        <>
          {d.signatures.length === 0 && <span class="block">{w('noSignatures')}</span>}
          {d.signatures.map((s) => (
            <span class="block">✓ {w('signedBy', { org: s.organisation.name ?? '–', date: date(s.signedOn) })}</span>
          ))}
          {missing.length > 0 && <span class="block">! {w('stillToSign', { orgs: missing.map((p) => p.organisation.name ?? '').join(', ') })}</span>}
        </>
      ),
      ...(maySign ? { change: { href: to(DOCUMENT_PATHS.sign, { id: caseId, documentId: d.id }), text: w('recordSignature'), what: d.title } } : {}),
    });
  }
  return (
    <li class="summary-card">
      <div class="summary-card-header">
        <h3 class="summary-card-title">{d.title}</h3>
        <span class="muted">{w('registeredOn', { date: date(d.createdAt) })}</span>
      </div>
      <div class="summary-card-body">
        <SummaryList rows={rows} />
      </div>
    </li>
  );
}
