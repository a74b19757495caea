import { ApiError, token } from '../../api';
import { lang, t } from '../../i18n';

/**
 * Downloads a document's stored file. A link cannot carry the bearer token, so the file is read
 * with it (as `call` in api.ts sends it) and handed to the browser as a download under its name.
 * @throws ApiError when the service refuses or the connection is lost
 */
export async function downloadFile(caseId: string, documentId: string, name: string): Promise<void> {
  const headers: Record<string, string> = { 'accept-language': lang() };
  const bearer = token();
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const res = await fetch(`/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(documentId)}/file`, { headers }).catch(() => {
    throw new ApiError(0, 'NETWORK', t('networkDown'), undefined);
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => undefined)) as { code?: string; message?: string } | undefined;
    throw new ApiError(res.status, body?.code ?? String(res.status), body?.message ?? t('httpStatus', { status: res.status }), undefined);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file's size in words: "120 kB", "2,4 MB". */
export function sizeText(bytes: number | null): string {
  if (bytes === null) return '';
  const sv = lang() === 'sv';
  if (bytes < 1000) return `${bytes} ${sv ? 'byte' : 'bytes'}`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toLocaleString(sv ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 })} MB`;
}
