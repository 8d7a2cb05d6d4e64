import assert from 'node:assert/strict';
import { MeterError } from '../../../src/errors';
import type { ProgramResult, ReadoutResult } from '../../../src/iec62056/client';
import { Iec62056Client } from '../../../src/iec62056/client';
import { MeterSimServer, MeterSimulator, type MeterSimulatorOptions, startPtyMeter } from '../../../src/sim/meter';
import type { MeterProfile } from '../../../src/sim/meter';
import type { ByteLink } from '../../../src/transport/link';
import { SerialLink } from '../../../src/transport/serial-link';
import { TcpLink } from '../../../src/transport/tcp-link';

/** A simulated meter reached over a transport, with the link the client uses and a way to stop both. */
export interface MeterRig {
  link: ByteLink;
  simulator: MeterSimulator;
  stop(): Promise<void>;
}

export type Transport = 'tcp' | 'pty';

export async function startRig(transport: Transport, profile: MeterProfile, options: MeterSimulatorOptions = {}): Promise<MeterRig> {
  if (transport === 'tcp') {
    const server = new MeterSimServer(profile, options);
    const { host, port } = await server.start();
    const link = new TcpLink({ host, port });
    await link.open();
    return { link, simulator: server.simulator, stop: async () => { await link.close(); await server.stop(); } };
  }
  const pty = await startPtyMeter(profile, options);
  const link = new SerialLink({ kind: 'serial', path: pty.clientPath, baudRate: profile.push?.baudRate ?? 300, dataBits: 7, parity: 'even', stopBits: 1 });
  await link.open();
  return { link, simulator: pty.simulator, stop: async () => { await link.close(); await pty.stop(); } };
}

/** Frames the simulator heard, as its log spells them (`<SOH>B0<ETX>q`). */
export function framesHeard(simulator: MeterSimulator): string[] {
  return simulator.log.entries.flatMap((entry) => (entry.type === 'frame' && entry.kind !== 'noise' ? [entry.text] : []));
}

export function baudChanges(simulator: MeterSimulator): number[] {
  return simulator.log.entries.flatMap((entry) => (entry.type === 'baud' ? [entry.baudRate] : []));
}

export async function errorOf(promise: Promise<ReadoutResult | ProgramResult>): Promise<MeterError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MeterError) return error;
    throw error;
  }
  throw new Error('expected the session to fail');
}

export function clientFor(rig: MeterRig): Iec62056Client {
  // The simulators answer after 50 ms (see SIM_OPTIONS), so our reaction time and retry pause can be short too.
  return new Iec62056Client(rig.link, { reactionTimeMs: 50, retryPauseMs: 200 });
}

/** Fast but realistic: bytes are not paced (tests assert behaviour, not time) and the meter reacts in 50 ms. */
export const SIM_OPTIONS: MeterSimulatorOptions = { pacing: false, reactionTimeMs: 50 };

/** Polls a condition (the simulator logs asynchronously); fails after a generous bound. */
export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > timeoutMs) assert.fail('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
