/**
 * A MeterReader for the SmartCOM simulator's AMS that runs a real IEC 62056-21 session: the Iec62056Client
 * against unpaced meter simulators on an in-memory bus. Every read is a whole session (request with the device
 * address, identification, option select, data, BCC), so an unknown address fails as on a real bus: nobody
 * answers, and the client's code comes back (65541).
 */
import { MeterError } from '../errors';
import { Iec62056Client } from '../iec62056/client';
import { DataBlockMessage } from '../iec62056/frames';
import { createMemoryLinkPair } from '../transport/memory';
import type { AmsReadRequest, AmsReadResult, MeterReader } from './meter-source';
import { customizeProfile, MeterSimulator, type MeterProfile } from './meter';

export interface SimulatedMeter {
  address: string;
  profile: MeterProfile;
}

/** Code the gateway gives for a protocol it cannot use on the port. */
export const PROTOCOL_NOT_USABLE = 3;

/** The AMS protocol name of IEC 62056-21 (the gateway compares it case-insensitively). */
export function isIec62056Protocol(protocol: string): boolean {
  return protocol.toUpperCase() === 'IEC62056-21';
}
/** Unpaced meters answer at once; a missing one is declared absent after this long. */
const NO_ANSWER_MS = 200;

export function createSimulatedMeterReader(meters: readonly SimulatedMeter[]): MeterReader {
  const profiles = meters.map((meter) => customizeProfile(meter.profile, { address: meter.address }));
  return (request: AmsReadRequest) => readFromSimulatedBus(profiles, request);
}

/**
 * One AMS read: the client's request goes out on a fresh in-memory bus where every given meter listens;
 * only the addressed one answers (none: the read fails with the client's 65541, as on a real bus).
 */
export async function readFromSimulatedBus(profiles: readonly MeterProfile[], request: AmsReadRequest): Promise<AmsReadResult> {
  if (!isIec62056Protocol(request.protocol)) return { ok: false, errorCode: PROTOCOL_NOT_USABLE };
  const [clientEnd, busEnd] = createMemoryLinkPair(`ams-port-${request.port}`);
  await clientEnd.open();
  await busEnd.open();
  const simulators = profiles.map((profile) => new MeterSimulator(profile, { pacing: false, reactionTimeMs: 0 }));
  for (const simulator of simulators) simulator.attach(busEnd);
  try {
    const client = new Iec62056Client(clientEnd, { reactionTimeMs: 0, maxReactionTimeMs: NO_ANSWER_MS, charTimeoutMs: NO_ANSWER_MS, retries: 0 });
    const result = await client.readout({ address: request.address });
    const { message } = DataBlockMessage.decode(result.raw);
    return { ok: true, identification: String(result.identification.identification), data: message.dataLines };
  } catch (error) {
    if (error instanceof MeterError && typeof error.code === 'number') return { ok: false, errorCode: error.code };
    // A client-side failure (bad argument, aborted...) has no AMS number: the gateway's "internal error".
    if (error instanceof MeterError) return { ok: false, errorCode: 65536 };
    throw error;
  } finally {
    for (const simulator of simulators) simulator.stop();
    await clientEnd.close();
  }
}
