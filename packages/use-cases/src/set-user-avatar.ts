import { createHash } from 'node:crypto';
import { AllotError, type CatalogueName, type CatalogueStore } from '@allot/core';

/** The catalogue kind of avatars: one name per user, a new version per upload. */
export const USER_AVATAR_KIND = 'user-avatar';

/** The largest avatar accepted: a picture shown at icon size needs no more. */
export const AVATAR_MAX_BYTES = 1024 * 1024;

/** An avatar as stored. */
export interface AvatarBody {
  mediaType: 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';
  /** The image's bytes, base64. */
  data: string;
  bytes: number;
  sha256: string;
}

/** The catalogue name of a user's avatar. */
export function avatarName(workspace: string, user: string): CatalogueName {
  return { kind: USER_AVATAR_KIND, workspace, project: null, name: user };
}

/**
 * The image type read from the bytes themselves, never from what the
 * client says: PNG, JPEG, GIF or WebP. SVG is refused, since it can carry
 * script.
 */
function mediaTypeOf(bytes: Buffer): AvatarBody['mediaType'] | undefined {
  const starts = (hex: string, at = 0) =>
    bytes.subarray(at, at + hex.length / 2).equals(Buffer.from(hex, 'hex'));
  if (starts('89504e470d0a1a0a')) return 'image/png';
  if (starts('ffd8ff')) return 'image/jpeg';
  if (starts('474946383761') || starts('474946383961')) return 'image/gif';
  if (starts('52494646') && starts('57454250', 8)) return 'image/webp';
  return undefined;
}

/**
 * Stores a user's avatar (replacing any before it).
 *
 * @throws {@link AllotError} `INVALID_INPUT` (field `file`) for an empty or too large file, or one
 *   that is not a PNG, JPEG, GIF or WebP image
 */
export async function setUserAvatar(
  store: CatalogueStore,
  owner: { workspace: string; user: string },
  image: Buffer,
  now: Date,
): Promise<AvatarBody> {
  const invalid = (message: string) => new AllotError('INVALID_INPUT', message, { field: 'file' });
  if (image.length === 0) throw invalid('the avatar file is empty');
  if (image.length > AVATAR_MAX_BYTES)
    throw invalid(`the avatar is larger than ${AVATAR_MAX_BYTES} bytes`);
  const mediaType = mediaTypeOf(image);
  if (mediaType === undefined) throw invalid('the avatar must be a PNG, JPEG, GIF or WebP image');
  const body: AvatarBody = {
    mediaType,
    data: image.toString('base64'),
    bytes: image.length,
    sha256: createHash('sha256').update(image).digest('hex'),
  };
  const name = avatarName(owner.workspace, owner.user);
  const latest = await store.getCatalogueByName(name);
  await store.putCatalogue(
    { ...name, body, actor: owner.user, keepId: true, expectedVersion: latest?.version ?? null },
    now,
  );
  return body;
}
