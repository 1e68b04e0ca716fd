import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import './styles.css';
import { Layout } from './components/layout.js';
import { BlockPage } from './pages/block-page.js';
import { BlocksPage } from './pages/blocks-page.js';
import { EventsPage } from './pages/events-page.js';
import { JobPage } from './pages/job-page.js';
import { JobsPage } from './pages/jobs-page.js';
import { LeasesPage } from './pages/leases-page.js';
import { PoolPage } from './pages/pool-page.js';
import { PoolsPage } from './pages/pools-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { href, useRoute, type Route } from './router.js';
import { closeSession, resumeSession, type Session } from './session.js';

function App() {
  const [session, setSession] = useState<Session | null>();
  const route = useRoute();
  useEffect(() => {
    void resumeSession().then((resumed) => setSession(resumed ?? null));
  }, []);
  useEffect(() => {
    const title = route.length === 0 ? 'pools' : route.join(' ');
    document.title = `allot: ${title}`;
  }, [route]);
  if (session === undefined) return <p aria-busy="true">Loading…</p>;
  if (session === null)
    return (
      <SignInPage
        onSignedIn={(opened) => {
          setSession(opened);
          if (location.hash === '' || location.hash === '#/') location.hash = href('pools');
        }}
      />
    );
  const section = route[0] ?? 'pools';
  return (
    <Layout
      session={session}
      section={section}
      onSignOut={() => {
        void closeSession(session);
        setSession(null);
      }}
    >
      <Page session={session} route={route} />
    </Layout>
  );
}

function Page({ session, route }: { session: Session; route: Route }) {
  const [section = 'pools', id] = route;
  switch (section) {
    case 'pools':
      return id === undefined ? (
        <PoolsPage session={session} />
      ) : (
        <PoolPage key={id} session={session} name={id} />
      );
    case 'jobs':
      return id === undefined ? (
        <JobsPage session={session} />
      ) : (
        <JobPage key={id} session={session} id={id} />
      );
    case 'leases':
      return <LeasesPage session={session} />;
    case 'blocks':
      return id === undefined ? (
        <BlocksPage session={session} />
      ) : (
        <BlockPage key={id} session={session} name={id} />
      );
    case 'events':
      return <EventsPage session={session} />;
    default:
      return (
        <>
          <h1>Not found</h1>
          <p>
            No page here. <a href={href('pools')}>Go to the pools.</a>
          </p>
        </>
      );
  }
}

render(<App />, document.getElementById('app')!);
