import { t } from '../i18n';
export function InboxPage() {
  return <h1 tabIndex={-1}>{t('inboxTitle')}</h1>;
}
