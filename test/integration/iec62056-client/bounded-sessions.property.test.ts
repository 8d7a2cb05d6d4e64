import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MeterError } from '../../../src/errors';
import { Iec62056Client, sessionBound, type ClientMode, type SessionBoundOptions, type SessionKind } from '../../../src/iec62056/client';
import { faultFromName, METER_FAULT_NAMES, type MeterFaults, MeterSimulator, meterProfile, meterProfileNames } from '../../../src/sim/meter';
import { createMemoryLinkPair } from '../../../src/transport/memory';

/**
 * Acceptance property: no read of any kind waits without a bound, with or without an abort signal from the caller.
 * Every session against the meter simulator (any profile, any faults, any client mode, push meters included) ends
 * with a result or a coded MeterError (never the E_TIMEOUT safety net: a phase deadline comes first), within
 * sessionBound(options). In memory and unpaced, with small time-outs; the wall-clock check has a wide margin.
 */
const MARGIN_MS = 2500;
const PUSH_INTERVAL_MS = 100;

interface Case {
  profile: string;
  faults: MeterFaults;
  kind: SessionKind;
  options: SessionBoundOptions;
  /** undefined: no signal; 'never': a signal that does not fire; a number: the caller aborts after that many ms. */
  abortAfterMs: undefined | 'never' | number;
}

function profileFor(name: string) {
  // Push meters push often, so that a session that reads them need not wait a second per telegram.
  return name === 'modeD' || name === 'dsmr' ? meterProfile(name, { push: { intervalMs: PUSH_INTERVAL_MS } }) : meterProfile(name);
}

async function runCase(c: Case): Promise<{ elapsedMs: number; boundMs: number; outcome: unknown }> {
  const profile = profileFor(c.profile);
  const simulator = new MeterSimulator(profile, { pacing: false, reactionTimeMs: 0, faults: c.faults });
  const [clientEnd, meterEnd] = createMemoryLinkPair('bounded');
  await clientEnd.open();
  await meterEnd.open();
  simulator.attach(meterEnd);
  const controller = c.abortAfterMs === undefined ? undefined : new AbortController();
  const abortTimer = typeof c.abortAfterMs === 'number' ? setTimeout(() => controller?.abort(), c.abortAfterMs) : undefined;
  const options: SessionBoundOptions = { ...c.options, address: profile.address, signal: controller?.signal };
  const client = new Iec62056Client(clientEnd);
  const boundMs = sessionBound(options, c.kind);
  const started = performance.now();
  try {
    const session = c.kind === 'program' ? client.program(options) : c.kind === 'listen' ? client.listen(options) : client.readout(options);
    const outcome = await session.catch((error: unknown) => error);
    return { elapsedMs: performance.now() - started, boundMs, outcome };
  } finally {
    clearTimeout(abortTimer);
    simulator.stop();
    await clientEnd.close();
  }
}

function assertBounded(c: Case, { elapsedMs, boundMs, outcome }: Awaited<ReturnType<typeof runCase>>): void {
  const what = `${c.kind} ${c.profile} ${JSON.stringify(c.faults)} ${JSON.stringify(c.options)} abort ${String(c.abortAfterMs)}`;
  if (outcome instanceof Error) {
    assert.ok(outcome instanceof MeterError, `${what}: not a MeterError: ${outcome.message}`);
    assert.notEqual(outcome.code, 'E_TIMEOUT', `${what}: only the safety net ended it: ${outcome.message}`);
  }
  assert.ok(elapsedMs <= boundMs + MARGIN_MS, `${what}: took ${Math.round(elapsedMs)} ms, bound ${boundMs} ms`);
}

const modeArb = fc.constantFrom<ClientMode>('auto', 'A', 'B', 'C', 'D', 'E');

const optionsArb: fc.Arbitrary<SessionBoundOptions> = fc.record({
  mode: modeArb,
  reactionTimeMs: fc.constant(0),
  retryPauseMs: fc.constant(0),
  retries: fc.integer({ min: 0, max: 1 }),
  maxReactionTimeMs: fc.integer({ min: 100, max: 400 }),
  charTimeoutMs: fc.integer({ min: 100, max: 400 }),
  listenTimeoutMs: fc.integer({ min: 200, max: 1200 }),
  maxAnswerBytes: fc.constantFrom(512, 4096, 16_384),
  maxPartialBlocks: fc.integer({ min: 1, max: 8 }),
  echo: fc.constantFrom('auto' as const, 'on' as const, 'off' as const),
  fixedBaudRate: fc.constantFrom(undefined, 9600),
  // Wake-up is slow (the NULs take their wire time): rarely.
  wakeUp: fc.constantFrom(false, false, false, false, { nulMs: 1400, pauseMs: 50 }),
}, { requiredKeys: ['mode', 'reactionTimeMs', 'retryPauseMs', 'retries', 'maxReactionTimeMs', 'charTimeoutMs', 'listenTimeoutMs', 'maxAnswerBytes', 'maxPartialBlocks', 'echo'] });

const faultsArb = fc.subarray([...METER_FAULT_NAMES], { maxLength: 2 }).map((names) => Object.assign({}, ...names.map(faultFromName)) as MeterFaults);

const caseArb: fc.Arbitrary<Case> = fc.record({
  profile: fc.constantFrom(...meterProfileNames()),
  faults: faultsArb,
  kind: fc.constantFrom<SessionKind>('readout', 'readout', 'program', 'listen'),
  options: optionsArb,
  abortAfterMs: fc.constantFrom<Case['abortAfterMs']>(undefined, undefined, 'never', 50, 400),
}).map((c) => (c.kind === 'program' ? { ...c, options: { ...c.options, password: '00000000', registers: ['1.8.0', '0.9.1'] } } : c));

describe('every session is bounded (property, meter simulator in memory)', function () {
  this.timeout(600_000);

  it('any profile, faults, client mode and abort signal: a result or a coded MeterError, within sessionBound(options)', async () => {
    await fc.assert(fc.asyncProperty(caseArb, async (c) => assertBounded(c, await runCase(c))), { numRuns: 60 });
  });

  for (const profile of ['modeD', 'dsmr']) {
    for (const mode of ['auto', 'A', 'B', 'C', 'D', 'E'] as const) {
      it(`a push meter (${profile}) read in mode ${mode} ends: auto and D read it as mode D, the others fail coded`, async () => {
        const c: Case = {
          profile, faults: {}, kind: 'readout', abortAfterMs: undefined,
          options: { mode, reactionTimeMs: 0, retryPauseMs: 0, maxReactionTimeMs: 300, charTimeoutMs: 300, listenTimeoutMs: 1000 },
        };
        const run = await runCase(c);
        assertBounded(c, run);
        if (mode === 'auto' || mode === 'D') {
          assert.ok(!(run.outcome instanceof Error), String(run.outcome));
          assert.equal((run.outcome as { mode: string }).mode, 'D');
        } else {
          assert.ok(run.outcome instanceof MeterError);
          // B: the `5` of a push meter's identification is no mode B letter; A, C, E: a second identification came.
          assert.equal(run.outcome.code, mode === 'B' ? 65539 : 65543, run.outcome.message);
        }
      });
    }
  }
});
