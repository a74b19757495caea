import { t } from '../i18n';
export function WorkflowsPage() {
  return <h1 tabIndex={-1}>{t('workflowsTitle')}</h1>;
}
export function CheckPage() {
  return <h1 tabIndex={-1}>{t('checkTitle')}</h1>;
}
export function WorkflowPage({ id, version }: { id: string; version: number }) {
  return <h1 tabIndex={-1}>{id} {version}</h1>;
}
