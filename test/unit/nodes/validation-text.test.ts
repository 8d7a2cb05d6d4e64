import assert from 'node:assert/strict';
import { chooseAction, resolveArgs } from '../../../nodes/lib/ams-device-args';
import type { AmsDeviceDef } from '../../../nodes/lib/ams-device-def';
import { settingsFromDef as configSettings, type SmartcomConfigDef } from '../../../nodes/lib/config-def';
import { settingsFromDef as iecSettings, type IecReadDef } from '../../../nodes/lib/iec-read-def';
import { planRead } from '../../../nodes/lib/iec-read-msg';
import { MeterError } from '../../../src/errors';
import { catalog } from '../../helpers/catalog';

const LIMITS = { minMs: 1000, maxMs: 60000 };
const IEC: IecReadDef = { id: 'n1', type: 'iec62056-read', path: 'direct', transport: 'tcp', host: '127.0.0.1', port: 2424 };
const CONFIG: SmartcomConfigDef = { id: 'c', type: 'smartcom-config', transport: 'tcp', host: 'gw', port: '23' };
const AMS: AmsDeviceDef = { id: 'a', type: 'ams-device', connection: 'cfg', action: 'status' };
const noTypedInputs = (): Promise<unknown> => Promise.reject(new Error('no typed input in these tests'));

/** The MeterError `run` throws (synchronously or as a rejection). */
async function refusal(run: () => unknown): Promise<MeterError> {
  try {
    await run();
  } catch (error) {
    assert.ok(error instanceof MeterError, `expected a MeterError, got ${String(error)}`);
    return error;
  }
  throw new Error('expected a refusal');
}

/**
 * The nodes' own input checks are worded from their catalogs: in English exactly as they always were (flows
 * and tests match on them), in German and Czech in that language. Code and details are the same in every language.
 */
describe('node input checks in the runtime language', function () {
  it('English: the texts are the ones the nodes always wrote', async function () {
    const iec = catalog('en-US', 'iec62056-read');
    const port = await refusal(() => iecSettings({ ...IEC, port: '0' }, iec));
    assert.equal(port.message, 'iec62056-read: port must be a whole number from 1 to 65535, not "0"');
    assert.equal(port.hint, 'Open the iec62056-read node and correct "port" (or the msg property that overrides it).');
    assert.equal((await refusal(() => iecSettings({ ...IEC, mode: 'F' }, iec))).message, 'iec62056-read: mode must be one of auto, A, B, C, D, E, not "F"');
    assert.equal((await refusal(() => iecSettings({ ...IEC, transport: 'udp' }, iec))).message, 'iec62056-read: transport must be "serial" or "tcp", not "udp"');
    assert.equal((await refusal(() => iecSettings({ ...IEC, host: '' }, iec))).message, 'iec62056-read: host is required for the direct path');

    const settings = iecSettings({ ...IEC, path: 'gateway', address: '1' }, iec);
    assert.equal((await refusal(() => planRead(settings, { path: 'mqtt' }, iec))).message, 'iec62056-read: msg.path must be "gateway" or "direct", not "mqtt"');
    assert.equal((await refusal(() => planRead(settings, { address: true }, iec))).message, 'iec62056-read: msg.address must be a string, not boolean');
    assert.equal((await refusal(() => planRead(settings, { filter: 7 }, iec))).message, 'iec62056-read: msg.filter must be an array of OBIS codes or a string listing them');
    assert.equal(
      (await refusal(() => planRead(settings, { registers: ['1.8.0'] }, iec))).message,
      'iec62056-read: msg.registers can only be read on the direct path (the gateway\'s DIRECT_READ returns the readout); use the filter to pick values from it',
    );
    assert.equal((await refusal(() => planRead(settings, { loadProfile: { from: '', to: '' } }, iec))).message, 'iec62056-read: msg.loadProfile can only be read on the direct path (the gateway\'s DIRECT_READ returns the readout)');
    assert.equal((await refusal(() => planRead(settings, { loadProfile: 5 }, iec))).message, 'iec62056-read: msg.loadProfile must be { from, to } with ZYYMMDDhhmm strings (either may be empty), or false');

    const config = catalog('en-US', 'smartcom-config');
    const host = await refusal(() => configSettings({ ...CONFIG, host: ' ' }, LIMITS, config));
    assert.equal(host.message, 'smartcom-config: host is required for a TCP connection');
    assert.equal(host.hint, 'Open the smartcom-config node and correct "host".');
    assert.equal((await refusal(() => configSettings({ ...CONFIG, queueSize: 0 }, LIMITS, config))).message, 'smartcom-config: queueSize must be a whole number from 1 to 100000, not "0"');
    assert.equal((await refusal(() => configSettings({ ...CONFIG, commandTimeout: 'soon' }, LIMITS, config))).message, 'smartcom-config: commandTimeout must be a positive number of seconds, not "soon"');
    assert.equal((await refusal(() => configSettings({ ...CONFIG, transport: 'usb' }, LIMITS, config))).message, 'smartcom-config: transport must be "tcp" or "serial", not "usb"');
    assert.equal((await refusal(() => configSettings({ ...CONFIG, transport: 'serial', serialPath: '' }, LIMITS, config))).message, 'smartcom-config: serialPath is required for a serial connection');
    assert.equal((await refusal(() => configSettings({ ...CONFIG, transport: 'serial', serialPath: '/dev/ttyS0', parity: 'mark' }, LIMITS, config))).message, 'smartcom-config: parity must be none, even or odd, not "mark"');

    const ams = catalog('en-US', 'ams-device');
    assert.equal(
      (await refusal(() => chooseAction(AMS, { action: 'reboot' }, ams))).message,
      'msg.action: must be one of status, capabilities, enable, disable, retry, add, remove, clear, interval, sync, port-get, port-set, got "reboot"',
    );
    assert.equal((await refusal(() => resolveArgs('sync', AMS, { payload: [], dryRun: 'yes' }, noTypedInputs, ams))).message, 'msg.dryRun: must be true or false, got "yes"');
    assert.equal(
      (await refusal(() => resolveArgs('port-set', AMS, { payload: { port: 2, baudrate: 9600 } }, noTypedInputs, ams))).message,
      'msg.payload.baudrate: is not a port setting; use port, baudRate, dataBits, stopBits, parity, apply',
    );
  });

  it('German: a bad port is refused in German, with the same code and details', async function () {
    const error = await refusal(() => iecSettings({ ...IEC, port: '0' }, catalog('de', 'iec62056-read')));
    assert.equal(error.code, 'E_BAD_ARGUMENT');
    assert.deepEqual(error.details, { property: 'port' });
    assert.equal(error.message, 'iec62056-read: port muss eine ganze Zahl von 1 bis 65535 sein, nicht „0“');
    assert.equal(error.hint, 'Öffnen Sie den Knoten iec62056-read und korrigieren Sie „port“ (oder die msg-Eigenschaft, die diese Einstellung überschreibt).');

    const config = await refusal(() => configSettings({ ...CONFIG, port: 70000 }, LIMITS, catalog('de', 'smartcom-config')));
    assert.equal(config.message, 'smartcom-config: port muss eine ganze Zahl von 1 bis 65535 sein, nicht „70000“');
    assert.equal(config.hint, 'Öffnen Sie den Knoten smartcom-config und korrigieren Sie „port“.');
  });

  it('Czech: an unknown msg.action is refused in Czech, with the same code and details', async function () {
    const error = await refusal(() => chooseAction(AMS, { action: 'reboot' }, catalog('cs', 'ams-device')));
    assert.equal(error.code, 'E_BAD_ARGUMENT');
    assert.deepEqual(error.details, { field: 'msg.action', value: 'reboot' });
    assert.match(error.message, /^msg\.action: musí být jedna z hodnot status, .*, port-set, obdrženo: "reboot"$/);
  });
});
