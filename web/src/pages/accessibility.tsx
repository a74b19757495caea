import { t } from '../i18n';
export function AccessibilityPage() {
  return <h1 tabIndex={-1}>{t('a11yTitle')}</h1>;
}
