import { describe, expect, it } from 'vitest';
import { TextBytes } from './text-bytes.js';

describe('TextBytes', () => {
  it('holds what Buffer.from gives, past its first capacity and across clears', () => {
    const bytes = new TextBytes();
    // Two-, three- and four-byte characters and a lone surrogate, repeated past 1 MiB.
    const piece = 'ascii, é, €, 𝄞, \uD800 lone; ';
    let text = '';
    for (let i = 0; i < 40_000; i++) {
      bytes.append(piece);
      text += piece;
    }
    expect(Buffer.from(bytes.view()).equals(Buffer.from(text))).toBe(true);
    expect(bytes.view().length).toBeGreaterThan(1 << 20);
    bytes.clear();
    bytes.append('next');
    expect(Buffer.from(bytes.view()).toString()).toBe('next');
  });
});
