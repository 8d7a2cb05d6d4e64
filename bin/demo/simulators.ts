/**
 * The demo's simulated hardware: a SmartCOM PRO simulator whose AMS reads the world's meters on its in-memory bus,
 * and the same meters on a TCP line for the direct path. The world's clock is the gateway's, so records and
 * registers tell the same time.
 */
import { SmartcomSimulator } from '../../src/sim/smartcom';
import { MeterWorld } from '../../src/sim/world';
import { AMS_PORT, CLOCK_SPEED, DEMO_METERS, type DemoPorts } from './config';

export interface RunningSimulators {
  gateway: SmartcomSimulator;
  world: MeterWorld;
  stop(): Promise<void>;
}

export async function startSimulators(ports: DemoPorts): Promise<RunningSimulators> {
  // The gateway owns the clock and the world owns the meters: each refers to the other only once both exist.
  const gateway: SmartcomSimulator = new SmartcomSimulator({ port: ports.smartcom, clock: { speed: CLOCK_SPEED }, meterReader: (request) => reader(request) });
  const world = new MeterWorld(DEMO_METERS, { now: () => gateway.clock.now() });
  const reader = world.reader();
  for (const meter of DEMO_METERS) gateway.addMeter({ port: AMS_PORT, protocol: 'IEC62056-21', address: meter.address, interval: meter.interval });
  gateway.setAmsEnabled(true);
  try {
    await gateway.start();
    await world.startTcp({ port: ports.meter });
  } catch (error) {
    await Promise.all([gateway.stop(), world.stop()]);
    throw error;
  }
  return { gateway, world, stop: async () => void (await Promise.all([gateway.stop(), world.stop()])) };
}
