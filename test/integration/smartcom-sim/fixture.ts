/** Starts simulators and raw clients for one describe block and closes them all after each test. */
import { SmartcomSimulator, type SmartcomSimulatorOptions } from '../../../src/sim/smartcom';
import { RawClient } from './raw-client';

/** 2016-05-14 17:28:00 UTC, around the vendor's IEC capture. */
export const T0 = 1463246880000;
export const MINUTE = 60_000;

export interface SimulatorFixture {
  /** A simulator on an ephemeral port with a frozen clock (speed 0) and instant DIRECT_READ. */
  start(options?: SmartcomSimulatorOptions): Promise<SmartcomSimulator>;
  connect(sim: SmartcomSimulator): Promise<RawClient>;
  /** start() + connect(), echo off unless the options say otherwise. */
  session(options?: SmartcomSimulatorOptions): Promise<{ sim: SmartcomSimulator; client: RawClient }>;
}

export function simulatorFixture(): SimulatorFixture {
  const simulators: SmartcomSimulator[] = [];
  const clients: RawClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await Promise.all(simulators.splice(0).map((sim) => sim.stop()));
  });
  const fixture: SimulatorFixture = {
    async start(options = {}) {
      const sim = new SmartcomSimulator({ clock: { speed: 0, start: T0 }, directReadMs: 0, ...options });
      simulators.push(sim);
      await sim.start();
      return sim;
    },
    async connect(sim) {
      const client = await RawClient.connect(sim.address().port);
      clients.push(client);
      return client;
    },
    async session(options = {}) {
      const sim = await fixture.start({ echo: false, ...options });
      const client = await fixture.connect(sim);
      return { sim, client };
    },
  };
  return fixture;
}
