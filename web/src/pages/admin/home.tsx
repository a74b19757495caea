import type { Me } from '../../api';
import { to } from '../../router';
import { AdminOnly } from './common';
import { ADMIN_PATHS } from './paths';
import { w } from './words';

/** `/admin`: the administration's parts, each with what it is for. */
export function AdminHomePage({ me }: { me: Me | null }) {
  const parts = [
    { href: to(ADMIN_PATHS.organisations, {}), title: w('organisations'), text: w('organisationsIntro') },
    { href: to(ADMIN_PATHS.people, {}), title: w('people'), text: w('peopleIntro') },
    { href: to(ADMIN_PATHS.tokens, {}), title: w('tokens'), text: w('tokensIntro') },
    { href: to(ADMIN_PATHS.outbox, {}), title: w('outbox'), text: w('outboxIntro') },
  ];
  return (
    <AdminOnly me={me}>
      {() => (
        <>
          <h1 tabIndex={-1}>{w('title')}</h1>
          <p>{w('intro')}</p>
          <ul class="cards">
            {parts.map((p) => (
              <li class="card card-plain">
                <h2>
                  <a href={p.href}>{p.title}</a>
                </h2>
                <p>{p.text}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </AdminOnly>
  );
}
