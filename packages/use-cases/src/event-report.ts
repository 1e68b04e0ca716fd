import { AllotError, type EventRecord, type Store } from '@allot/core';
import { COVERAGE_CALCULATED_EVENT, RULE_EVENT_KINDS } from './coverage-records.js';
import { readProject } from './read-project.js';

/** The five event reports of TDO. */
export type EventReportKind =
  'sessions' | 'filterRules' | 'calculateCoverage' | 'blockRetrieve' | 'dataAssembly';

/** The event kinds each report reads. */
export const EVENT_REPORT_KINDS: Readonly<Record<EventReportKind, readonly string[]>> = {
  sessions: ['session.login', 'session.logout'],
  filterRules: RULE_EVENT_KINDS,
  calculateCoverage: [COVERAGE_CALCULATED_EVENT],
  blockRetrieve: ['block.downloaded'],
  dataAssembly: ['assembly.completed'],
};

/** A report's filters, as TDO's query parameters give them. */
export interface EventReportQuery {
  workspace: string;
  report: EventReportKind;
  /** `YYYY-MM-DD`, inclusive. */
  startdate?: string;
  /** `YYYY-MM-DD`, exclusive. */
  enddate?: string;
  /** A user id or email. */
  user?: string;
  /** Data assembly only, both or neither. */
  projectname?: string;
  projectversion?: string;
}

/** One line of a report: plain JSON. */
export type EventReportLine = Record<string, unknown>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A TDO event report, oldest first. Dates are days in UTC: `startdate`
 * keeps what happened on or after it, `enddate` what happened before it.
 * Sessions are reported whole (login, logout, duration, still active); a
 * session still active is left out once `enddate` is given, as it has not
 * ended before it. INVALID_INPUT naming the parameter for a bad date, a
 * range that ends before it starts, or only one of the project's name and
 * version; NOT_FOUND for an unknown project.
 */
export async function eventReport(
  store: Store,
  query: EventReportQuery,
): Promise<EventReportLine[]> {
  const from = day(query.startdate, 'startdate');
  const to = day(query.enddate, 'enddate');
  if (from !== undefined && to !== undefined && to < from)
    throw new AllotError('INVALID_INPUT', 'enddate: is before startdate', { field: 'enddate' });
  if ((query.projectname === undefined) !== (query.projectversion === undefined))
    throw new AllotError(
      'INVALID_INPUT',
      `${query.projectname === undefined ? 'projectname' : 'projectversion'}: give both projectname and projectversion, or neither`,
      { field: query.projectname === undefined ? 'projectname' : 'projectversion' },
    );
  const project =
    query.projectname !== undefined &&
    query.projectversion !== undefined &&
    query.report === 'dataAssembly'
      ? await readProject(store, query.workspace, {
          name: query.projectname,
          version: query.projectversion,
        })
      : undefined;
  const actors = await actorsOf(store, query.workspace, query.user);
  const events: EventRecord[] = [];
  for (const kind of EVENT_REPORT_KINDS[query.report]) {
    // Sessions are cut by their login and logout times below, not by the events' own.
    const range = query.report === 'sessions' ? {} : { from, to };
    events.push(...(await allEvents(store, query.workspace, kind, range)));
  }
  const mine = events
    .filter(
      (e) =>
        actors === undefined || actors.some((a) => e.actor === a || e.actor.startsWith(`${a} `)),
    )
    .filter((e) => project === undefined || e.project === project.id)
    .sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  if (query.report === 'sessions') return sessions(mine, from, to);
  return mine.map((event) => line(event));
}

function day(value: string | undefined, field: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw new AllotError('INVALID_INPUT', `${field}: "${value}" is not a date in YYYY-MM-DD form`, {
      field,
    });
  return new Date(`${value}T00:00:00Z`).toISOString();
}

async function actorsOf(
  store: Store,
  workspace: string,
  user: string | undefined,
): Promise<string[] | undefined> {
  if (user === undefined || user === '') return undefined;
  const actors = [`user:${user}`];
  const byEmail = (await store.listUsers(workspace)).find(
    (u) => u.email.toLowerCase() === user.toLowerCase(),
  );
  if (byEmail !== undefined) actors.push(`user:${byEmail.id}`);
  return actors;
}

async function allEvents(
  store: Store,
  workspace: string,
  kind: string,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<EventRecord[]> {
  const out: EventRecord[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await store.listEvents({
      workspace,
      kind,
      ...(range.from === undefined ? {} : { from: range.from }),
      ...(range.to === undefined ? {} : { to: range.to }),
      page: { offset, limit: 500 },
    });
    out.push(...page);
    if (page.length < 500) return out;
  }
}

function userOf(actor: string): string {
  const match = /^user:(\S+)/.exec(actor);
  return match?.[1] ?? actor;
}

function line(event: EventRecord): EventReportLine {
  return {
    id: event.id,
    kind: event.kind,
    user: userOf(event.actor),
    ip: event.ip,
    dateTime: event.at,
    subject: event.subject,
    ...event.details,
  };
}

function sessions(
  events: EventRecord[],
  from: string | undefined,
  to: string | undefined,
): EventReportLine[] {
  const ended = new Map<string, EventRecord>();
  for (const event of events)
    if (event.kind === 'session.logout') ended.set(String(event.details.session), event);
  const lines: EventReportLine[] = [];
  for (const login of events) {
    if (login.kind !== 'session.login') continue;
    const session = String(login.details.session);
    const start = String(login.details.start ?? login.at);
    const logout = ended.get(session);
    const end = logout === undefined ? null : String(logout.details.end ?? logout.at);
    if (from !== undefined && start < from) continue;
    if (to !== undefined && (end === null || end >= to)) continue;
    lines.push({
      id: session,
      user: userOf(login.actor),
      ip: login.details.ip ?? login.ip,
      loginDateTime: start,
      logoutDateTime: end,
      active: end === null,
      durationSeconds: logout === undefined ? null : Number(logout.details.durationSeconds ?? 0),
    });
  }
  return lines;
}
