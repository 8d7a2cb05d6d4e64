/**
 * A simulated meter whose registers change with time. Its `profile` is one object shared by every simulator that
 * plays this meter (the gateway's in-memory bus, the TCP meter simulator): update() rewrites the data block and the
 * load profile in place, so whichever path reads the meter next sees the same values.
 */
import type { LoadProfileSpec } from '../meter/load-profile';
import { customizeProfile, type MeterProfile } from '../meter/profile';
import { meterProfile } from '../meter/profiles';
import { renderDataBlock, stamp, type LiveMeterStyle, type MeterState } from './data-blocks';
import { energyBetween, powerAt, type PowerShape } from './power-model';

export interface LiveMeterSpec extends PowerShape {
  style: LiveMeterStyle;
  address: string;
  /** Import register at the start of the simulation. */
  startKwh: number;
}

/** The static profile each style starts from (identification, BCC, programming mode). */
const BASE_PROFILE: Readonly<Record<LiveMeterStyle, string>> = { modeC: 'modeC', modeA: 'modeA', programming: 'programming' };

export class LiveMeter {
  readonly profile: MeterProfile;
  private state: MeterState;

  constructor(readonly spec: LiveMeterSpec, now: number) {
    const powerKw = powerAt(spec, now);
    this.state = { address: spec.address, at: now, importKwh: spec.startKwh, exportKwh: spec.startKwh / 90, powerKw, maxKw: powerKw, maxAt: now };
    const base = meterProfile(BASE_PROFILE[spec.style]);
    // A copy of the load profile: update() moves its start, and the named profiles' spec is shared by everyone.
    const lp = base.programming?.loadProfile;
    const programming = base.programming && { operand: spec.address, ...(lp ? { loadProfile: { ...lp } } : {}) };
    this.profile = customizeProfile(base, { address: spec.address, dataBlock: renderDataBlock(spec.style, this.state), ...(programming ? { programming } : {}) });
    this.update(now);
  }

  get address(): string {
    return this.spec.address;
  }

  /** The values as of the last update. */
  get values(): Readonly<MeterState> {
    return this.state;
  }

  /** Brings the registers to simulated time `now` (earlier times are ignored: registers never run backwards). */
  update(now: number): void {
    const previous = this.state;
    if (now < previous.at) return;
    const powerKw = powerAt(this.spec, now);
    const importKwh = previous.importKwh + energyBetween(this.spec, previous.at, now);
    const max = powerKw > previous.maxKw;
    this.state = { ...previous, at: now, importKwh, powerKw, maxKw: max ? powerKw : previous.maxKw, maxAt: max ? now : previous.maxAt };
    this.profile.dataBlock = renderDataBlock(this.spec.style, this.state);
    const loadProfile = this.profile.programming?.loadProfile;
    // The load profile's last row ends at the latest quarter hour, so P.01 reads cover the simulated day just gone.
    if (loadProfile) this.updateLoadProfile(loadProfile, now);
  }

  /**
   * The P.01 profile covers the day just gone: its last row ends at the latest interval boundary, and the first
   * channel (1.5.0, kW) holds the mean power of each interval from the same power curve as the registers.
   */
  private updateLoadProfile(spec: LoadProfileSpec, now: number): void {
    const interval = spec.intervalMinutes * 60_000;
    const first = Math.floor(now / interval) * interval - (spec.rows - 1) * interval;
    const start = stamp(first);
    if (start === spec.start) return;
    spec.start = start;
    const meanKw = Array.from({ length: spec.rows }, (_, row) => (energyBetween(this.spec, first + (row - 1) * interval, first + row * interval) * 3_600_000) / interval);
    spec.channels = spec.channels.map((channel, index) => (index === 0 ? { ...channel, values: meanKw } : channel));
  }
}
