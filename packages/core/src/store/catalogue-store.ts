import type {
  CatalogueDelete,
  CatalogueLockRequest,
  CatalogueName,
  CataloguePut,
  CatalogueQuery,
  CatalogueRecord,
  CatalogueUnlockRequest,
} from '../catalogue/catalogue-record.js';

/**
 * The catalogue slice of the {@link Store}: versioned, lockable records of
 * any kind (coverage sets, worksets, schemas …), so that a new kind of
 * record needs no new store method. Each operation is atomic; the rules
 * (numbering, ids, locks) are core's, adapters only store.
 */
export interface CatalogueStore {
  /**
   * Stores a new version of a name, numbered after its latest (1.0, 1.1 …
   * or 1.0.0, 1.0.1 …). Concurrent puts of one name get distinct,
   * consecutive versions.
   *
   * @throws {@link CatalogueLockedError} `CATALOGUE_LOCKED` when someone else holds the latest version's lock.
   * @throws {@link CatalogueVersionConflictError} `VERSION_CONFLICT` when `expectedVersion` is not the latest.
   */
  putCatalogue(put: CataloguePut, now: Date): Promise<CatalogueRecord>;
  /** A record by id (the latest version carrying it, unless `version` is given), within a workspace. */
  getCatalogueById(
    workspace: string,
    id: string,
    version?: string,
  ): Promise<CatalogueRecord | undefined>;
  /** A version of a name; the latest when `version` is omitted. */
  getCatalogueByName(name: CatalogueName, version?: string): Promise<CatalogueRecord | undefined>;
  /** Records of one kind, in the order of `compareCatalogueRecords`, one page of them. */
  listCatalogue(query: CatalogueQuery): Promise<CatalogueRecord[]>;
  /**
   * Locks the record with this id (the latest version carrying it) by
   * compare-and-set: of two lockers at once, exactly one wins.
   *
   * @throws {@link CatalogueLockedError} `CATALOGUE_LOCKED` naming the holder when someone else holds it.
   * @throws {@link AllotError} `NOT_FOUND` when no record has this id.
   */
  lockCatalogue(
    workspace: string,
    id: string,
    request: CatalogueLockRequest,
    now: Date,
  ): Promise<CatalogueRecord>;
  /**
   * Unlocks the record with this id; a free record stays free.
   *
   * @throws {@link CatalogueLockedError} `CATALOGUE_LOCKED` when someone else holds it, unless forced.
   * @throws {@link AllotError} `NOT_FOUND` when no record has this id.
   */
  unlockCatalogue(
    workspace: string,
    id: string,
    request: CatalogueUnlockRequest,
    now: Date,
  ): Promise<CatalogueRecord>;
  /**
   * Deletes one version of a name, or all of them; how many went (0 when
   * none existed). Later puts number on from the latest version left.
   *
   * @throws {@link CatalogueLockedError} `CATALOGUE_LOCKED` when someone else holds a lock on a version to delete.
   */
  deleteCatalogue(target: CatalogueDelete, now: Date): Promise<number>;
}
