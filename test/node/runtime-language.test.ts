import assert from 'node:assert/strict';
import type { FlowNode } from 'node-red-node-test-helper';
import amsDevice from '../../nodes/ams-device';
import iecRead from '../../nodes/iec62056-read';
import smartcomConfig from '../../nodes/smartcom-config';
import type { NodeStatus } from '../../nodes/lib/red';
import { createSimulatedMeterReader } from '../../src/sim/ams-meter-reader';
import { meterProfile } from '../../src/sim/meter';
import type { SmartcomSimulator } from '../../src/sim/smartcom/simulator';
import { caughtCode, directTcp, FAST_IEC_RECONNECT, gatewayProps, node, readerFlow } from './fixtures/iec-read';
import { TAB } from './fixtures/flows';
import { inLanguage } from './fixtures/runtime-language';
import { coreNode, helper, initHelper, startSimulator } from './fixtures/setup';
import { waitFor } from './fixtures/wait';

const CATCH = coreNode('common/25-catch');

/**
 * In a German or Czech runtime the errors a flow sees are in that language: the translated summary of the
 * code and what to try lead, the library's English message follows as the detail. msg.error.code, and the
 * shape of msg.error a Catch node gets, are the same in every language.
 */
describe('error texts in the runtime\'s language', function () {
  let sim: SmartcomSimulator | undefined;

  before(initHelper);
  beforeEach(() => helper.settings(FAST_IEC_RECONNECT));
  afterEach(async () => {
    await helper.unload();
    await sim?.stop();
    sim = undefined;
  });

  /** iec62056-read through the simulated gateway, asking for a meter that does not answer (AMS code 65541). */
  async function readAbsentMeter(modules: unknown[]): Promise<Awaited<ReturnType<typeof caughtCode>>> {
    const started = await startSimulator({ directReadMs: 20, meterReader: createSimulatedMeterReader([{ address: '12345678', profile: meterProfile('modeC') }]) });
    sim = started.sim;
    const { reader, config } = gatewayProps(started.port, { address: '99999999' });
    await helper.load(modules, readerFlow(reader, [config]));
    return caughtCode();
  }

  it('German: the Catch node gets the German text of 65541 with the English detail, and the same code', async function () {
    const failure = await readAbsentMeter([...inLanguage('de', [iecRead, smartcomConfig]), CATCH]);
    assert.equal(failure.code, 65541);
    const error = failure.msg.error as Record<string, unknown>;
    assert.equal(error.code, 65541, 'msg.error.code is unchanged');
    // Node-RED writes err.toString() into msg.error.message, hence the `Error: ` in front.
    assert.match(failure.message, /^Error: IEC 62056-21: Zeitüberschreitung, die Identifikationsnachricht ist nicht angekommen \(65541\)\. /);
    assert.match(failure.message, / Abhilfe: Prüfen Sie Lage und Kabel des Lesekopfs, die Parität \(7E1\), die Geräteadresse und ob der Zähler eine Wecksequenz braucht\. /);
    assert.match(failure.message, / — Details: the gateway could not read the meter: IEC 62056-21: timeout, identification message did not arrive$/);
    assert.equal(failure.message.split('(65541)').length - 1, 1, 'the code is named once');
    const statuses = (node('r1') as unknown as { status: { getCalls(): { args: unknown[] }[] } }).status.getCalls().map((call) => call.args[0] as NodeStatus);
    assert.deepEqual(statuses.at(-1), { fill: 'red', shape: 'ring', text: 'Fehler 65541' }, 'the status is German too');
  });

  it('msg.error has the same properties in German as in English', async function () {
    const german = await readAbsentMeter([...inLanguage('de', [iecRead, smartcomConfig]), CATCH]);
    await helper.unload();
    await sim?.stop();
    const english = await readAbsentMeter([iecRead, smartcomConfig, CATCH]);
    assert.match(english.message, /^Error: the gateway could not read the meter: .* \(65541\)\. Try: /, 'English stays as it was');
    assert.equal(english.message.split('(65541)').length - 1, 1, 'the code is named once');
    assert.deepEqual(Object.keys(german.msg.error as object).sort(), Object.keys(english.msg.error as object).sort());
    assert.deepEqual((german.msg.error as { source: unknown }).source, (english.msg.error as { source: unknown }).source);
  });

  it('German: a bad port in the node is refused entirely in German (log, Catch, status), with code E_BAD_ARGUMENT', async function () {
    await helper.load([...inLanguage('de', [iecRead, smartcomConfig]), CATCH], readerFlow(directTcp(0)));
    const logged = (node('r1') as unknown as { error: { getCalls(): { args: unknown[] }[] } }).error.getCalls().map((call) => String(call.args[0]));
    const failure = await caughtCode();
    assert.equal(failure.code, 'E_BAD_ARGUMENT');
    const german =
      'Ungültige Einstellung oder Eingabe (E_BAD_ARGUMENT). ' +
      'Abhilfe: Korrigieren Sie die genannte Einstellung im Knoten oder die msg-Eigenschaft, die sie überschreibt. ' +
      '— Details: iec62056-read: port muss eine ganze Zahl von 1 bis 65535 sein, nicht „0“ ' +
      '(Öffnen Sie den Knoten iec62056-read und korrigieren Sie „port“ (oder die msg-Eigenschaft, die diese Einstellung überschreibt).)';
    assert.equal(failure.message, `Error: ${german}`);
    assert.deepEqual(logged, [german], 'the deploy-time log line is the same German text');
    const statuses = (node('r1') as unknown as { status: { getCalls(): { args: unknown[] }[] } }).status.getCalls().map((call) => call.args[0] as NodeStatus);
    assert.deepEqual(statuses.at(-1), { fill: 'red', shape: 'ring', text: 'Fehler E_BAD_ARGUMENT' });
  });

  it('English: the same bad port keeps its English text', async function () {
    await helper.load([...inLanguage('en-US', [iecRead, smartcomConfig]), CATCH], readerFlow(directTcp(0)));
    const failure = await caughtCode();
    assert.equal(failure.code, 'E_BAD_ARGUMENT');
    assert.equal(
      failure.message,
      'Error: iec62056-read: port must be a whole number from 1 to 65535, not "0" (E_BAD_ARGUMENT). Try: Open the iec62056-read node and correct "port" (or the msg property that overrides it).',
    );
  });

  it('Czech: an ams-device without a gateway fails with a Czech text and code E_NOT_CONNECTED', async function () {
    const flow: FlowNode[] = [
      { id: TAB, type: 'tab', label: 'test' },
      { id: 'n', type: 'ams-device', z: TAB, name: '', connection: 'missing', action: 'status', wires: [[]] },
      { id: 'c', type: 'catch', z: TAB, scope: null, uncaught: false, wires: [['caught']] },
      { id: 'caught', type: 'helper', z: TAB },
    ];
    await helper.load([...inLanguage('cs', [amsDevice, smartcomConfig]), CATCH], flow);
    const caught: Record<string, unknown>[] = [];
    node('caught').on('input', (msg: Record<string, unknown>) => caught.push(msg));
    node('n').receive({});
    await waitFor(() => caught.length === 1, 'the Catch node');
    const error = caught[0].error as { message: string; code: unknown };
    assert.equal(error.code, 'E_NOT_CONNECTED');
    assert.equal(
      error.message,
      'MeterError: Akce ams-device selhala: Není otevřeno žádné spojení (E_NOT_CONNECTED). ' +
        'Doporučení: Zkontrolujte, zda má uzel nastavené spojení a zda je zařízení dosažitelné. ' +
        '— podrobnosti: není vybrán uzel smartcom-config (nebo je vypnutý) (Otevřete uzel ams-device a vyberte připojení SmartCOM.)',
    );
  });
});
