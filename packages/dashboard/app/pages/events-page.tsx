import { useState } from 'preact/hooks';
import type { Page } from '../api/client.js';
import type { Event } from '../api/types.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Pager } from '../components/pager.js';
import { when } from '../format.js';
import { useLoad } from '../hooks.js';
import type { Session } from '../session.js';

const PAGE = 50;

interface EventFilter {
  kind: string;
  actor: string;
  from: string;
  to: string;
}

const NONE: EventFilter = { kind: '', actor: '', from: '', to: '' };

/** The event log (the audit log is its view), filtered by kind, user and date. */
export function EventsPage({ session }: { session: Session }) {
  const [offset, setOffset] = useState(0);
  const [filter, setFilter] = useState<EventFilter>(NONE);
  const events = useLoad(
    () => session.api.get<Page<Event>>('/events', { limit: PAGE, offset, ...filter }),
    [offset, filter],
  );
  return (
    <>
      <h1>Events</h1>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const text = (name: string) => String(form.get(name) ?? '').trim();
          setOffset(0);
          setFilter({
            kind: text('kind'),
            actor: text('actor'),
            from: text('from'),
            to: text('to'),
          });
        }}
      >
        <label for="event-kind">Kind</label>
        <input id="event-kind" name="kind" defaultValue={filter.kind} placeholder="job.execute" />
        <label for="event-actor">User or key</label>
        <input id="event-actor" name="actor" defaultValue={filter.actor} placeholder="user:tess" />
        <label for="event-from">From (inclusive)</label>
        <input id="event-from" name="from" type="date" defaultValue={filter.from} />
        <label for="event-to">To (exclusive)</label>
        <input id="event-to" name="to" type="date" defaultValue={filter.to} />
        <button type="submit">Filter</button>
      </form>
      <ErrorAlert error={events.error} />
      {events.data === undefined ? (
        events.error === undefined ? (
          <p aria-busy="true">Loading events…</p>
        ) : null
      ) : events.data.items.length === 0 ? (
        <p class="empty">No events match.</p>
      ) : (
        <>
          <table>
            <caption>Events, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">At</th>
                <th scope="col">Kind</th>
                <th scope="col">Actor</th>
                <th scope="col">Subject</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {events.data.items.map((event) => (
                <tr key={event.id}>
                  <th scope="row">{event.id}</th>
                  <td>{when(event.at)}</td>
                  <td>{event.kind}</td>
                  <td>{event.actor}</td>
                  <td>{event.subject}</td>
                  <td>
                    <code class="details">{JSON.stringify(event.details)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            label="Event pages"
            offset={offset}
            limit={PAGE}
            shown={events.data.items.length}
            total={events.data.total}
            hasNext={events.data.links.next !== null}
            onPage={setOffset}
          />
        </>
      )}
    </>
  );
}
