import { useEffect, useRef } from 'preact/hooks';
import { summaryOf, type FormApi } from './use-form';
import { w } from './words';

/**
 * The error summary at the top of a form (GOV.UK): shown after a failed submit, announced
 * (role=alert) and focused (and the page's title starts "Fel: " while it is there: main.tsx), each problem a link that moves focus to its field. Problems that
 * belong to no field (the service refused the whole thing) are listed as text.
 */
export function ErrorSummary({ form, title }: { form: Pick<FormApi<object>, 'errors' | 'idOf' | 'failures'>; title?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const items = summaryOf(form);
  useEffect(() => {
    if (form.failures > 0 && items.length) box.current?.focus();
  }, [form.failures]);

  if (!items.length) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={box}>
      <h2 id="error-summary-title" class="error-summary-title">
        {title ?? w('errorSummaryTitle')}
      </h2>
      <ul class="error-summary-list">
        {items.map((item) => (
          <li>
            {item.href ? (
              <a href={item.href} onClick={(e) => focusField(e, item.href!)}>
                {item.text}
              </a>
            ) : (
              item.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Moves focus to the field a summary link names and scrolls its label (or its group's legend)
 * into view, as GOV.UK does; the browser alone would scroll the input to the top edge, label unseen.
 */
function focusField(event: MouseEvent, href: string): void {
  const input = document.getElementById(href.slice(1));
  if (!input) return;
  event.preventDefault();
  const legend = input.closest('fieldset')?.querySelector('legend');
  const label = legend ?? document.querySelector(`label[for="${input.id}"]`) ?? input;
  input.focus({ preventScroll: true });
  label.scrollIntoView({ block: 'start' });
}
