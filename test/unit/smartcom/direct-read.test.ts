import assert from 'node:assert/strict';
import { shapeMeterPayload } from '../../../src/meter-payload';
import { SmartcomClient } from '../../../src/smartcom/client';
import { directRead, type DirectReadOptions, type GatewayReadResult } from '../../../src/smartcom/direct-read';
import { expectMeterError } from '../../helpers/meter-error';
import { useChannelPerTest } from '../at/scripted-peer';

const READ_WITH_BAUD = 'AT^SCAMS="DIRECT_READ",2,"IEC62056-21","12345678",9600';
const READ_WITHOUT_BAUD = 'AT^SCAMS="DIRECT_READ",2,"IEC62056-21","12345678"';
const DATA = ['F.F(00000000)', 'C.1.0(04869551)', '1.8.0(0012345.678*kWh)', '2.8.0(0000001.500*kWh)'];
const EXPECTED_VALUES = { 'F.F': '00000000', 'C.1.0': '04869551', '1.8.0': 12345.678, '2.8.0': 1.5 };

function record(seq: number, index: number, error: number, ident: string, data: string, protocol = 'IEC62056-21'): string {
  return `^SCDATA: "AMS",1700000000,${seq},"${protocol}",${index},${error},"${ident}","${data}"`;
}

/** The values of a read as the node's payload shows them. */
function values(result: GatewayReadResult): Record<string, unknown> {
  const payload = shapeMeterPayload(result, { path: 'gateway', address: '12345678' });
  return Object.fromEntries(Object.entries(payload.values).map(([code, entry]) => [code, entry.value]));
}

describe('directRead: AT^SCAMS="DIRECT_READ" and every reply variant', () => {
  const wire = useChannelPerTest();
  const options: DirectReadOptions = { port: 2, address: '12345678', baudRate: 9600, timeoutMs: 5000 };

  /** Starts the read; the test answers each command line in turn. */
  function start(opts: DirectReadOptions = options): Promise<GatewayReadResult> {
    const read = directRead(new SmartcomClient(wire.channel, { commandTimeoutMs: 5000 }), opts);
    read.catch(() => undefined); // checked by the caller
    return read;
  }

  async function answer(expected: string, lines: string[]): Promise<void> {
    assert.equal(await wire.peer.nextLine(), expected);
    await wire.peer.send(lines.map((line) => `${line}\r\n`).join(''));
  }

  it('reads the ^SCAMS lines variant: a DIRECT_READ header, then one ^SCAMS line per data line', async () => {
    const read = start();
    await answer(READ_WITH_BAUD, ['^SCAMS: "DIRECT_READ",0,"ZMD3104100.B32"', ...DATA.map((line) => `^SCAMS: ${line}`), 'OK']);
    const result = await read;
    assert.equal(result.reply, 'scams-lines');
    assert.equal(result.baudArgument, true);
    assert.equal(result.identification, 'ZMD3104100.B32');
    assert.deepEqual(values(result), EXPECTED_VALUES);
  });

  it('reads bare data lines after the header (no ^SCAMS prefix on the data)', async () => {
    const read = start();
    await answer(READ_WITH_BAUD, ['^SCAMS: "DIRECT_READ",0,"ZMD3104100.B32"', ...DATA, 'OK']);
    assert.deepEqual(values(await read), EXPECTED_VALUES);
  });

  it('reads the record variant: one ^SCDATA record line with the data block inside quotes', async () => {
    const read = start();
    await answer(READ_WITH_BAUD, [record(7, 0, 0, 'ZMD3104100.B32', DATA.join('\r\n')), 'OK']);
    const result = await read;
    assert.equal(result.reply, 'record');
    assert.equal(result.record?.sequence, 7);
    assert.deepEqual(values(result), EXPECTED_VALUES);
  });

  it('takes manufacturer and text apart when the gateway passes the whole identification line', async () => {
    const read = start();
    await answer(READ_WITH_BAUD, ['^SCAMS: "DIRECT_READ",0,"/LGZ5ZMD3104100.B32"', '^SCAMS: 1.8.0(1.0*kWh)', 'OK']);
    const result = await read;
    assert.equal(result.manufacturer, 'LGZ');
    assert.equal(result.identification, 'ZMD3104100.B32');
  });

  it('asks again without the baud rate when the gateway answers ERROR to it', async () => {
    const read = start();
    await answer(READ_WITH_BAUD, ['ERROR']);
    await answer(READ_WITHOUT_BAUD, ['^SCAMS: "DIRECT_READ",0,"ZMD3104100.B32"', ...DATA.map((line) => `^SCAMS: ${line}`), 'OK']);
    const result = await read;
    assert.equal(result.baudArgument, false);
    assert.deepEqual(values(result), EXPECTED_VALUES);
  });

  it('sends no baud rate when none is given', async () => {
    const read = start({ port: 2, address: '12345678' });
    await answer(READ_WITHOUT_BAUD, ['^SCAMS: "DIRECT_READ",0,""', '^SCAMS: 1.8.0(1.0*kWh)', 'OK']);
    const result = await read;
    assert.equal(result.identification, null);
    assert.deepEqual(values(result), { '1.8.0': 1 });
  });

  it('falls back to the newest stored direct-read record when the reply is only OK', async () => {
    const read = start();
    await answer(READ_WITH_BAUD, ['OK']);
    await answer('AT^SCDATA="MESS_CNT"', ['^SCDATA: "MESS_CNT",4', 'OK']);
    await answer('AT^SCDATA="GET_OLDEST",4', [
      record(1, 0, 0, 'OLD', '1.8.0(1.0*kWh)'),
      record(2, 0, 0, 'ZMD3104100.B32', DATA.join('\r\n')),
      record(3, 1, 0, 'SCHEDULED', '1.8.0(9.0*kWh)'),
      record(4, 0, 0, '', '0A1B', 'MBUS'),
      'OK',
    ]);
    const result = await read;
    assert.equal(result.reply, 'stored-record');
    assert.equal(result.record?.sequence, 2);
    assert.deepEqual(values(result), EXPECTED_VALUES);
  });

  it('fails with E_PARSE naming the meter when neither the reply nor the store has data', async () => {
    const read = start();
    await answer(READ_WITH_BAUD, ['OK']);
    await answer('AT^SCDATA="MESS_CNT"', ['^SCDATA: 0', 'OK']);
    const error = await expectMeterError(read, 'E_PARSE');
    assert.match(error.message, /12345678/);
  });

  it('turns a non-zero AMS code in the header into a MeterError with that code and its hint', async () => {
    const read = start();
    await answer(READ_WITH_BAUD, ['^SCAMS: "DIRECT_READ",65541,""', 'OK']);
    const error = await expectMeterError(read, 65541);
    assert.equal(error.family, 'iec62056');
    assert.match(error.hint ?? '', /probe/);
  });

  it('turns a non-zero AMS code in a record (reply or store) into a MeterError with that code', async () => {
    const read = start();
    await answer(READ_WITH_BAUD, [record(9, 0, 66053, '', ''), 'OK']);
    await expectMeterError(read, 66053);
    const stored = start();
    await answer(READ_WITH_BAUD, ['OK']);
    await answer('AT^SCDATA="MESS_CNT"', ['^SCDATA: 1', 'OK']);
    await answer('AT^SCDATA="GET_OLDEST",1', [record(1, 0, 65543, '', ''), 'OK']);
    await expectMeterError(stored, 65543);
  });

  it('passes any other failure on: a second ERROR (without the baud rate) stays E_AT_ERROR', async () => {
    const read = start();
    await answer(READ_WITH_BAUD, ['ERROR']);
    await answer(READ_WITHOUT_BAUD, ['ERROR']);
    await expectMeterError(read, 'E_AT_ERROR');
  });

  it('refuses bad arguments before anything is sent', async () => {
    await expectMeterError(directRead(wire.channel, { port: 2, address: 'a"b' }), 'E_BAD_ARGUMENT');
    await expectMeterError(directRead(wire.channel, { port: 0, address: '1' }), 'E_BAD_ARGUMENT');
    await expectMeterError(directRead(wire.channel, { port: 2, address: '1', baudRate: 1234 }), 'E_BAD_ARGUMENT');
    await expectMeterError(directRead(wire.channel, { port: 2, address: '1@2400', protocol: 'MBUS' }), 'E_BAD_ARGUMENT');
    assert.equal(wire.peer.receivedBytes, 0);
  });
});
