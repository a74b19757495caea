import type { CaseAccess } from '../../access';
import type { Schema } from '../../api';
import { SummaryList } from '../../forms';
import { to } from '../../router';
import { leadingNames, type Party } from '../documents/case-work';
import { caseFieldsOf, valueText } from './field-list';
import { CASE_FIELD_PATHS } from './paths';
import { w } from './words';

/**
 * "Ärendets uppgifter" in the overview: each field the workflow asks for with its value (or that it
 * is missing, when a gate asks for it), and for those who run the case the link to fill them in.
 */
export function CaseFieldsSummary({ c, access, parties }: { c: Schema<'CaseDto'>; access: CaseAccess; parties: readonly Party[] }) {
  const fields = caseFieldsOf(c);
  const lead = leadingNames(parties);
  return (
    <section id="case-fields" aria-labelledby="case-fields-h" class="subsection">
      <h3 id="case-fields-h" tabIndex={-1}>
        {w('title')}
      </h3>
      {fields.length === 0 ? (
        <p class="muted">{w('none')}</p>
      ) : (
        <SummaryList
          rows={fields.map((f) => {
            const text = valueText(c.fields[f.key]);
            return {
              key: f.label,
              value: text ? <span class="pre-line">{text}</span> : <span class="muted">{f.asked ? `! ${w('missingAsked')}` : w('missing')}</span>,
            };
          })}
        />
      )}
      {fields.length > 0 &&
        (access.runsCase ? (
          <p>
            <a class="button secondary" href={to(CASE_FIELD_PATHS.change, { id: c.id })}>
              {w('fillIn')}
            </a>
          </p>
        ) : (
          <p class="muted">{lead ? w('whoMayNamed', { org: lead }) : w('whoMay')}</p>
        ))}
    </section>
  );
}
