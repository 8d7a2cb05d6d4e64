import { MeterError } from '../errors';
import { interpretBaudChar, ProtocolMode } from './baud';
import { CRLF, REACTION_TIME_MS, SHORT_REACTION_TIME_MS } from './constants';

/**
 * Identification message, meter to master: `/XXXZ[\W]<identification> CR LF`.
 * XXX is the manufacturer id (a lower-case third letter means the meter reacts within 20 ms), Z the baud
 * character (which implies mode A, B or C), `\W` zero or more enhanced-identification pairs of ANY character
 * (`\2` advertises mode E; `\@`, `\3` and letters occur in the field), then the identification text.
 */
export interface IdentificationFields {
  manufacturer: string;
  baudChar: string;
  enhancedIds?: readonly string[];
  identification: string;
}

export class IdentificationMessage {
  readonly manufacturer: string;
  readonly baudChar: string;
  readonly enhancedIds: readonly string[];
  readonly identification: string;

  constructor(fields: IdentificationFields) {
    this.manufacturer = fields.manufacturer;
    this.baudChar = fields.baudChar;
    this.enhancedIds = fields.enhancedIds ?? [];
    this.identification = fields.identification;
    validate(this);
  }

  /** Mode implied by the baud character; E when `\2` is advertised with a mode C character. */
  get mode(): ProtocolMode {
    const { mode } = interpretBaudChar(this.baudChar);
    return mode === 'C' && this.advertisesModeE ? 'E' : mode;
  }

  /** The speed offered (mode C/E) or switched to (mode B); 300 for mode A. */
  get baudRate(): number {
    return interpretBaudChar(this.baudChar).baudRate;
  }

  get advertisesModeE(): boolean {
    return this.enhancedIds.includes('2');
  }

  /** Lower-case third manufacturer letter: the meter supports the 20 ms reaction time. */
  get shortReactionTime(): boolean {
    const third = this.manufacturer[2];
    return third !== undefined && third >= 'a' && third <= 'z';
  }

  get reactionTimeMs(): number {
    return this.shortReactionTime ? SHORT_REACTION_TIME_MS : REACTION_TIME_MS;
  }

  /** The line as transmitted, with CR LF. */
  encode(): Buffer {
    const enhanced = this.enhancedIds.map((id) => `\\${id}`).join('');
    return Buffer.from(`/${this.manufacturer}${this.baudChar}${enhanced}${this.identification}${CRLF}`, 'latin1');
  }

  /** Plain description for msg.payload and JSON output. */
  toJSON(): Record<string, unknown> {
    return {
      manufacturer: this.manufacturer,
      baudChar: this.baudChar,
      mode: this.mode,
      baudRate: this.baudRate,
      enhancedIds: [...this.enhancedIds],
      reactionTimeMs: this.reactionTimeMs,
      identification: this.identification,
    };
  }

  /**
   * Decodes one identification line: starting with `/`, with or without the trailing CR LF.
   * Throws MeterError with the gateway's identification codes (65793, 65794, 65795, 65796).
   */
  static decode(line: string | Buffer): IdentificationMessage {
    const text = typeof line === 'string' ? line : line.toString('latin1');
    const body = stripLineEnd(text);
    if (body.length < 5 || body[0] !== '/') {
      throw new MeterError(65795, `not an identification message: ${JSON.stringify(text.slice(0, 40))}`);
    }
    let position = 5;
    const enhancedIds: string[] = [];
    while (body[position] === '\\' && position + 1 < body.length) {
      enhancedIds.push(body[position + 1]);
      position += 2;
    }
    return new IdentificationMessage({
      manufacturer: body.slice(1, 4),
      baudChar: body[4],
      enhancedIds,
      identification: body.slice(position),
    });
  }

  /** Like decode, but returns undefined instead of throwing. */
  static tryDecode(line: string | Buffer): IdentificationMessage | undefined {
    try {
      return IdentificationMessage.decode(line);
    } catch {
      return undefined;
    }
  }
}

function stripLineEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return text.slice(0, end);
}

function isPrintable(char: string): boolean {
  const code = char.charCodeAt(0);
  return code >= 0x20 && code < 0x7f;
}

function validate(message: IdentificationMessage): void {
  if (message.manufacturer.length !== 3 || ![...message.manufacturer].every((c) => /[A-Za-z]/.test(c))) {
    throw new MeterError(65793, `manufacturer id must be three letters, got ${JSON.stringify(message.manufacturer)}`);
  }
  if (message.baudChar.length !== 1 || !isPrintable(message.baudChar) || '/!\\'.includes(message.baudChar)) {
    throw new MeterError(65794, `unsupported baud-rate character ${JSON.stringify(message.baudChar)}`);
  }
  for (const id of message.enhancedIds) {
    if (id.length !== 1 || !isPrintable(id)) throw new MeterError(65795, `bad enhanced identification ${JSON.stringify(id)}`);
  }
  const text = message.identification;
  if (text.length > 64 || ![...text].every(isPrintable) || text.includes('!') || text.includes('/')) {
    throw new MeterError(65795, `unsupported character in identification ${JSON.stringify(text)}`);
  }
}
