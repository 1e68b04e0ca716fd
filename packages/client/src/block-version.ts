/** One version of a data block. */
export interface BlockVersion {
  block: string;
  /** `1.0`, `1.1`, …: the minor part counts uploads and made rows. */
  version: string;
  columns: string[];
  keyColumn: string | null;
  rowCount: number;
  origin: string;
  parent: string | null;
  sourceHash: string | null;
  jobId: number | null;
  createdAt: string;
}

/** What a block upload did: stored a new version, or found the file identical to the last import. */
export interface BlockUpload {
  imported: boolean;
  version: BlockVersion;
}
