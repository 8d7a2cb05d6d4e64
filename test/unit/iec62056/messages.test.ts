import assert from 'node:assert/strict';
import { AckOptionSelectMessage } from '../../../src/iec62056/ack-option';
import { interpretBaudChar, modeCBaudChar, stepDownBaudRate } from '../../../src/iec62056/baud';
import { checkBcc, sum7Bcc, xorBcc } from '../../../src/iec62056/bcc';
import { CommandMessage, DataBlockMessage } from '../../../src/iec62056/frames';
import { IdentificationMessage } from '../../../src/iec62056/identification';
import { RequestMessage } from '../../../src/iec62056/request';
import { MeterError } from '../../../src/errors';

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('IEC 62056-21 BCC', () => {
  // Vectors from pwitab/iec62056-21's tests, checked by hand: B0 ETX = 0x42 ^ 0x30 ^ 0x03 = 0x71 ('q').
  it('is the 7-bit XOR after SOH/STX up to and including ETX', () => {
    assert.equal(xorBcc(bytes('B0\x03')), 0x71);
    assert.equal(xorBcc(bytes('P0\x02(1234567)\x03')), 'P'.charCodeAt(0));
    assert.equal(xorBcc(bytes('R1\x021.8.0(1)\x03')), 'k'.charCodeAt(0));
    assert.equal(xorBcc(bytes('3:171.0(0)\x03')), 0x12);
  });

  it('recognises the 7-bit additive sum some Kamstrup meters send', () => {
    const covered = bytes('0.0(1)\r\n!\r\n\x03');
    const sum = sum7Bcc(covered);
    assert.notEqual(sum, xorBcc(covered));
    assert.deepEqual(checkBcc(covered, sum), { present: true, valid: true, algorithm: 'sum7', received: sum, expected: sum });
    assert.equal(checkBcc(covered, sum, ['xor']).valid, false);
  });

  it('reports a missing BCC as not present and not valid', () => {
    assert.deepEqual(checkBcc(bytes('x\x03'), undefined), { present: false, valid: false, algorithm: undefined, expected: xorBcc(bytes('x\x03')) });
  });
});

describe('IEC 62056-21 baud characters', () => {
  const table: Array<[string, string, number]> = [
    ['0', 'C', 300], ['5', 'C', 9600], ['6', 'C', 19200],
    ['A', 'B', 600], ['E', 'B', 9600], ['F', 'B', 19200],
    [' ', 'A', 300], ['Z', 'A', 300],
  ];
  for (const [char, mode, rate] of table) {
    it(`reads ${JSON.stringify(char)} as mode ${mode} at ${rate} Bd`, () => {
      assert.deepEqual(interpretBaudChar(char), { mode, baudRate: rate });
    });
  }
  it('maps standard rates back to mode C characters and steps down', () => {
    assert.equal(modeCBaudChar(9600), '5');
    assert.equal(modeCBaudChar(115200), undefined);
    assert.equal(stepDownBaudRate(9600), 4800);
    assert.equal(stepDownBaudRate(300), undefined);
  });
});

describe('request message', () => {
  it('encodes /?!CRLF without and /?address!CRLF with an address', () => {
    assert.equal(new RequestMessage().encode().toString('latin1'), '/?!\r\n');
    assert.equal(new RequestMessage('947834').encode().toString('latin1'), '/?947834!\r\n');
    assert.equal(new RequestMessage('', '#').encode().toString('latin1'), '/#!\r\n');
  });
  it('round-trips through decode', () => {
    const decoded = RequestMessage.decode(new RequestMessage('12345678').encode());
    assert.equal(decoded.address, '12345678');
    assert.equal(decoded.requestChar, '?');
  });
  it('rejects addresses longer than 32 characters or with framing characters with code 65538', () => {
    assert.throws(() => new RequestMessage('1'.repeat(33)), (e: MeterError) => e.code === 65538 && /33 characters/.test(e.message));
    assert.throws(() => new RequestMessage('12!4'), (e: MeterError) => e.code === 65538 && /position 2/.test(e.message));
    assert.throws(() => new RequestMessage('12\r\n'), (e: MeterError) => e.code === 65538);
  });
});

describe('identification message', () => {
  it('parses manufacturer, baud character, mode and identification', () => {
    const id = IdentificationMessage.decode('/ISK5MT174-0001\r\n');
    assert.equal(id.manufacturer, 'ISK');
    assert.equal(id.baudChar, '5');
    assert.equal(id.mode, 'C');
    assert.equal(id.baudRate, 9600);
    assert.equal(id.identification, 'MT174-0001');
    assert.equal(id.reactionTimeMs, 200);
  });
  it('takes a lower-case third letter as the 20 ms reaction-time hint', () => {
    assert.equal(IdentificationMessage.decode('/ISk5MT174-0001').reactionTimeMs, 20);
  });
  it('keeps the first identification character when there is no enhanced id (the pwitab bug)', () => {
    assert.equal(IdentificationMessage.decode('/ISk5MT174-0001').identification, 'MT174-0001');
  });
  it('reads enhanced ids of any character, repeated, and \\2 as mode E', () => {
    const elster = IdentificationMessage.decode('/ELS4\\@V9.36\r\n');
    assert.deepEqual(elster.enhancedIds, ['@']);
    assert.equal(elster.identification, 'V9.36');
    const e = IdentificationMessage.decode('/ACE5\\2\\3k260V01.18');
    assert.deepEqual(e.enhancedIds, ['2', '3']);
    assert.equal(e.mode, 'E');
    assert.equal(e.baudRate, 9600);
  });
  it('reads a space as mode A and keeps a trailing space', () => {
    const kam = IdentificationMessage.decode('/KAM MC\r\n');
    assert.equal(kam.mode, 'A');
    assert.equal(kam.identification, 'MC');
    assert.equal(IdentificationMessage.decode('/ELS5\\@V9.30 ').identification, 'V9.30 ');
  });
  it('reads mode B letters', () => {
    assert.equal(IdentificationMessage.decode('/ABCEident').mode, 'B');
  });
  it('round-trips through encode', () => {
    const text = '/Ene5\\T210-D ESMR5.0\r\n';
    assert.equal(IdentificationMessage.decode(text).encode().toString('latin1'), text);
  });
  it('fails with the gateway codes on a bad manufacturer or line', () => {
    assert.throws(() => IdentificationMessage.decode('/1235abc'), (e: MeterError) => e.code === 65793);
    assert.throws(() => IdentificationMessage.decode('garbage'), (e: MeterError) => e.code === 65795);
    assert.equal(IdentificationMessage.tryDecode('garbage'), undefined);
  });
});

describe('acknowledgement / option select', () => {
  it('encodes ACK V Z Y CR LF and decodes it back', () => {
    const ack = new AckOptionSelectMessage('5', '1');
    assert.deepEqual([...ack.encode()], [0x06, 0x30, 0x35, 0x31, 0x0d, 0x0a]);
    const back = AckOptionSelectMessage.decode(ack.encode());
    assert.deepEqual([back.protocolControl, back.baudChar, back.modeControl], ['0', '5', '1']);
  });
  it('rejects a non-digit baud character', () => {
    assert.throws(() => new AckOptionSelectMessage('E'), (e: MeterError) => e.code === 'E_BAD_ARGUMENT');
  });
});

describe('command and data block messages', () => {
  it('encodes the break as SOH B0 ETX q', () => {
    assert.equal(CommandMessage.break().encode().toString('latin1'), '\x01B0\x03q');
  });
  it('encodes a password and an R1 read with their BCCs', () => {
    assert.equal(new CommandMessage('P', '0', '(1234567)').encode().toString('latin1'), '\x01P0\x02(1234567)\x03P');
    assert.equal(new CommandMessage('R', '1', '1.8.0(1)').encode().toString('latin1'), '\x01R1\x021.8.0(1)\x03k');
  });
  it('decodes commands and checks their BCC', () => {
    const { message, bcc } = CommandMessage.decode(CommandMessage.password('00000000').encode());
    assert.deepEqual([message.command, message.type, message.data], ['P', '1', '(00000000)']);
    assert.equal(bcc.valid, true);
    const broken = Buffer.from('\x01R1\x021.8.0(1)\x03j', 'latin1');
    assert.equal(CommandMessage.decode(broken).bcc.valid, false);
  });
  it('builds the readout data message STX data ! CRLF ETX BCC', () => {
    const frame = DataBlockMessage.readout('3:171.0(0)').encode();
    assert.equal(frame.toString('latin1').slice(0, -1), '\x023:171.0(0)\r\n!\r\n\x03');
    const { message, bcc } = DataBlockMessage.decode(frame);
    assert.equal(message.dataLines, '3:171.0(0)\r\n');
    assert.equal(bcc.valid, true);
  });
  it('encodes partial blocks with EOT and decodes them as not last', () => {
    const frame = new DataBlockMessage('P.01(1)', false).encode();
    assert.equal(frame[frame.length - 2], 0x04);
    assert.equal(DataBlockMessage.decode(frame).message.last, false);
  });
  it('encodes with the additive checksum when asked', () => {
    const frame = DataBlockMessage.readout('0.0(1)').encode('sum7');
    assert.equal(DataBlockMessage.decode(frame).bcc.algorithm, 'sum7');
  });
});
