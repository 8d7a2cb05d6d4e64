import assert from 'node:assert/strict';
import { sendExpectingCatch, useAmsWorld } from './fixtures/ams-device';

const iec = (address: string, interval = '15M') => ({ port: 2, protocol: 'IEC62056-21', address, interval });

/** [what, ams-device properties, msg, what the message must name] */
const INVALID: [string, Record<string, unknown>, Record<string, unknown>, RegExp][] = [
  ['add with a bad interval', { action: 'add' }, { payload: { ...iec('A'), interval: '90M' } }, /interval/],
  ['add with an address holding "', { action: 'add' }, { payload: iec('A"B') }, /address/],
  ['add with an address holding a line break', { action: 'add' }, { payload: iec('A\r\nAT^SCAMS="DEV_CLEAR"') }, /address/],
  ['add on port 0', { action: 'add' }, { payload: { ...iec('A'), port: 0 } }, /port/],
  ['add with an unknown protocol', { action: 'add' }, { payload: { ...iec('A'), protocol: 'IEC62056' } }, /protocol/],
  ['add from the editor with a bad interval', { action: 'add', port: '2', portType: 'num', protocol: 'IEC62056-21', address: 'A', interval: '7M' }, {}, /interval/],
  ['sync with 33 entries', { action: 'sync' }, { payload: Array.from({ length: 33 }, (_, i) => iec(`M${i}`)) }, /33 entries/],
  ['sync with a duplicate', { action: 'sync' }, { payload: [iec('A'), iec('A', '1H')] }, /duplicates/],
  ['sync with a bad interval', { action: 'sync' }, { payload: [iec('A', '90M')] }, /wanted\[0\]\.interval/],
  ['sync with a quote in an address', { action: 'sync' }, { payload: [iec('"')] }, /address/],
  ['sync with port 0', { action: 'sync' }, { payload: [{ ...iec('A'), port: 0 }] }, /port/],
  ['sync with msg.dryRun that is not a boolean', { action: 'sync' }, { payload: [iec('A')], dryRun: 'yes' }, /dryRun/],
  ['interval with a bad interval', { action: 'interval' }, { payload: { index: 1, interval: '90M' } }, /interval/],
  ['interval at position 0', { action: 'interval' }, { payload: { index: 0, interval: '1H' } }, /index/],
  ['retry 10', { action: 'retry' }, { payload: 10 }, /retry/],
  ['remove at position 0', { action: 'remove' }, { payload: 0 }, /index/],
  ['remove by an address holding a line break', { action: 'remove' }, { payload: { address: 'A\nB' } }, /address/],
  ['port-get on port 0', { action: 'port-get' }, { payload: { port: 0 } }, /port/],
  ['port-set with parity mark', { action: 'port-set' }, { payload: { port: 2, parity: 'mark' } }, /parity/],
  ['port-set with 7 stop bits', { action: 'port-set' }, { payload: { port: 2, stopBits: 7 } }, /stopBits/],
  ['port-set with a misspelt field', { action: 'port-set' }, { payload: { port: 2, baudrate: 9600 } }, /baudrate/],
  ['port-set with nothing to set', { action: 'port-set' }, { payload: { port: 2 } }, /at least one/],
  ['port-set with an unknown apply', { action: 'port-set' }, { payload: { port: 2, baudRate: 9600, apply: 'reboot' } }, /apply/],
  ['clear without "allow clear"', { action: 'clear' }, {}, /allowClear/],
  ['clear asked by msg.action without "allow clear"', { action: 'status' }, { action: 'clear' }, /allowClear/],
  ['an unknown msg.action', { action: 'status' }, { action: 'reboot' }, /msg\.action/],
  ['an unknown editor action', { action: 'bogus' }, {}, /action/],
  ['msg.action that is not a string', { action: 'status' }, { action: 3 }, /msg\.action/],
];

describe('ams-device: invalid input is refused with E_BAD_ARGUMENT before anything is sent', function () {
  const world = useAmsWorld();

  for (const [what, props, msg, names] of INVALID) {
    it(`refuses ${what}`, async function () {
      world.sim.addMeter(iec('KEEP'));
      await world.deploy(props);
      const caught = await sendExpectingCatch({ ...msg, topic: 'kept' });
      assert.equal(caught.error.code, 'E_BAD_ARGUMENT', caught.error.message);
      assert.match(caught.error.message, names);
      assert.match(caught.error.message, /\[E_BAD_ARGUMENT\]/, 'the message names the code');
      assert.equal(caught.topic, 'kept');
      assert.deepEqual(world.sent(), [], 'no command reached the gateway');
      assert.deepEqual(world.sim.table().map((device) => device.address), ['KEEP']);
    });
  }
});
