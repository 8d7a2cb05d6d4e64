import type { BccCheck } from '../bcc';
import type { ProtocolMode } from '../baud';
import type { Readout } from '../readout';

export interface SessionTimings {
  /** From the start of the first attempt to the end. */
  totalMs: number;
  /** Start of the successful attempt (wake-up included) to the identification. */
  identificationMs: number | undefined;
  /** Identification to the last byte of the data. */
  dataMs: number | undefined;
}

/** Facts every session result carries. */
export interface SessionFacts {
  /** IdentificationMessage.toJSON(): manufacturer, baudChar, mode, baudRate, enhancedIds, reactionTimeMs, identification. */
  identification: Record<string, unknown>;
  /** The mode the session ran in ('C' for a meter that advertises E: it is read as mode C). */
  mode: ProtocolMode;
  /**
   * The speed the data came at. Mode D: the speed given (baudRate/fixedBaudRate) or the one a serial port was set
   * to; null when it cannot be known (a push meter read over TCP without a declared speed).
   */
  baudRate: number | null;
  /** A frame equal to one of our messages came back and was dropped. */
  echoDetected: boolean;
  /** Bytes that arrived with bit 7 set (a 7E1 line read as 8N1); bit 7 was cleared. 0 on a clean line. */
  parityStripped: number;
  /** Attempts made (1 when the first one worked). */
  attempts: number;
  timings: SessionTimings;
}

export interface ReadoutResult extends SessionFacts {
  /** The data message as received (STX ... ETX BCC; partial blocks concatenated), or the push telegram in mode D. */
  raw: Buffer;
  readout: Readout;
  /** The BCC verdict (undefined in mode D, which has none). */
  bcc: BccCheck | undefined;
}

export interface RegisterResult {
  address: string;
  /** The answer as received (STX ... ETX BCC, partial blocks concatenated). */
  raw: Buffer;
  readout: Readout;
  bcc: BccCheck;
  /** The meter's error code (e.g. `ER03`) when it answered with one instead of a value. */
  error?: string;
}

export interface ProgramResult extends SessionFacts {
  /** The operand of the meter's P0 password request (often its serial number); not a secret. */
  operand: string | undefined;
  /** Whether a password was sent and accepted. */
  passwordAccepted: boolean;
  registers: RegisterResult[];
  loadProfile?: RegisterResult & { blocks: number; repeats: number };
}
