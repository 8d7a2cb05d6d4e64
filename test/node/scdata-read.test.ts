import assert from 'node:assert/strict';
import type { StoredRecord } from '../../src/smartcom/stored-record';
import { range, storeRecords } from '../integration/scdata-drain/helpers';
import { collect, deployed, diskLikeStore, loadContextStores, nextError, scdataFlow, SCDATA_MODULES } from './fixtures/scdata-flow';
import { inLanguage } from './fixtures/runtime-language';
import { helper, useSimulatorPerTest } from './fixtures/setup';
import { waitFor } from './fixtures/wait';

const sequences = (messages: Record<string, unknown>[]): number[] => messages.map((msg) => (msg.payload as StoredRecord).sequence ?? -1);
const deletedSeqs = (env: { sim: { deletedRecords: readonly { record: { seq: number } }[] } }): number[] => env.sim.deletedRecords.map((d) => d.record.seq);

describe('scdata-read node', function () {
  const env = useSimulatorPerTest();

  it('answers count, space, oldest n, filtered and delete-oldest n, chosen by msg.action', async function () {
    storeRecords(env.sim, 4);
    await helper.load(SCDATA_MODULES, scdataFlow(env.port, { action: 'count', recordType: 'AMS' }));
    const out = collect(deployed('h1'));
    const n1 = deployed('n1');
    for (const msg of [{}, { action: 'space' }, { action: 'oldest', count: 2 }, { action: 'filtered', filter: 'SEQ>3' }, { action: 'delete-oldest', count: 1 }]) n1.receive(msg);
    await waitFor(() => out.length === 5, 'five answers');
    assert.deepEqual(out.map((msg) => msg.action), ['count', 'space', 'oldest', 'filtered', 'delete-oldest']);
    assert.equal(out[0].payload, 4);
    assert.equal(out[1].payload, (1000 - 4) * 512);
    assert.deepEqual((out[2].payload as StoredRecord[]).map((r) => r.sequence), [1, 2]);
    assert.deepEqual((out[3].payload as StoredRecord[]).map((r) => r.sequence), [4]);
    assert.deepEqual(out[4].payload, { deleted: 1 });
    assert.deepEqual(env.sim.records().map((r) => r.seq), [2, 3, 4]);
    assert.ok(env.sim.commandLog.some((entry) => entry.line === 'AT^SCDATA="GET_FILTERED","RECORD_TYPE=AMS;SEQ>3"'));
  });

  it('reads n of oldest from its typed input (msg here); msg.count still wins', async function () {
    storeRecords(env.sim, 4);
    await helper.load(SCDATA_MODULES, scdataFlow(env.port, { action: 'oldest', count: 'n', countType: 'msg' }));
    const out = collect(deployed('h1'));
    deployed('n1').receive({ n: 3 });
    deployed('n1').receive({ n: 3, count: 1 });
    await waitFor(() => out.length === 2, 'two answers');
    assert.deepEqual((out[0].payload as StoredRecord[]).map((r) => r.sequence), [1, 2, 3]);
    assert.deepEqual((out[1].payload as StoredRecord[]).map((r) => r.sequence), [1]);
  });

  it('takes msg.action in any case, with spaces around it, and refuses an unknown one (E_BAD_ARGUMENT) sending nothing', async function () {
    storeRecords(env.sim, 2);
    await helper.load(SCDATA_MODULES, scdataFlow(env.port, { action: 'count' }));
    const out = collect(deployed('h1'));
    deployed('n1').receive({ action: ' SPACE ' });
    deployed('n1').receive({ action: 'Oldest', count: 1 });
    await waitFor(() => out.length === 2, 'two answers');
    assert.deepEqual(out.map((msg) => msg.action), ['space', 'oldest']);
    assert.deepEqual((out[1].payload as StoredRecord[]).map((r) => r.sequence), [1]);
    const sent = env.sim.commandLog.length;
    const error = nextError(deployed('n1'));
    deployed('n1').receive({ action: 'delete' });
    const refused = await error;
    assert.match(String(refused?.message), /msg\.action must be one of .*"delete"/);
    assert.equal((refused as { code?: unknown } | undefined)?.code, 'E_BAD_ARGUMENT');
    assert.equal(env.sim.commandLog.length, sent, 'nothing was sent for the unknown action');
    assert.equal(env.sim.records().length, 2);
  });

  it('refuses delete-all without "allow delete all" (E_BAD_ARGUMENT) and writes nothing', async function () {
    storeRecords(env.sim, 3);
    await helper.load(SCDATA_MODULES, scdataFlow(env.port, { action: 'delete-all', allowDeleteAll: false }));
    const error = nextError(deployed('n1'));
    deployed('n1').receive({});
    // The text comes from the node's catalog; the test helper's RED._ returns the key itself.
    assert.match(String((await error)?.message), /scdata-read\.error\.delete-all/);
    assert.ok(!env.sim.commandLog.some((entry) => /SCDATA/i.test(entry.line)), 'no AT^SCDATA command was sent');
    assert.equal(env.sim.records().length, 3);
  });

  it('deletes everything with delete-all when allowed', async function () {
    storeRecords(env.sim, 3);
    await helper.load(SCDATA_MODULES, scdataFlow(env.port, { action: 'delete-all', allowDeleteAll: true }));
    const out = collect(deployed('h1'));
    deployed('n1').receive({});
    await waitFor(() => out.length === 1, 'the answer');
    assert.equal(env.sim.records().length, 0);
  });

  it('drains one message per record (topic = meter identification) and deletes what it sent', async function () {
    storeRecords(env.sim, 12);
    env.sim.storeRecord({ protocol: 'AIN_DIN', index: 3, errorCode: 0, identification: '', data: '131' });
    await helper.load(SCDATA_MODULES, scdataFlow(env.port));
    const out = collect(deployed('h1'));
    deployed('n1').receive({ action: 'drain' });
    await waitFor(() => env.sim.records().length === 0 && out.length === 13, 'drained');
    assert.deepEqual(sequences(out), range(1, 13));
    assert.deepEqual(out.map((msg) => msg.topic).slice(-2), ['ZE310.iv30_012', 'index/3']);
    assert.equal(out[0].key, (out[0].payload as StoredRecord).key);
    assert.deepEqual(deletedSeqs(env), range(1, 13));
  });

  it('sends one message per round in batch mode', async function () {
    storeRecords(env.sim, 7);
    await helper.load(SCDATA_MODULES, scdataFlow(env.port, { output: 'batch' }));
    const out = collect(deployed('h1'));
    deployed('n1').receive({});
    await waitFor(() => env.sim.records().length === 0 && out.length === 2, 'drained in two rounds');
    assert.deepEqual(out.map((msg) => (msg.payload as StoredRecord[]).length), [5, 2]);
    assert.equal(out[0].topic, 'scdata/batch');
  });

  it('acknowledged delivery: a flow that acknowledges only some keys leaves exactly the unacknowledged records on the gateway', async function () {
    storeRecords(env.sim, 10);
    // The text is the en-US catalog's (the helper alone would show the key): the same words as ever.
    await helper.load(inLanguage('en-US', SCDATA_MODULES), scdataFlow(env.port, { ackMode: true, ackTimeout: 1, batchSize: 10 }));
    const n1 = deployed('n1');
    // The "database" stores records 1-6 and reports completion for them only (msg.ack comes back).
    deployed('h1').on('input', (msg: Record<string, unknown>) => {
      if (((msg.payload as StoredRecord).sequence ?? 0) <= 6) setImmediate(() => n1.receive({ ack: msg.ack }));
    });
    const error = nextError(n1);
    n1.receive({});
    const failure = await error;
    assert.match(String(failure?.message), /4 record\(s\) were not acknowledged within 1 s; they stay on the gateway/);
    assert.deepEqual(env.sim.records().map((r) => r.seq), range(7, 10));
    assert.deepEqual(deletedSeqs(env), range(1, 6));
  });

  it('a restart between send and delete, with a persistent checkpoint: no record is sent twice', async function () {
    storeRecords(env.sim, 8);
    const disk = diskLikeStore();
    helper.settings({ contextStorage: { disk: { module: disk.module } } });
    const flow = scdataFlow(env.port, { checkpoint: true, checkpointStore: 'disk' });
    await helper.load(SCDATA_MODULES, flow);
    await loadContextStores();
    const before = collect(deployed('h1'));
    // Sent, then the process "dies" before the delete: the confirm of the first round never succeeds.
    env.sim.failCommand(/GET_SPACE/i, { times: 1 });
    const crash = nextError(deployed('n1'));
    deployed('n1').receive({});
    await crash;
    assert.deepEqual(sequences(before), range(1, 5));
    assert.equal(env.sim.records().length, 8, 'nothing deleted yet');
    assert.equal((disk.data.get([...disk.data.keys()].find((k) => k.endsWith('/scdataDrainCheckpoint')) ?? '') as { keys: string[] }).keys.length, 5, 'the sent keys are on "disk"');

    await helper.unload();
    await helper.load(SCDATA_MODULES, flow);
    await loadContextStores();
    const after = collect(deployed('h1'));
    deployed('n1').receive({});
    await waitFor(() => env.sim.records().length === 0, 'drained after the restart');
    assert.deepEqual(sequences(after), range(6, 8), 'records 1-5 were not sent again');
    assert.deepEqual(deletedSeqs(env), range(1, 8));
  });

  it('msg.stop ends a running drain after the current round', async function () {
    storeRecords(env.sim, 30);
    await helper.load(SCDATA_MODULES, scdataFlow(env.port));
    const out = collect(deployed('h1'));
    const n1 = deployed('n1');
    let stopped = false;
    deployed('h1').on('input', () => {
      if (!stopped) n1.receive({ stop: true });
      stopped = true;
    });
    n1.receive({});
    await waitFor(() => env.sim.deletedRecords.length > 0, 'one round deleted');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.ok(out.length < 30, `stopped early (${out.length} sent)`);
    assert.equal(env.sim.deletedRecords.length, out.length, 'what was sent was deleted, nothing else');
  });

  it('drains automatically when the stored count reaches the threshold, and warns when space runs low', async function () {
    storeRecords(env.sim, 6);
    await helper.load(SCDATA_MODULES, scdataFlow(env.port, { autoThreshold: 5, pollInterval: 1, lowSpace: 10_000_000 }));
    const out = collect(deployed('h1'));
    await waitFor(() => env.sim.records().length === 0 && out.length === 6, 'the automatic drain');
    const warnings = (deployed('n1') as unknown as { warn: { getCalls(): { thisValue: unknown; args: unknown[] }[] } }).warn.getCalls();
    assert.ok(warnings.some((call) => call.thisValue === deployed('n1') && String(call.args[0]).includes('low-space-warning')), 'one low-space warning');
  });
});
