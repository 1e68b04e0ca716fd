import { describe, expect, test } from 'vitest';
import { DocumentStore } from './document-store.js';
import { MemoryPersistence } from './document-persistence.js';
import { emptyDocument, emptyWorkspace, type StoreDocument } from './store-document.js';

/** A document as a store before the event log wrote it: audit entries with `action` and `target`, no projects. */
function documentWithAuditEntries(): StoreDocument {
  const document = emptyDocument();
  const { projects: _p, notifications: _n, ...workspace } = emptyWorkspace();
  document.workspaces['acme'] = {
    ...workspace,
    audit: [
      {
        id: 1,
        workspace: 'acme',
        at: '2030-01-01T00:00:00.000Z',
        actor: 'key:k1',
        action: 'block.upload',
        target: 'block:customers',
        details: {},
      },
    ],
    lastIds: { job: 0, audit: 1 },
  };
  return document;
}

describe('the event log of a document written before it', () => {
  test('reads old audit entries as events and counts on from them', async () => {
    const persistence = new MemoryPersistence();
    await persistence.save(documentWithAuditEntries());
    const store = await DocumentStore.open(persistence);
    const page = { limit: 10, offset: 0 };
    expect(await store.listEvents({ workspace: 'acme', page })).toEqual([
      {
        id: 1,
        workspace: 'acme',
        kind: 'block.upload',
        actor: 'key:k1',
        ip: null,
        project: null,
        subject: 'block:customers',
        at: '2030-01-01T00:00:00.000Z',
        details: {},
      },
    ]);
    expect((await store.listAudit('acme', page))[0]).toMatchObject({
      id: 1,
      action: 'block.upload',
      target: 'block:customers',
    });
    const next = await store.appendEvent(
      {
        workspace: 'acme',
        kind: 'project.created',
        actor: 'key:k1',
        ip: null,
        project: 1,
        subject: 'project:1',
        at: '2030-01-01T00:00:01.000Z',
        details: {},
      },
      ['u1'],
    );
    expect(next.id).toBe(2);
    expect(await store.countUnreadNotifications('acme', 'u1')).toBe(1);
    const project = await store.createProject({
      workspace: 'acme',
      name: 'p',
      version: '1.0',
      description: '',
      tags: [],
      members: [],
      createdBy: 'k1',
      createdAt: next.at,
      updatedAt: next.at,
    });
    expect(project.id).toBe(1);
  });
});
