import { describe, expect, it } from 'vitest';
import { applyDelta, diffDocuments } from './document-delta.js';
import { emptyDocument, emptyWorkspace, type StoreDocument } from './store-document.js';

/** A copy-on-write change, as the document store makes them. */
function change(before: StoreDocument, edit: (draft: StoreDocument) => void): StoreDocument {
  const draft = { ...before, workspaces: { ...before.workspaces } };
  edit(draft);
  return draft;
}

describe('document deltas', () => {
  const base = change(emptyDocument(), (d) => {
    d.workspaces['w'] = {
      ...emptyWorkspace(),
      consumed: { 'b\u0000r1': 1 },
      audit: [{ id: 1 } as never],
    };
    d.apiKeys = { k1: { id: 'k1' } as never };
  });

  it('rebuilds the later document from the earlier one', () => {
    const after = change(base, (d) => {
      const ws = { ...d.workspaces['w']! };
      ws.consumed = { 'b\u0000r2': 2 };
      ws.audit = [...ws.audit, { id: 2 } as never];
      ws.lastIds = { job: 9, audit: 2 };
      d.workspaces['w'] = ws;
      d.workspaces['v'] = emptyWorkspace();
      d.apiKeys = { k2: { id: 'k2' } as never };
    });
    const ops = diffDocuments(base, after);
    const rebuilt = structuredClone(base);
    applyDelta(rebuilt, ops);
    expect(rebuilt).toEqual(after);
    expect(ops).toContainEqual(['push', ['workspaces', 'w', 'audit'], [{ id: 2 }]]);
    expect(ops).toContainEqual(['del', ['apiKeys', 'k1']]);
    expect(ops).toContainEqual(['set', ['workspaces', 'w', 'lastIds'], { job: 9, audit: 2 }]);
  });

  it('finds nothing to write when nothing changed', () => {
    expect(
      diffDocuments(
        base,
        change(base, () => undefined),
      ),
    ).toEqual([]);
  });
});
