import { AllotError } from '../errors.js';
import type { DocumentPersistence } from './document-persistence.js';
import type { StoreDocument } from './store-document.js';

/**
 * The current document of a store. A change is built on a copy and becomes
 * current only after the copy was saved, so a failed save leaves nothing
 * behind. Callers serialise their changes (the store's mutex).
 */
export class SavedDocument {
  readonly #persistence: DocumentPersistence;
  #current: StoreDocument;

  constructor(persistence: DocumentPersistence, document: StoreDocument) {
    this.#persistence = persistence;
    this.#current = document;
  }

  /** The document as last saved. */
  get current(): StoreDocument {
    return this.#current;
  }

  /**
   * Applies a change to a copy, saves the copy, and only then makes it current.
   *
   * @throws {@link AllotError} `STORE_FAILURE` when the save fails.
   */
  async update(change: (draft: StoreDocument) => void): Promise<void> {
    const draft: StoreDocument = {
      ...this.#current,
      workspaces: { ...this.#current.workspaces },
    };
    change(draft);
    try {
      await this.#persistence.save(draft);
    } catch (error) {
      throw new AllotError(
        'STORE_FAILURE',
        `could not save the ${this.#persistence.kind} store: ${String(error)}`,
        {},
        {
          cause: error,
        },
      );
    }
    this.#current = draft;
  }
}
