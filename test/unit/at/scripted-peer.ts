import { AtChannel } from '../../../src/at/channel';
import { MemoryLink, createMemoryLinkPair } from '../../../src/transport/memory';

/**
 * The gateway end of a memory link pair, driven by the test: it records every byte the client
 * wrote, hands over each command line as it completes, and sends replies in chosen chunk sizes.
 */
export class ScriptedPeer {
  readonly received: Buffer[] = [];
  private buffered = '';
  private readonly lines: string[] = [];
  private waiters: ((line: string) => void)[] = [];

  constructor(readonly link: MemoryLink) {
    link.on('data', (chunk: Buffer) => this.onData(chunk));
  }

  /** Everything the client wrote, as one latin1 string. */
  get receivedText(): string {
    return Buffer.concat(this.received).toString('latin1');
  }

  get receivedBytes(): number {
    return Buffer.concat(this.received).length;
  }

  /** The next line the client sent (terminated by CR, CRLF or LF). */
  nextLine(): Promise<string> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Sends text (latin1) in chunks of `chunkSize` characters, each its own 'data' event on the client. */
  async send(text: string | Buffer, chunkSize = Infinity): Promise<void> {
    const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'latin1');
    for (let start = 0; start < bytes.length; start += chunkSize) {
      await this.link.write(bytes.subarray(start, Math.min(bytes.length, start + chunkSize)));
    }
    await settle();
  }

  private onData(chunk: Buffer): void {
    this.received.push(chunk);
    this.buffered += chunk.toString('latin1');
    const parts = this.buffered.split(/\r\n|\r|\n/);
    this.buffered = parts.pop() ?? '';
    for (const line of parts) {
      if (line === '') continue;
      const waiter = this.waiters.shift();
      if (waiter) waiter(line);
      else this.lines.push(line);
    }
  }
}

/** Lets every pending setImmediate delivery of the memory link run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** An open client link and the scripted gateway on its other end. */
export async function openPair(): Promise<{ client: MemoryLink; peer: ScriptedPeer }> {
  const [client, gateway] = createMemoryLinkPair('at-test');
  await client.open();
  await gateway.open();
  return { client, peer: new ScriptedPeer(gateway) };
}

/** A channel on a memory link with a scripted peer, fresh per test, and the URCs it emitted. */
export interface ChannelPerTest {
  readonly client: MemoryLink;
  readonly peer: ScriptedPeer;
  readonly channel: AtChannel;
  readonly urcs: string[];
}

export function useChannelPerTest(): ChannelPerTest {
  let current: ChannelPerTest | undefined;
  beforeEach(async () => {
    const { client, peer } = await openPair();
    const channel = new AtChannel(client);
    const urcs: string[] = [];
    channel.on('urc', (line: string) => urcs.push(line));
    current = { client, peer, channel, urcs };
  });
  afterEach(async () => {
    current?.channel.dispose();
    await current?.client.close();
    current = undefined;
  });
  const running = (): ChannelPerTest => {
    if (!current) throw new Error('no channel: use this inside a test');
    return current;
  };
  return {
    get client() {
      return running().client;
    },
    get peer() {
      return running().peer;
    },
    get channel() {
      return running().channel;
    },
    get urcs() {
      return running().urcs;
    },
  };
}
