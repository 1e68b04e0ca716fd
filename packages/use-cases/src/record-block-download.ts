import type { BlockVersionMeta, EventRecord } from '@allot/core';
import type { Acting } from './acting.js';
import type { EventLog } from './event-log.js';

/**
 * Records that someone retrieved a data block version's content (what the
 * TDO `datablockContentRetrieveEvents` report lists): every download, in
 * every format, through any surface.
 */
export function recordBlockDownload(
  events: EventLog,
  acting: Acting,
  download: {
    meta: Pick<BlockVersionMeta, 'block' | 'version'>;
    format: string;
    project?: { id: number; name: string; version: string };
  },
): Promise<EventRecord> {
  return events.record({
    workspace: acting.workspace,
    kind: 'block.downloaded',
    actor: acting.actor,
    ip: acting.ip,
    project: download.project?.id ?? null,
    subject: `block:${download.meta.block}@${download.meta.version}`,
    at: acting.now.toISOString(),
    details: {
      block: download.meta.block,
      version: download.meta.version,
      format: download.format,
      projectName: download.project?.name ?? null,
      projectVersion: download.project?.version ?? null,
    },
  });
}
