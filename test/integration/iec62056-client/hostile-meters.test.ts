import assert from 'node:assert/strict';
import { expectMeterError } from '../../helpers/meter-error';
import { Iec62056Client, sessionBound, type SessionBoundOptions, type SessionKind } from '../../../src/iec62056/client';
import { createMemoryLinkPair } from '../../../src/transport/memory';
import { HostileMeter, type Hostility } from './hostile-meter';

/**
 * Every wait of the client is bounded: against meters that never stop sending (and never send what is due) a
 * session ends with a coded error, within sessionBound(options). The line is declared to run at 9600 Bd so the
 * bounds are seconds, not minutes; the wall-clock check has a generous margin (a busy machine is slow, never fast).
 */
const BOUNDED: SessionBoundOptions = {
  reactionTimeMs: 0, maxReactionTimeMs: 300, charTimeoutMs: 300, retries: 0, retryPauseMs: 0,
  fixedBaudRate: 9600, maxAnswerBytes: 1024, maxPartialBlocks: 4, listenTimeoutMs: 1000,
};
const MARGIN_MS = 3000;

interface Outcome {
  elapsedMs: number;
  boundMs: number;
}

async function against<T>(hostility: Hostility, options: SessionBoundOptions, kind: SessionKind, session: (client: Iec62056Client) => Promise<T>) {
  const [clientEnd, meterEnd] = createMemoryLinkPair('hostile');
  await clientEnd.open();
  await meterEnd.open();
  const meter = new HostileMeter(meterEnd, hostility);
  const client = new Iec62056Client(clientEnd, options);
  const started = performance.now();
  const boundMs = sessionBound(options, kind);
  const settled = session(client).finally(() => {
    meter.stop();
    void clientEnd.close();
  });
  const outcome = (): Outcome => ({ elapsedMs: performance.now() - started, boundMs });
  return { settled, outcome };
}

function assertWithinBound({ elapsedMs, boundMs }: Outcome): void {
  assert.ok(elapsedMs <= boundMs + MARGIN_MS, `took ${Math.round(elapsedMs)} ms, bound ${boundMs} ms`);
}

describe('Iec62056Client against hostile meters (memory link): every session ends, coded, within its bound', function () {
  // On the old client these sessions never ended: the mocha time-out is what failed them.
  this.timeout(30_000);

  it('a push (mode D) meter read in automatic mode is recognised by its second identification line and read as mode D', async () => {
    const options = { ...BOUNDED, mode: 'auto' as const };
    const { settled, outcome } = await against({ kind: 'push', intervalMs: 150 }, options, 'readout', (client) => client.readout());
    const result = await settled;
    assertWithinBound(outcome());
    assert.equal(result.mode, 'D');
    assert.equal(result.bcc, undefined);
    assert.equal(result.identification.manufacturer, 'EBZ');
    assert.equal(result.raw.subarray(0, 5).toString('latin1'), '/EBZ5');
    assert.ok(result.readout.dataSets.length > 0);
    assert.equal(result.baudRate, 9600, 'the declared line speed (fixedBaudRate)');
  });

  for (const mode of ['A', 'C'] as const) {
    it(`a push meter read in mode ${mode} fails with 65543 and a mode D hint, without retrying`, async () => {
      const options = { ...BOUNDED, mode, retries: 2 };
      const { settled, outcome } = await against({ kind: 'push', intervalMs: 150 }, options, 'readout', (client) => client.readout());
      const error = await expectMeterError(settled, 65543);
      assertWithinBound(outcome());
      assert.match(error.message, /push/);
      assert.match(error.hint ?? '', /mode D/);
      assert.equal(error.details.attempts, 1);
    });
  }

  it('a meter that trickles one character per second after STX fails with 65543 at the data deadline, saying what came', async () => {
    // One byte a second is within ta (1500 ms): only the phase deadline, fixed when the data phase starts, ends it.
    const options = { ...BOUNDED, mode: 'C' as const, charTimeoutMs: 1500 };
    const { settled, outcome } = await against({ kind: 'trickle', everyMs: 1000 }, options, 'readout', (client) => client.readout());
    const error = await expectMeterError(settled, 65543);
    assertWithinBound(outcome());
    assert.match(error.message, /bytes came, the last \d+ in a message that never ended/);
  });

  it('a readout that comes in partial blocks forever fails with 66050 after maxPartialBlocks', async () => {
    const options = { ...BOUNDED, mode: 'C' as const };
    const { settled, outcome } = await against({ kind: 'endless-blocks' }, options, 'readout', (client) => client.readout());
    const error = await expectMeterError(settled, 66050);
    assertWithinBound(outcome());
    assert.equal(error.details.maxPartialBlocks, 4);
  });

  it('an R1 answer that comes in partial blocks forever fails with 66050 after maxPartialBlocks', async () => {
    const options = { ...BOUNDED, password: '00000000', registers: ['1.8.0'] };
    const { settled, outcome } = await against({ kind: 'endless-blocks' }, options, 'program', (client) => client.program(options));
    await expectMeterError(settled, 66050);
    assertWithinBound(outcome());
  });

  it('a data block without ETX that keeps coming fails with 66050 once it passes maxAnswerBytes', async () => {
    const options = { ...BOUNDED, mode: 'C' as const };
    const { settled, outcome } = await against({ kind: 'no-etx', chunkBytes: 8192, everyMs: 5 }, options, 'readout', (client) => client.readout());
    const error = await expectMeterError(settled, 66050);
    assertWithinBound(outcome());
    assert.match(error.message, /maxAnswerBytes \(1024\)/);
  });

  it('20 MB without an ETX is reported as what it is (bytes, no ETX), not as "no data"', async () => {
    const options = { ...BOUNDED, mode: 'C' as const, maxAnswerBytes: undefined, charTimeoutMs: 1500 };
    const hostility: Hostility = { kind: 'no-etx', chunkBytes: 1 << 20, everyMs: 20, totalBytes: 20 << 20 };
    const { settled, outcome } = await against(hostility, options, 'readout', (client) => client.readout());
    const error = await settled.then(() => assert.fail('expected an error'), (e: unknown) => e as { code: unknown; message: string });
    assertWithinBound(outcome());
    assert.equal(error.code, 66050, error.message);
    assert.doesNotMatch(error.message, /no data/);
    assert.match(error.message, /\d+ bytes came/);
  });

  it('a meter that answers the request with an ACK storm fails with 65541 like a silent one, not later', async () => {
    const options = { ...BOUNDED, mode: 'C' as const };
    const { settled, outcome } = await against({ kind: 'ack-storm', everyMs: 50 }, options, 'readout', (client) => client.readout());
    await expectMeterError(settled, 65541);
    assertWithinBound(outcome());
    // The ACKs do not move the identification's start deadline (tr max, 300 ms here): far below the session bound.
    assert.ok(outcome().elapsedMs < 300 + MARGIN_MS);
  });

  it('NAKs every 400 ms after a partial block in programming mode fail with 65546: NAKs do not restart the wait', async () => {
    const options = { ...BOUNDED, maxReactionTimeMs: 1000, password: '00000000', registers: ['1.8.0'] };
    const { settled, outcome } = await against({ kind: 'nak-storm', everyMs: 400 }, options, 'program', (client) => client.program(options));
    await expectMeterError(settled, 65546);
    assertWithinBound(outcome());
  });

  it('listen() over a link whose speed is unknown reports baudRate null; a declared speed is reported as given', async () => {
    const unknown = await against({ kind: 'push', intervalMs: 150 }, { ...BOUNDED, fixedBaudRate: undefined }, 'listen', (client) => client.listen());
    assert.equal((await unknown.settled).baudRate, null);
    const declared = await against({ kind: 'push', intervalMs: 150 }, { ...BOUNDED, fixedBaudRate: undefined }, 'listen', (client) => client.listen({ baudRate: 9600 }));
    assert.equal((await declared.settled).baudRate, 9600);
  });
});
