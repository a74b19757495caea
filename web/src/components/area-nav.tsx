import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ConfirmationBanner, type Confirmation } from '../forms';

/** An area of a long page: its anchor and its name in the navigation. */
export interface AreaLink {
  id: string;
  title: string;
}

/**
 * The in-page navigation of a long page (the case page's areas), which stays reachable: a column
 * beside the content on a wide screen, a bar at the top on a narrow one. The area being read is
 * marked (aria-current), by where the reader is on the page.
 */
export function AreaNav({ label, areas }: { label: string; areas: AreaLink[] }) {
  const [current, setCurrent] = useState<string | null>(null);
  useEffect(() => {
    const update = () => {
      // The last area whose top is in the upper part of the window: the one being read.
      const line = window.innerHeight * 0.4;
      let at: string | null = null;
      for (const a of areas) {
        const el = document.getElementById(a.id);
        if (el && el.getBoundingClientRect().top <= line) at = a.id;
      }
      setCurrent(at ?? areas[0]?.id ?? null);
    };
    update();
    window.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [areas.map((a) => a.id).join()]);
  return (
    <nav class="area-nav" aria-label={label}>
      <ul>
        {areas.map((a) => (
          <li>
            <a href={`#${a.id}`} aria-current={a.id === current ? 'location' : undefined}>
              {a.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * One area of the case page: a section with its h2, the confirmation of a change made in it
 * (focused on arrival), what the person may do there, then its content.
 */
export function Area({
  id,
  title,
  confirmation,
  actions,
  children,
}: {
  id: string;
  title: string;
  confirmation?: Confirmation | null;
  actions?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-h`} class="section area">
      <h2 id={`${id}-h`} tabIndex={-1}>
        {title}
      </h2>
      {confirmation && <ConfirmationBanner confirmation={confirmation} />}
      {actions && <div class="area-actions">{actions}</div>}
      {children}
    </section>
  );
}
