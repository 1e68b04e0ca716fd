/** A reference to a data block, optionally pinned to one version. */
export interface BlockRef {
  block: string;
  /** `1.2` for `customers@1.2`; null for the latest version. */
  version: string | null;
}

/** Versions are `major.minor`, as data blocks number them (`1.0`, `1.1`, …). */
const VERSION = /^\d+\.\d+$/;

/** Splits `customers@1.2` into its block and version; the version is not checked. */
export function parseBlockRef(ref: string): BlockRef {
  const at = ref.indexOf('@');
  if (at === -1) return { block: ref, version: null };
  return { block: ref.slice(0, at), version: ref.slice(at + 1) };
}

/** Whether a pinned version is written the way data blocks number versions. */
export function isBlockVersion(version: string): boolean {
  return VERSION.test(version);
}
