import { type Frame, FrameReader } from '../../../src/iec62056/frame-reader';
import { CommandMessage, DataBlockMessage } from '../../../src/iec62056/frames';
import { meterProfile, pushTelegram } from '../../../src/sim/meter';
import type { MemoryLink } from '../../../src/transport/memory';

/**
 * Meters that keep a master waiting, each in the way a field report described, on a memory link. A hostile meter
 * never stops on its own: `stop()` ends its timers. Everything before the hostile part follows the protocol
 * (a mode C `/ISK5` identification, P0 and ACK to the password in programming mode).
 */
export type Hostility =
  /** Pushes a mode D telegram every `intervalMs` and ignores requests. */
  | { kind: 'push'; intervalMs: number }
  /** Answers the option select with STX and then one data character every `everyMs`, never ETX. */
  | { kind: 'trickle'; everyMs: number }
  /** Answers the option select (or an R1) with a partial block, and every ACK with another one. */
  | { kind: 'endless-blocks' }
  /** Answers the option select with STX and then `chunkBytes` of data every `everyMs`, never ETX; stops after `totalBytes`. */
  | { kind: 'no-etx'; chunkBytes: number; everyMs: number; totalBytes?: number }
  /** Answers the request with an ACK every `everyMs`. */
  | { kind: 'ack-storm'; everyMs: number }
  /** Programming mode: answers R1 with a partial block, then our ACK with a NAK every `everyMs`. */
  | { kind: 'nak-storm'; everyMs: number };

export class HostileMeter {
  private readonly reader = new FrameReader({ role: 'meter' });
  private timer: NodeJS.Timeout | undefined;
  private blocksSent = 0;

  constructor(
    private readonly link: MemoryLink,
    private readonly hostility: Hostility,
  ) {
    link.on('data', (chunk: Buffer) => this.onData(chunk));
    this.reader.on('frame', (frame: Frame) => this.onFrame(frame));
    if (hostility.kind === 'push') this.every(hostility.intervalMs, () => this.write(pushTelegram(meterProfile('modeD'))), true);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private onData(chunk: Buffer): void {
    // A lone ACK asks for the next partial block; the meter-side reader would wait for an option select.
    if (chunk.length === 1 && chunk[0] === 0x06) return this.onAck();
    this.reader.write(chunk);
  }

  private onFrame(frame: Frame): void {
    const h = this.hostility;
    if (h.kind === 'push') return;
    if (frame.kind === 'line') {
      if (h.kind === 'ack-storm') this.every(h.everyMs, () => this.write(Buffer.from([0x06])));
      else this.write('/ISK5MT174-0001\r\n');
    } else if (frame.kind === 'option-select') {
      if (frame.message.modeControl === '1') this.write(new CommandMessage('P', '0', '(12345678)').encode());
      else this.answer();
    } else if (frame.kind === 'command') {
      const { message } = CommandMessage.decode(frame.bytes);
      if (message.command === 'P') this.write(Buffer.from([0x06]));
      if (message.command === 'R') this.answer();
    }
  }

  /** The hostile part: what comes where the data message belongs. */
  private answer(): void {
    const h = this.hostility;
    if (h.kind === 'trickle') {
      this.write(Buffer.from([0x02]));
      this.every(h.everyMs, () => this.write('1'));
    } else if (h.kind === 'no-etx') {
      this.write(Buffer.from([0x02]));
      let sent = 0;
      this.every(h.everyMs, () => {
        if (h.totalBytes !== undefined && sent >= h.totalBytes) return this.stop();
        sent += h.chunkBytes;
        this.write(Buffer.alloc(h.chunkBytes, 0x31));
      });
    } else if (h.kind === 'endless-blocks' || h.kind === 'nak-storm') {
      this.sendBlock();
    }
  }

  private onAck(): void {
    const h = this.hostility;
    if (h.kind === 'endless-blocks') this.sendBlock();
    else if (h.kind === 'nak-storm') this.every(h.everyMs, () => this.write(Buffer.from([0x15])));
  }

  private sendBlock(): void {
    this.blocksSent++;
    this.write(new DataBlockMessage(`1.8.0(${String(this.blocksSent).padStart(8, '0')}*kWh)\r\n`, false).encode());
  }

  private every(ms: number, action: () => void, now = false): void {
    this.stop();
    if (now) action();
    this.timer = setInterval(action, ms);
  }

  private write(bytes: Buffer | string): void {
    if (this.link.isOpen) void this.link.write(bytes);
  }
}
