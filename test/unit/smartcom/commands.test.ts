import assert from 'node:assert/strict';
import { MeterError } from '../../../src/errors';
import { amsAddress, amsInterval, amsProtocol } from '../../../src/smartcom/ams-device';
import {
  amsAddCommand, amsCapabilitiesCommand, amsClearCommand, amsEnableCommand, amsIntervalCommand, amsRemoveCommand,
  amsRetryCommand, amsStatusCommand, portApplyCommand, portParameterCommand, portReadCommand,
} from '../../../src/smartcom/commands';
import { portParameterValues, type PortSettingsChange } from '../../../src/smartcom/port-change';

function rejects(run: () => unknown, field: string): void {
  assert.throws(run, (error: unknown) => error instanceof MeterError && error.code === 'E_BAD_ARGUMENT' && error.details.field === field);
}

describe('SmartCOM command builders', () => {
  const lines: [string, () => { text: string }][] = [
    ['AT^SCAMS?', amsStatusCommand],
    ['AT^SCAMS=?', amsCapabilitiesCommand],
    ['AT^SCAMS="ENABLE",1', () => amsEnableCommand(true)],
    ['AT^SCAMS="ENABLE",0', () => amsEnableCommand(false)],
    ['AT^SCAMS="RETRY",9', () => amsRetryCommand(9)],
    ['AT^SCAMS="DEV_ADD",2,"IEC62056-21","947834","3M"', () => amsAddCommand({ port: 2, protocol: 'iec62056-21', address: '947834', interval: '3m' })],
    ['AT^SCAMS="DEV_ADD",128,"AIN_DIN","2/PULSE/REL","5M"', () => amsAddCommand({ port: 128, protocol: 'AIN_DIN', address: '2/pulse/rel', interval: '5M' })],
    ['AT^SCAMS="DEV_REMOVE",3', () => amsRemoveCommand(3)],
    ['AT^SCAMS="DEV_CLEAR"', amsClearCommand],
    ['AT^SCAMS="DEV_INTERVAL","ALL","1D"', () => amsIntervalCommand('ALL', '1d')],
    ['AT^SCAMS="DEV_INTERVAL",4,"12H"', () => amsIntervalCommand(4, '12H')],
    ['AT^SCPORT2?', () => portReadCommand(2)],
    ['AT^SCPORT2="PARITY",1', () => portParameterCommand(2, ['PARITY', 1])],
    ['AT^SCPORT2="SRESTART"', () => portApplyCommand(2, 'srestart')],
    ['AT^SCPORT1="SAVE"', () => portApplyCommand(1, 'save')],
  ];
  for (const [text, build] of lines) {
    it(`builds ${text}`, () => assert.equal(build().text, text));
  }

  const refused: [string, () => unknown, string][] = [
    ['RETRY 10', () => amsRetryCommand(10), 'retry'],
    ['RETRY 1.5', () => amsRetryCommand(1.5), 'retry'],
    ['DEV_REMOVE 0', () => amsRemoveCommand(0), 'index'],
    ['DEV_INTERVAL to 7M', () => amsIntervalCommand(1, '7M'), 'interval'],
    ['DEV_INTERVAL at "SOME"', () => amsIntervalCommand('SOME' as 'ALL', '1M'), 'index'],
    ['ENABLE "yes"', () => amsEnableCommand('yes' as unknown as boolean), 'enabled'],
    ['port 0', () => portReadCommand(0), 'port'],
    ['apply "reboot"', () => portApplyCommand(2, 'reboot' as 'save'), 'apply'],
  ];
  for (const [name, run, field] of refused) {
    it(`refuses ${name} (E_BAD_ARGUMENT, field ${field})`, () => rejects(run, field));
  }
});

describe('AMS values', () => {
  it('accepts the listed intervals in any case and returns them upper-case', () => {
    assert.equal(amsInterval('12h'), '12H');
    assert.equal(amsInterval('1D'), '1D');
    for (const bad of ['7M', '60M', '1W', '', 3]) rejects(() => amsInterval(bad), 'interval');
  });

  it('accepts the three protocols in any case', () => {
    assert.equal(amsProtocol('mbus'), 'MBUS');
    assert.equal(amsProtocol('Iec62056-21'), 'IEC62056-21');
    for (const bad of ['MODBUS', 'IEC62056', '']) rejects(() => amsProtocol(bad), 'protocol');
  });

  const addresses: [Parameters<typeof amsAddress>[0], string, boolean][] = [
    ['IEC62056-21', '947834', true],
    ['IEC62056-21', 'ABC 12/x', true],
    ['IEC62056-21', 'x'.repeat(32), true],
    ['IEC62056-21', 'x'.repeat(33), false],
    ['IEC62056-21', '', false],
    ['IEC62056-21', 'a"b', false],
    ['IEC62056-21', 'a\r\nb', false],
    ['IEC62056-21', 'zähler', false],
    ['MBUS', '0@2400', true],
    ['MBUS', '250@300', true],
    ['MBUS', '251@2400', false],
    ['MBUS', '*15020416@2400', true],
    ['MBUS', '*1502041@2400', false],
    ['MBUS', '1@2401', false],
    ['MBUS', '1', false],
    ['AIN_DIN', '2/PULSE/REL', true],
    ['AIN_DIN', '1/PULSE/ABS', true],
    ['AIN_DIN', '1/PULSE', false],
    ['AIN_DIN', 'x/PULSE/ABS', false],
  ];
  for (const [protocol, address, valid] of addresses) {
    it(`${valid ? 'accepts' : 'refuses'} ${protocol} address ${JSON.stringify(address)}`, () => {
      if (valid) assert.equal(amsAddress(protocol, address), address);
      else rejects(() => amsAddress(protocol, address), 'address');
    });
  }
});

describe('port settings changes', () => {
  it('maps a change to keyword/value pairs in the FAQ order, parity by its gateway code', () => {
    assert.deepEqual(portParameterValues({ parity: 'even', stopBits: 1, dataBits: 7, baudRate: 2400 }), [
      ['BAUDRATE', 2400], ['DATA_BITS', 7], ['STOP_BITS', 1], ['PARITY', 1],
    ]);
    assert.deepEqual(portParameterValues({ parity: 'none' }), [['PARITY', 0]]);
    assert.deepEqual(portParameterValues({ parity: 'odd' }), [['PARITY', 2]], 'odd = 2 is an unconfirmed assumption');
  });

  const bad: [string, PortSettingsChange, string][] = [
    ['parity mark', { parity: 'mark' as 'odd' }, 'parity'],
    ['baud 2500', { baudRate: 2500 }, 'baudRate'],
    ['6 data bits', { dataBits: 6 as 7 }, 'dataBits'],
    ['3 stop bits', { stopBits: 3 as 1 }, 'stopBits'],
    ['nothing to change', {}, 'settings'],
  ];
  for (const [name, change, field] of bad) {
    it(`refuses ${name}`, () => rejects(() => portParameterValues(change), field));
  }
});
