/**
 * One simulated world of meters for the demo: the SmartCOM simulator's AMS reads them on its in-memory bus, and a
 * TCP meter simulator serves the very same meter objects for the direct path. Values follow one clock (the
 * gateway's, which may run fast), so both paths agree and the numbers move while you watch.
 */
import { MeterSimulator } from '../meter/simulator';
import { MeterSimServer, type MeterSimServerOptions } from '../meter/tcp-server';
import { readFromSimulatedBus } from '../ams-meter-reader';
import type { AmsReadRequest, AmsReadResult, MeterReader } from '../meter-source';
import { LiveMeter, type LiveMeterSpec } from './live-meter';

export interface MeterWorldOptions {
  /** Simulated ms since the epoch; pass the gateway simulator's clock so records and registers agree. */
  now: () => number;
  /** Real ms between register updates for the direct path (AMS reads always update first). Default 1000. */
  updateMs?: number;
}

export class MeterWorld {
  readonly meters: LiveMeter[];
  private timer: NodeJS.Timeout | undefined;
  private server: MeterSimServer | undefined;

  constructor(specs: readonly LiveMeterSpec[], private readonly options: MeterWorldOptions) {
    const now = options.now();
    this.meters = specs.map((spec) => new LiveMeter(spec, now));
  }

  meter(address: string): LiveMeter | undefined {
    return this.meters.find((meter) => meter.address === address);
  }

  /** Brings every meter to the clock's present. */
  update(): void {
    const now = this.options.now();
    for (const meter of this.meters) meter.update(now);
    // Long-lived TCP simulators keep a register map for R1 reads: refresh it from the new data block.
    for (const simulator of this.server?.simulators ?? []) {
      const fresh = new MeterSimulator(simulator.profile).registers;
      for (const [address, groups] of fresh) simulator.registers.set(address, groups);
    }
  }

  /** The AMS reader: a real IEC 62056-21 session on a fresh bus where every meter of the world listens. */
  reader(): MeterReader {
    return (request: AmsReadRequest): Promise<AmsReadResult> => {
      this.update();
      return readFromSimulatedBus(this.meters.map((meter) => meter.profile), request);
    };
  }

  /** Starts the TCP meter simulator for the direct path (all meters on one line, as on one RS-485 bus). */
  async startTcp(options: MeterSimServerOptions): Promise<{ host: string; port: number }> {
    this.server = new MeterSimServer(this.meters.map((meter) => new MeterSimulator(meter.profile, options)), options);
    const address = await this.server.start();
    this.timer = setInterval(() => this.update(), this.options.updateMs ?? 1000);
    return address;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.server?.stop();
    this.server = undefined;
  }
}
