import { AckOptionSelectMessage } from '../../../src/iec62056/ack-option';
import type { BccAlgorithm } from '../../../src/iec62056/bcc';
import { type Frame, FrameReader } from '../../../src/iec62056/frame-reader';
import { CommandMessage, DataBlockMessage } from '../../../src/iec62056/frames';
import { IdentificationMessage } from '../../../src/iec62056/identification';
import type { MemoryLink } from '../../../src/transport/memory';

/**
 * A scripted meter for client tests on a memory link: unpaced, answers at once, logs what it heard.
 * Deliberately small and independent of the real simulator, so the client is specified on its own.
 */
export interface ScriptedMeterOptions {
  identification: string;
  dataLines: string;
  bcc?: BccAlgorithm;
  /** Corrupt the BCC of the first N data messages. */
  badBccCount?: number;
  echo?: boolean;
  silent?: boolean;
  password?: string;
  wrongPassword?: 'nak' | 'break';
  registers?: Record<string, string>;
  /** Programming answers are cut in blocks of this many characters (EOT between them). */
  blockSize?: number;
  /** Bytes sent before the identification. */
  noise?: Buffer;
}

export class ScriptedMeter {
  /** What the meter heard, in order: 'request /?!', 'option 050', 'P1', 'R1 1.8.0()', 'B0', 'ACK', 'NAK'. */
  readonly heard: string[] = [];
  private readonly reader = new FrameReader({ role: 'meter' });
  private blocks: string[] = [];
  private badBccLeft: number;

  constructor(
    private readonly link: MemoryLink,
    private readonly options: ScriptedMeterOptions,
  ) {
    this.badBccLeft = options.badBccCount ?? 0;
    link.on('data', (chunk: Buffer) => {
      if (options.echo) void link.write(chunk);
      // A lone ACK/NAK (next block / repeat) is complete on its own; the meter-side reader would wait for more.
      if (chunk.length === 1 && (chunk[0] === 0x06 || chunk[0] === 0x15)) return this.onBlockAnswer(chunk[0] === 0x06 ? 'ack' : 'nak');
      this.reader.write(chunk);
    });
    this.reader.on('frame', (frame: Frame) => this.onFrame(frame));
  }

  private send(bytes: Buffer | string): void {
    if (!this.options.silent) void this.link.write(bytes);
  }

  private dataMessage(message: DataBlockMessage): Buffer {
    const encoded = message.encode(this.options.bcc ?? 'xor');
    if (this.badBccLeft > 0) {
      this.badBccLeft--;
      encoded[encoded.length - 1] ^= 0x01;
    }
    return encoded;
  }

  private onFrame(frame: Frame): void {
    if (frame.kind === 'noise') return;
    if (frame.kind === 'line') return this.onRequest(frame.bytes.toString('latin1'));
    if (frame.kind === 'option-select') return this.onOptionSelect(frame.message);
    if (frame.kind === 'command') return this.onCommand(frame.bytes);
  }

  private onRequest(line: string): void {
    this.heard.push(`request ${line.trim()}`);
    if (this.options.noise) this.send(this.options.noise);
    this.send(`${this.options.identification}\r\n`);
    const mode = IdentificationMessage.decode(this.options.identification).mode;
    if (mode === 'A' || mode === 'B') this.send(this.dataMessage(DataBlockMessage.readout(this.options.dataLines)));
  }

  private onOptionSelect(message: AckOptionSelectMessage): void {
    this.heard.push(`option ${message.protocolControl}${message.baudChar}${message.modeControl}`);
    if (message.modeControl === '1') this.send(new CommandMessage('P', '0', '(12345678)').encode());
    else this.send(this.dataMessage(DataBlockMessage.readout(this.options.dataLines)));
  }

  private onCommand(bytes: Buffer): void {
    const { message } = CommandMessage.decode(bytes);
    const name = `${message.command}${message.type}`;
    this.heard.push(message.command === 'R' ? `${name} ${message.data}` : name);
    if (message.command === 'P') {
      const ok = message.data === `(${this.options.password})`;
      if (ok) this.send(Buffer.from([0x06]));
      else if (this.options.wrongPassword === 'break') this.send(CommandMessage.break().encode());
      else this.send(Buffer.from([0x15]));
    } else if (message.command === 'R') {
      const address = (message.data ?? '').replace(/\(.*$/, '');
      const value = this.options.registers?.[address];
      this.startBlocks(value === undefined ? '(ER03)' : `${address}${value}`);
    }
  }

  private startBlocks(text: string): void {
    const size = this.options.blockSize ?? text.length;
    this.blocks = [];
    for (let i = 0; i < text.length; i += size) this.blocks.push(text.slice(i, i + size));
    this.sendBlock();
  }

  private sendBlock(): void {
    const block = this.blocks[0];
    if (block !== undefined) this.send(this.dataMessage(new DataBlockMessage(block, this.blocks.length === 1)));
  }

  private onBlockAnswer(kind: 'ack' | 'nak'): void {
    this.heard.push(kind.toUpperCase());
    if (kind === 'ack') this.blocks.shift();
    this.sendBlock();
  }
}
