/**
 * Strips Telnet commands (RFC 854) from a byte stream, across chunk boundaries, and produces the
 * refusals a passive client owes: `DO x` -> `WONT x`, `WILL x` -> `DONT x`. Refusing every option keeps
 * the link a plain byte pipe; answering only the positive verbs cannot start a negotiation loop.
 */
export const IAC = 0xff;
const DONT = 0xfe;
const DO = 0xfd;
const WONT = 0xfc;
const WILL = 0xfb;
const SB = 0xfa;
const SE = 0xf0;

const EMPTY = Buffer.alloc(0);

type State = 'data' | 'iac' | 'option' | 'sub' | 'sub-iac';

export interface TelnetOutput {
  /** The payload bytes with every Telnet sequence removed (`IAC IAC` becomes one 0xFF). */
  data: Buffer;
  /** Bytes to send back (refusals), empty when none are due. */
  reply: Buffer;
}

export class TelnetFilter {
  private state: State = 'data';
  private verb = 0;

  push(chunk: Buffer): TelnetOutput {
    // The common case, plain text with no command byte, passes through without a per-byte copy.
    if (this.state === 'data' && !chunk.includes(IAC)) return { data: chunk, reply: EMPTY };
    const data: number[] = [];
    const reply: number[] = [];
    for (const byte of chunk) this.step(byte, data, reply);
    return { data: Buffer.from(data), reply: Buffer.from(reply) };
  }

  private step(byte: number, data: number[], reply: number[]): void {
    switch (this.state) {
      case 'data':
        if (byte === IAC) this.state = 'iac';
        else data.push(byte);
        return;
      case 'iac':
        this.afterIac(byte, data);
        return;
      case 'option':
        if (this.verb === DO) reply.push(IAC, WONT, byte);
        if (this.verb === WILL) reply.push(IAC, DONT, byte);
        this.state = 'data';
        return;
      case 'sub':
        if (byte === IAC) this.state = 'sub-iac';
        return;
      case 'sub-iac':
        // IAC SE ends the subnegotiation; IAC IAC is an escaped 0xFF inside it.
        this.state = byte === SE ? 'data' : 'sub';
        return;
    }
  }

  private afterIac(byte: number, data: number[]): void {
    if (byte === IAC) {
      data.push(IAC);
      this.state = 'data';
    } else if (byte === DO || byte === DONT || byte === WILL || byte === WONT) {
      this.verb = byte;
      this.state = 'option';
    } else if (byte === SB) {
      this.state = 'sub';
    } else {
      // Two-byte commands (NOP, GA, AYT, ...): nothing to keep.
      this.state = 'data';
    }
  }
}
