/**
 * How much power a simulated household or workshop draws at a given simulated instant: a daily curve (low at
 * night, peaks in the morning and evening) plus a wobble of a few minutes and a little deterministic noise, so
 * a gauge visibly moves even when the clock runs at real speed. Pure functions of time: two readers asking at
 * the same instant get the same value, which is what keeps the gateway path and the direct path in agreement.
 */

const HOUR_MS = 3_600_000;

export interface PowerShape {
  /** Mean draw in kW. */
  baseKw: number;
  /** Phase of this meter's daily curve, in hours (so meters differ). */
  phaseHours: number;
}

/** A repeatable number in [0, 1) for an integer, for noise that never differs between two reads of one minute. */
function hash01(n: number): number {
  let x = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}

/** Instantaneous active power in kW at simulated time `at` (ms since the epoch); never negative. */
export function powerAt(shape: PowerShape, at: number): number {
  const hours = at / HOUR_MS + shape.phaseHours;
  const daily = 0.6 + 0.4 * Math.sin((2 * Math.PI * (hours - 9)) / 24) + 0.25 * Math.sin((2 * Math.PI * (hours - 7)) / 12);
  const wobble = 0.15 * Math.sin((2 * Math.PI * at) / (7 * 60_000));
  const noise = 0.1 * (hash01(Math.floor(at / 60_000) + Math.round(shape.phaseHours * 1000)) - 0.5);
  return Math.max(0.02, shape.baseKw * (daily + wobble + noise));
}

/**
 * Energy in kWh drawn between two instants: the power curve integrated in one-minute steps (the noise changes per
 * minute), so the register only ever grows and does not depend on how often anybody reads it.
 */
export function energyBetween(shape: PowerShape, from: number, to: number): number {
  const step = 60_000;
  let kwh = 0;
  for (let t = from; t < to; t += step) kwh += (powerAt(shape, t) * (Math.min(step, to - t) / HOUR_MS));
  return kwh;
}
