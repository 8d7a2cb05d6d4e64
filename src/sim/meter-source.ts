/**
 * How the SmartCOM simulator's AMS obtains a meter reading (scheduled or DIRECT_READ).
 * The meter simulator provides an implementation that runs a real IEC 62056-21 session.
 */
export interface AmsReadRequest {
  port: number;
  protocol: string;
  address: string;
  baudRate?: number;
}

export type AmsReadResult =
  | { ok: true; identification: string; data: string }
  | { ok: false; errorCode: number };

export type MeterReader = (request: AmsReadRequest) => Promise<AmsReadResult>;
