/**
 * One client connection: splits the byte stream into lines (CR, LF or CR LF; a command may
 * arrive in pieces or several in one chunk), runs the optional login dialogue, echoes, and
 * answers one command at a time in arrival order.
 */
import type { Socket } from 'node:net';
import type { ConnectionState } from './context';
import type { DispatchResult } from './dispatcher';
import { renderResult } from './formatter';
import type { ResolvedOptions } from './options';

/** What a connection needs from the simulator. */
export interface ConnectionHost {
  readonly options: ResolvedOptions;
  isSilent(): boolean;
  responseDelay(): number;
  sleep(ms: number): Promise<void>;
  /** Called for every command line received after login (also while silent). */
  logCommand(connection: number, line: string): void;
  execute(connection: ConnectionState, line: string): Promise<DispatchResult>;
  reportResult(connection: number, line: string, result: DispatchResult): void;
}

/** Wrong logins allowed before the connection is closed. */
export const MAX_LOGIN_ATTEMPTS = 3;
/** An unterminated line longer than this is thrown away (a client sending garbage). */
const MAX_LINE = 4096;

type Phase = 'username' | 'password' | 'ready';

/**
 * A telnet client (PuTTY in telnet mode, `telnet`) sends option negotiation (IAC ...) and CR NUL;
 * the simulator does not negotiate, it drops those bytes so typed commands still work.
 */
function stripTelnet(text: string): string {
  return text.replace(/\xff[\xfb-\xfe][\s\S]|\xff[\xf0-\xfa]|\x00/g, '');
}

export class SimConnection {
  readonly state: ConnectionState;
  private buffer = '';
  private chain: Promise<void> = Promise.resolve();
  private phase: Phase;
  private failedLogins = 0;
  private username = '';

  constructor(readonly id: number, readonly socket: Socket, private readonly host: ConnectionHost) {
    this.state = { id, echo: host.options.echo };
    this.phase = host.options.login ? 'username' : 'ready';
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    // Resets by the peer are normal for a simulator; 'close' does the bookkeeping.
    socket.on('error', () => undefined);
    if (!host.isSilent()) {
      if (host.options.banner !== undefined) this.writeLine(host.options.banner);
      if (this.phase === 'username') this.writeLine('Login:');
    }
  }

  private receive(chunk: Buffer): void {
    this.buffer += stripTelnet(chunk.toString('latin1'));
    for (let end = this.buffer.search(/[\r\n]/); end >= 0; end = this.buffer.search(/[\r\n]/)) {
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 1);
      // The LF of a CR LF pair (or a blank line) gives an empty line: nothing to answer.
      if (line.trim() !== '') this.enqueue(line);
    }
    if (this.buffer.length > MAX_LINE) this.buffer = '';
  }

  private enqueue(line: string): void {
    this.chain = this.chain
      .then(() => this.handle(line))
      .catch((error: unknown) => {
        this.socket.destroy(error instanceof Error ? error : undefined);
      });
  }

  private async handle(line: string): Promise<void> {
    if (this.phase !== 'ready') return this.login(line);
    this.host.logCommand(this.id, line);
    if (this.host.isSilent()) return;
    if (this.state.echo) this.write(line + this.host.options.lineEnding);
    const result = await this.host.execute(this.state, line);
    this.host.reportResult(this.id, line, result);
    await this.delayResponse();
    this.write(renderResult(result, this.host.options.errorStyle, this.host.options.lineEnding));
    if (result.logout) {
      this.phase = 'username';
      this.writeLine('Login:');
    }
  }

  private async login(line: string): Promise<void> {
    if (this.host.isSilent()) return;
    await this.delayResponse();
    if (this.phase === 'username') {
      this.username = line.trim();
      this.phase = 'password';
      this.writeLine('Password:');
      return;
    }
    const expected = this.host.options.login;
    if (expected && this.username === expected.username && line.trim() === expected.password) {
      this.phase = 'ready';
      this.failedLogins = 0;
      this.writeLine('OK');
      return;
    }
    this.failedLogins++;
    this.writeLine('Login incorrect');
    if (this.failedLogins >= MAX_LOGIN_ATTEMPTS) {
      this.socket.end();
      return;
    }
    this.phase = 'username';
    this.writeLine('Login:');
  }

  private async delayResponse(): Promise<void> {
    const delay = this.host.responseDelay();
    if (delay > 0) await this.host.sleep(delay);
  }

  private writeLine(line: string): void {
    this.write(line + this.host.options.lineEnding);
  }

  private write(text: string): void {
    if (!this.socket.destroyed && this.socket.writable) this.socket.write(text, 'latin1');
  }
}
