import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import type { FlowNode } from 'node-red-node-test-helper';
import { storeRecords } from '../integration/scdata-drain/helpers';
import { configNode } from './fixtures/flows';
import { inLanguage } from './fixtures/runtime-language';
import { CATCH, collect, deployed, nextCaught, scdataFlow, SCDATA_MODULES, withCatch } from './fixtures/scdata-flow';
import { helper, useSimulatorPerTest } from './fixtures/setup';
import { lastStatus, waitFor } from './fixtures/wait';

const ERROR_LEVEL = 20; // Node-RED's log.ERROR

/** What the runtime logged at error level for node `id`. */
function loggedErrors(id: string): unknown[] {
  return helper
    .log()
    .args.map((args) => args[0] as { level?: number; id?: string; msg?: unknown })
    .filter((entry) => entry.level === ERROR_LEVEL && entry.id === id)
    .map((entry) => entry.msg);
}

/**
 * The scdata-read errors no answer goes with reach a Catch node: a message into a node without a gateway
 * (E_NOT_CONNECTED, like ams-device), and failures of the automatic drain and poll (a fresh message with
 * msg.auto). A requested drain's failure still goes with its input message.
 */
describe('scdata-read node: errors for a Catch node', function () {
  // The waits below are bounds (30 s), above the suite's default timeout; none measures time.
  this.timeout(60_000);
  const env = useSimulatorPerTest();

  describe('without a gateway', function () {
    const variants: { name: string; flow: (port: number) => FlowNode[] }[] = [
      { name: 'none chosen', flow: (port) => scdataFlow(port, { connection: '' }) },
      { name: 'the chosen one is gone', flow: (port) => scdataFlow(port, { connection: 'gone' }) },
      { name: 'the chosen one is disabled', flow: (port) => scdataFlow(port).map((node) => (node.id === 'cfg' ? configNode('cfg', { port, d: true }) : node)) },
    ];
    for (const variant of variants) {
      it(`${variant.name}: each message reaches the Catch node with E_NOT_CONNECTED, nothing is sent, the status is red`, async function () {
        storeRecords(env.sim, 2);
        await helper.load([...SCDATA_MODULES, CATCH], withCatch(variant.flow(env.port)));
        const out = collect(deployed('h1'));
        for (const topic of ['first', 'second']) {
          const caught = nextCaught(`the error for the ${topic} message`);
          deployed('n1').receive({ topic, action: 'count' });
          const msg = await caught;
          assert.equal(msg.error.code, 'E_NOT_CONNECTED');
          assert.equal(msg.error.source.id, 'n1');
          assert.equal(msg.topic, topic, 'the input message goes to the Catch node');
          // The helper's RED._ returns the key itself: the problem, the code, then what to do.
          assert.match(msg.error.message, /^MeterError: scdata-read\.error\.no-config \[E_NOT_CONNECTED\] scdata-read\.error\.no-config-hint$/);
        }
        assert.equal(out.length, 0, 'nothing was sent');
        assert.equal(lastStatus(deployed('n1')), 'scdata-read.status.no-config');
        assert.equal(env.sim.commandLog.filter((entry) => /SCDATA/i.test(entry.line)).length, 0, 'no command reached the gateway');
      });
    }

    it('in English and in German, with the catalog\'s words', async function () {
      await helper.load([...inLanguage('en-US', SCDATA_MODULES), CATCH], withCatch(scdataFlow(env.port, { connection: '' })));
      let caught = nextCaught('the English error');
      deployed('n1').receive({});
      assert.equal(
        (await caught).error.message,
        'MeterError: no smartcom-config node is selected (or it is disabled) [E_NOT_CONNECTED] Open the scdata-read node and choose the gateway (a smartcom-config node).',
      );
      await helper.unload();

      await helper.load([...inLanguage('de', SCDATA_MODULES), CATCH], withCatch(scdataFlow(env.port, { connection: '' })));
      caught = nextCaught('the German error');
      deployed('n1').receive({});
      const german = await caught;
      assert.equal(german.error.code, 'E_NOT_CONNECTED');
      assert.match(german.error.message, /^MeterError: Es besteht keine offene Verbindung \(E_NOT_CONNECTED\)\. Abhilfe: /);
      assert.match(german.error.message, / — Details: kein smartcom-config-Knoten gewählt \(oder er ist deaktiviert\) \(Den scdata-read-Knoten öffnen und das Gateway \(einen smartcom-config-Knoten\) wählen\.\)$/);
      assert.equal(lastStatus(deployed('n1')), 'kein Gateway');
    });
  });

  describe('automatic drain and poll', function () {
    it('a failed automatic drain reaches the Catch node with msg.auto, action drain and the code; the next one drains', async function () {
      storeRecords(env.sim, 3);
      // The first round's read is refused (ERROR): the drain fails before anything is sent.
      env.sim.failCommand(/GET_OLDEST/i, { times: 1 });
      await helper.load([...SCDATA_MODULES, CATCH], withCatch(scdataFlow(env.port, { autoInterval: 1, pollInterval: 0 })));
      const out = collect(deployed('h1'));
      const msg = await nextCaught('the automatic drain\'s failure');
      assert.equal(msg.auto, true);
      assert.equal(msg.action, 'drain');
      assert.equal(msg.topic, 'scdata/auto');
      assert.equal(msg.payload, undefined, 'a message of its own, with no payload');
      assert.equal(msg.error.code, 'E_AT_ERROR');
      assert.equal(msg.error.source.id, 'n1');
      assert.match(msg.error.message, /^MeterError: .+ \(E_AT_ERROR\)$/, 'the line the log always had');
      await waitFor(() => env.sim.records().length === 0 && out.length === 3, 'the next automatic drain', 30_000);
    });

    it('a failed poll of the stored count reaches the Catch node with msg.auto and action count', async function () {
      storeRecords(env.sim, 3);
      // The poll at deploy (MESS_CNT and GET_SPACE in one lease) is refused.
      env.sim.failCommand(/MESS_CNT/i, { times: 1 });
      await helper.load([...SCDATA_MODULES, CATCH], withCatch(scdataFlow(env.port, { autoThreshold: 100, pollInterval: 60 })));
      const msg = await nextCaught('the poll\'s failure');
      assert.deepEqual({ auto: msg.auto, action: msg.action, topic: msg.topic, code: msg.error.code }, { auto: true, action: 'count', topic: 'scdata/auto', code: 'E_AT_ERROR' });
    });

    it('without a Catch node a failed automatic drain is logged, as before', async function () {
      storeRecords(env.sim, 3);
      env.sim.failCommand(/GET_OLDEST/i, { times: 1 });
      await helper.load(SCDATA_MODULES, scdataFlow(env.port, { autoInterval: 1, pollInterval: 0 }));
      // The entry's msg is the error object; once an earlier test started the helper's server, the editor's log
      // handler has replaced it in place with its encoded form (a JSON string with name, message and code).
      const text = (entry: unknown): string => (entry instanceof Error ? `${String(entry)} code=${String((entry as Error & { code?: unknown }).code)}` : String(entry));
      const isFailure = (entry: unknown): boolean => /MeterError/.test(text(entry)) && /GET_OLDEST.* with ERROR \(E_AT_ERROR\)/.test(text(entry));
      await waitFor(() => loggedErrors('n1').some(isFailure), 'the logged failure', 30_000).catch((error: unknown) => {
        throw new Error(`${String(error)}; logged for n1: ${inspect(loggedErrors('n1'))}`);
      });
      assert.match(text(loggedErrors('n1').find(isFailure)), /code[=":]+E_AT_ERROR/, 'the line the log always had, with the code');
    });

    it('a requested drain\'s failure still goes with its input message (no msg.auto), and is not logged twice', async function () {
      storeRecords(env.sim, 3);
      env.sim.failCommand(/GET_OLDEST/i, { times: 1 });
      await helper.load([...SCDATA_MODULES, CATCH], withCatch(scdataFlow(env.port, { pollInterval: 0 })));
      const caught = nextCaught('the requested drain\'s failure');
      deployed('n1').receive({ topic: 'kept' });
      const msg = await caught;
      assert.equal(msg.topic, 'kept');
      assert.equal(msg.auto, undefined);
      assert.equal(msg.action, undefined, 'the input message as it came');
      assert.equal(msg.error.code, 'E_AT_ERROR');
      assert.doesNotMatch(msg.error.message, /\(E_AT_ERROR\)$/, 'the message is the error\'s own, as before');
      assert.deepEqual(loggedErrors('n1'), [], 'a Catch node took it, so Node-RED did not log it');
    });
  });
});
