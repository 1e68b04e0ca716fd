import type { ComponentChildren } from 'preact';
import { href } from '../router.js';
import type { Session } from '../session.js';
import { may } from '../session.js';

const SECTIONS = [
  { path: 'pools', label: 'Pools', role: 'viewer' },
  { path: 'jobs', label: 'Jobs', role: 'viewer' },
  { path: 'leases', label: 'Leases', role: 'viewer' },
  { path: 'blocks', label: 'Data blocks', role: 'viewer' },
  { path: 'events', label: 'Events', role: 'admin' },
] as const;

/** The frame of every page: a skip link, the navigation, who is signed in, and the page. */
export function Layout(props: {
  session: Session;
  section: string;
  onSignOut: () => void;
  children: ComponentChildren;
}) {
  const { session, section } = props;
  return (
    <>
      <a
        class="skip"
        href="#main"
        onClick={(event) => {
          // The hash is the router's: focus the content instead of navigating.
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header class="top">
        <span class="brand">allot</span>
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.filter((s) => may(session, s.role)).map((s) => (
              <li key={s.path}>
                <a href={href(s.path)} aria-current={s.path === section ? 'page' : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span class="who">
          <span class="who-actor">{session.who.actor}</span>{' '}
          <span class="role" data-role={session.who.role}>
            {session.who.role}
          </span>{' '}
          <span class="workspace">({session.who.workspace})</span>
        </span>
        <button type="button" class="sign-out" onClick={props.onSignOut}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
    </>
  );
}
