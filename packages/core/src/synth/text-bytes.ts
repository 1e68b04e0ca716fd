/** Starting capacity: one batch of a wide entity's lines fits without growing. */
const INITIAL_BYTES = 1 << 20;

/**
 * A reusable byte buffer that text is appended to as UTF-8. A writer fills
 * it with a batch, the sink takes the bytes, and the next batch reuses the
 * same memory: no fresh buffer, and no encoding of one large string, per
 * batch. The bytes are those `Buffer.from(text)` gives (a lone surrogate
 * becomes U+FFFD, as in every Node.js stream).
 */
export class TextBytes {
  #buffer: Buffer = Buffer.allocUnsafeSlow(INITIAL_BYTES);
  #length = 0;

  /** Appends text; grows the buffer when the text could not fit (3 bytes per UTF-16 unit at most). */
  append(text: string): void {
    const need = this.#length + text.length * 3;
    if (need > this.#buffer.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(need, this.#buffer.length * 2));
      this.#buffer.copy(grown, 0, 0, this.#length);
      this.#buffer = grown;
    }
    this.#length += this.#buffer.write(text, this.#length);
  }

  /** The bytes appended since the last {@link clear}: a view, valid until the next append or clear. */
  view(): Uint8Array {
    return this.#buffer.subarray(0, this.#length);
  }

  clear(): void {
    this.#length = 0;
  }
}
