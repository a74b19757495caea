import { useEffect } from 'preact/hooks';
import { api, type Me } from '../../api';
import { ErrorMessage, Loading, useData } from '../../components/common';
import { statesOf } from '../../components/diagram';
import type { WorkflowFile } from '../../definition-types/workflow';
import { confirmAndGo, FormPage, NotAllowed, SummaryList, useForm, WarningText } from '../../forms';
import { lang, t } from '../../i18n';
import { href, to } from '../../router';
import { WORKFLOW_ADMIN_PATHS } from './paths';
import { changesSince } from './changes';
import { StepTimes } from './step-times';
import { w } from './words';

/** The workflow file that passed the check, kept in memory (this tab) until it is published. */
let checked: { text: string; workflow: WorkflowFile } | null = null;

/** The text of the file last checked clean, for the check page to start from when the person goes back to change it. */
export function checkedText(): string {
  return checked?.text ?? '';
}

/** Whether the signed-in person may publish workflow versions (policy.ts: assertMayPublishWorkflows). */
export function mayPublish(me: Me | null): boolean {
  return !!me && (me.systemRoles.includes('processOwner') || me.systemRoles.includes('administrator'));
}

/** A parsed file that looks like a workflow (the check said it is valid; this reads its id, version and title). */
function asWorkflow(text: string): WorkflowFile | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || !('id' in parsed) || !('version' in parsed) || !('states' in parsed)) return null;
    return parsed as WorkflowFile;
  } catch {
    return null;
  }
}

/**
 * Under a clean check of a workflow file, for those who may publish: what it would become, and the
 * way to the check-before-publish page. Remembers the file for that page.
 */
export function PublishOffer({ text, me }: { text: string; me: Me | null }) {
  const workflow = asWorkflow(text);
  useEffect(() => {
    checked = workflow ? { text, workflow } : null;
  }, [text]);
  if (!workflow || !mayPublish(me)) return null;
  return (
    <div class="publish-offer">
      <p>{w('publishOffer', { version: workflow.version, title: workflow.title[lang()] })}</p>
      <p>
        <a href={to(WORKFLOW_ADMIN_PATHS.publish, {})}>{w('publishLink')}</a>
      </p>
    </div>
  );
}

/** `/workflows/publish`: the check before a version is published, which can never be undone. */
export function PublishPage({ me }: { me: Me | null }) {
  const back = { href: href('/workflows/check'), text: w('backToCheck') };
  if (!me) return <Loading />;
  if (!mayPublish(me)) return <NotAllowed why={t('checkForbidden')} back={{ href: href('/workflows'), text: t('workflowsTitle') }} />;
  if (!checked) return <NotAllowed title={w('toCheck')} why={w('nothingToPublish')} back={back} />;
  return <Publish workflow={checked.workflow} back={back} />;
}

function Publish({ workflow, back }: { workflow: WorkflowFile; back: { href: string; text: string } }) {
  const list = useData(async () => {
    const all = await api.read('/workflows');
    const versions = all.filter((v) => v.id === workflow.id).map((v) => v.version);
    const latest = versions.length ? Math.max(...versions) : null;
    const previous =
      latest === null
        ? null
        : ((await api.read('/workflows/{id}/versions/{version}', { params: { id: workflow.id, version: latest } })).definition as unknown as WorkflowFile);
    return { versions, latest, previous };
  });
  const form = useForm<object>({ initial: {} });
  const title = workflow.title[lang()];
  const submit = form.submit(async () => {
    const body = { workflow: workflow as unknown as Record<string, unknown> };
    const { body: published } = await api.post('/workflows', { body, idempotencyKey: form.keyFor(body) });
    checked = null;
    confirmAndGo(href(`/workflows/${encodeURIComponent(published.id)}/${published.version}`), {
      title: w('published', { version: published.version, title: published.title[lang()] }),
      next: w('publishedNext'),
    });
  });
  if (list.error) return <ErrorMessage error={list.error} />;
  if (!list.data) return <Loading />;
  const { versions, latest, previous } = list.data;
  const changes = previous ? changesSince(previous, workflow) : [];
  const heading = w('publishTitle', { version: workflow.version, title });
  if (versions.includes(workflow.version)) return <NotAllowed title={heading} why={w('sameVersion', { version: workflow.version })} back={back} />;
  const change = { href: back.href, what: w('changeFileHidden') };
  const steps = statesOf(workflow).map((s) => s.title);
  return (
    <FormPage
      form={form}
      title={heading}
      back={back}
      onSubmit={submit}
      submitText={w('publishButton')}
      danger
      errorTitle={w('cannotPublish')}
      noRetryWhenRefused
      intro={<p>{w('publishIntro')}</p>}
    >
      <SummaryList
        rows={[
          { key: w('workflowName'), value: title, change },
          ...(latest !== null
            ? [
                {
                  key: w('changes', { latest }),
                  value: changes.length ? (
                    <ul class="compact-list">
                      {changes.map((c) => (
                        <li>{c}</li>
                      ))}
                    </ul>
                  ) : (
                    w('noChanges', { latest })
                  ),
                  change,
                },
              ]
            : []),
          { key: w('versionRow'), value: `${workflow.version}. ${latest === null ? w('newWorkflow') : w('newVersion', { latest })}`, change },
          {
            key: w('steps'),
            value: (
              <ol class="compact-list">
                {steps.map((s) => (
                  <li>{s}</li>
                ))}
              </ol>
            ),
            change,
          },
        ]}
      />
      <StepTimes definition={workflow} />
      <h2>{w('whatPublishing')}</h2>
      <ul>
        <li>{w('publish1')}</li>
        <li>{w('publish2')}</li>
      </ul>
      <WarningText>{w('publishWarning')}</WarningText>
    </FormPage>
  );
}
