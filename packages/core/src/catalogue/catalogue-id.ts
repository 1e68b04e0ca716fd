import { randomBytes } from 'node:crypto';

const ID = /^[0-9a-f]{24}$/;

/** A new opaque record id: 24 lowercase hex characters (96 random bits), the shape TDO shows. */
export function newCatalogueId(): string {
  return randomBytes(12).toString('hex');
}

/** Whether a text has the shape of a catalogue id, so a malformed one is refused before any lookup. */
export function isCatalogueId(id: string): boolean {
  return ID.test(id);
}
