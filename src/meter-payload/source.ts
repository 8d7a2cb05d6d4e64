import type { ProgramResult, ReadoutResult, RegisterResult } from '../iec62056/client';
import type { DataSet, LoadProfile, Readout } from '../iec62056/readout';
import type { GatewayReadResult } from '../smartcom/direct-read';
import type { ChecksumReport } from './types';

/** What a payload can be made from: a parsed capture, a client readout, a programming-mode result, or a gateway read. */
export type MeterReadSource = Readout | ReadoutResult | ProgramResult | GatewayReadResult;

/** The parts of any source the payload needs, found in one place. */
export interface SourceView {
  dataSets: readonly DataSet[];
  loadProfiles: readonly LoadProfile[];
  bcc: ChecksumReport | null;
  identification: string | null;
  manufacturer: string | null;
  durationMs: number | null;
}

function isProgramResult(source: MeterReadSource): source is ProgramResult {
  return Array.isArray((source as Partial<ProgramResult>).registers);
}

function isGatewayResult(source: MeterReadSource): source is GatewayReadResult {
  return (source as Partial<GatewayReadResult>).kind === 'gateway-read';
}

function isReadoutResult(source: MeterReadSource): source is ReadoutResult {
  return (source as Partial<ReadoutResult>).readout !== undefined && (source as Partial<ReadoutResult>).timings !== undefined;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function fromReadout(readout: Readout): SourceView {
  return {
    dataSets: readout.dataSets,
    loadProfiles: readout.loadProfiles ?? [],
    // A readout has a BCC (modes A-C) or a CRC (DSMR), not both.
    bcc: readout.bcc ?? readout.crc ?? null,
    identification: readout.identification?.identification ?? null,
    manufacturer: readout.identification?.manufacturer ?? null,
    durationMs: null,
  };
}

/** The client keeps the identification apart (its `raw` data message does not contain it). */
function fromReadoutResult(result: ReadoutResult): SourceView {
  const view = fromReadout(result.readout);
  view.bcc = result.bcc ?? view.bcc;
  view.identification = text(result.identification.identification) ?? view.identification;
  view.manufacturer = text(result.identification.manufacturer) ?? view.manufacturer;
  view.durationMs = result.timings.totalMs;
  return view;
}

/**
 * Programming mode gives one answer per register read plus the load profile: their data sets are joined in
 * order. The checksum reported is the first one that failed, else the first one, so `bcc.valid` is true
 * only when every answer checked out.
 */
function fromProgramResult(result: ProgramResult): SourceView {
  const answers: RegisterResult[] = result.loadProfile ? [...result.registers, result.loadProfile] : result.registers;
  const dataSets: DataSet[] = [];
  const loadProfiles: LoadProfile[] = [];
  for (const answer of answers) {
    for (const set of answer.readout.dataSets) dataSets.push(set);
    for (const profile of answer.readout.loadProfiles ?? []) loadProfiles.push(profile);
  }
  const bcc = answers.find((answer) => !answer.bcc.valid)?.bcc ?? answers[0]?.bcc ?? null;
  return {
    dataSets,
    loadProfiles,
    bcc,
    identification: text(result.identification.identification),
    manufacturer: text(result.identification.manufacturer),
    durationMs: result.timings.totalMs,
  };
}

/** The gateway passes no BCC (it checked it itself) and identifies the meter by text only. */
function fromGatewayResult(result: GatewayReadResult): SourceView {
  const view = fromReadout(result.readout);
  view.identification = result.identification;
  view.manufacturer = result.manufacturer;
  view.durationMs = result.durationMs;
  return view;
}

export function viewSource(source: MeterReadSource): SourceView {
  if (isGatewayResult(source)) return fromGatewayResult(source);
  if (isProgramResult(source)) return fromProgramResult(source);
  if (isReadoutResult(source)) return fromReadoutResult(source);
  return fromReadout(source);
}
