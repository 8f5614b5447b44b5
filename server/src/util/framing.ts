// Follows the LSP base protocol's frames (`Content-Length: N\r\n…\r\n\r\n` then N bytes) in the raw input,
// alongside the JSON-RPC reader and reading headers the way it does, to tell whether the input ended between
// messages or inside one: the reader keeps that to itself, and an input cut short would end without a word.
// Headers the reader rejects are left to it to report; this only adds the one it would wait on forever.

/** Where the input stands: between messages, or this far into one. */
export type FramePosition =
  { part: 'idle' } | { part: 'header'; bytes: number } | { part: 'body'; expected: number; received: number };

/** Longer than any real header block: past this, the input is not LSP frames. */
const MAX_HEADER_BYTES = 8192;

export class FrameTracker {
  private header: number[] = [];
  private expected = 0;
  private received = 0;
  private inBody = false;
  /** A header the JSON-RPC reader rejects (and reports): where later bytes belong is unknown. */
  private lost = false;
  /** Why the input cannot be LSP frames, when the reader would not say so itself. */
  error: string | undefined;

  push(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length && this.error === undefined && !this.lost) {
      if (this.inBody) {
        const n = Math.min(this.expected - this.received, chunk.length - i);
        this.received += n;
        i += n;
        if (this.received === this.expected) this.inBody = false;
        continue;
      }
      this.header.push(chunk[i++]);
      const h = this.header;
      const n = h.length;
      if (n >= 4 && h[n - 4] === 13 && h[n - 3] === 10 && h[n - 2] === 13 && h[n - 1] === 10)
        this.endHeader();
      else if (n > MAX_HEADER_BYTES) this.error = `a message header longer than ${MAX_HEADER_BYTES} bytes`;
    }
  }

  get position(): FramePosition {
    if (this.lost) return { part: 'idle' };
    if (this.inBody) return { part: 'body', expected: this.expected, received: this.received };
    if (this.header.length > 0) return { part: 'header', bytes: this.header.length };
    return { part: 'idle' };
  }

  private endHeader(): void {
    const text = Buffer.from(this.header).toString('ascii');
    this.header = [];
    let length = NaN;
    for (const line of text.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      if (line.slice(0, colon).toLowerCase() === 'content-length')
        length = parseInt(line.slice(colon + 1).trim(), 10);
    }
    if (Number.isNaN(length)) {
      this.lost = true;
      return;
    }
    this.expected = length;
    this.received = 0;
    this.inBody = this.expected > 0;
  }
}

/** What to say when the input ends at `position`; `undefined` between messages. */
export function describeCutOff(position: FramePosition): string | undefined {
  if (position.part === 'header')
    return `input ended inside a message header (${position.bytes} bytes of header, no blank line after it)`;
  if (position.part === 'body')
    return `input ended inside a message: ${position.received} of ${position.expected} body bytes (Content-Length) received`;
  return undefined;
}
