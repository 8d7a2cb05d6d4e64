import assert from 'node:assert/strict';
import { AtChannel } from '../../../src/at/channel';
import { SmartcomClient } from '../../../src/smartcom/client';
import { parseScdataRecords } from '../../../src/smartcom/scdata';
import { readOldestRecords } from '../../../src/smartcom/scdata-ops';
import { toStoredRecord, type StoredRecord } from '../../../src/smartcom/stored-record';
import { expectMeterError } from '../../helpers/meter-error';
import { openPair } from '../at/scripted-peer';

/** The reference's real capture (ZPA ED 310 through a SmartCOM PRO), abridged as in the reference. */
const CAPTURE_DATA = ['F.F(000000)', 'C.1.0(04869551)', 'C.90(869551)', '1.8.1(0000002.7#kWh)', '0.4.2(001)', ''];
const capture = (eol: string): string =>
  `^SCDATA: "AMS",1463246887,48962,"IEC62056-21",1,0,"ZE310.iv30_012","${CAPTURE_DATA.join(eol)}"`;

/** GET_OLDEST answered by a scripted gateway with `eol` line endings; returns the consumer records. */
async function oldestOverTheWire(eol: string, recordLines: string[], count = recordLines.length): Promise<StoredRecord[]> {
  const { client, peer } = await openPair();
  const channel = new AtChannel(client);
  try {
    const records = readOldestRecords(new SmartcomClient(channel), Math.max(1, count), 'SN1');
    await peer.nextLine();
    await peer.send([...recordLines, 'OK', ''].join(eol), 7);
    return await records;
  } finally {
    channel.dispose();
    await client.close();
  }
}

describe('stored records: the gateway answer becomes the record consumers get', () => {
  for (const [name, eol] of [['CR LF', '\r\n'], ['LF', '\n'], ['CR', '\r']]) {
    it(`reads the reference capture with its multi-line data field (${name}, in 7-byte chunks)`, async () => {
      const [record] = await oldestOverTheWire(eol, [capture(eol)]);
      assert.equal(record.data, CAPTURE_DATA.join('\n'), 'inner line breaks kept, as "\\n"');
      assert.deepEqual({ ...record, readout: undefined }, {
        type: 'AMS', protocol: 'IEC62056-21', index: 1, sequence: 48962, unixTime: 1463246887, timestamp: '2016-05-14T17:28:07.000Z',
        errorCode: 0, error: null, identification: 'ZE310.iv30_012', data: CAPTURE_DATA.join('\n'), dataFormat: 'iec62056-21',
        readout: undefined, key: 'SN1:48962:1463246887',
      });
      assert.deepEqual(record.readout?.dataSets.map((set) => set.address), ['F.F', 'C.1.0', 'C.90', '1.8.1', '0.4.2']);
      assert.deepEqual(record.readout?.values['1.8.1'].values[0], { raw: '0000002.7#kWh', value: 2.7, unit: 'kWh' });
    });
  }

  it('keeps M-Bus and AIN_DIN data raw and says so', () => {
    const [mbus, pulse] = parseScdataRecords([
      '^SCDATA: "AMS",1461340261,12090,"MBUS",2,0,"","68AE0101"',
      '^SCDATA: "AMS",1461340261,12091,"AIN_DIN",1,0,"","131"',
    ]).map((record) => toStoredRecord(record, 'SN1'));
    assert.deepEqual([mbus.dataFormat, mbus.data, mbus.readout], ['mbus-hex', '68AE0101', null]);
    assert.deepEqual([pulse.dataFormat, pulse.data, pulse.readout], ['ain-din', '131', null]);
  });

  it('keeps WMBUS and unknown record types with their raw fields, next to AMS records in one batch', async () => {
    const records = await oldestOverTheWire('\r\n', [
      '^SCDATA: "WMBUS",1449586020,5,-68,20,"44B40912"',
      capture('\r\n'),
      '^SCDATA: "FUTURE",x,"y"',
    ]);
    assert.deepEqual(records.map((record) => record.type), ['WMBUS', 'AMS', 'FUTURE']);
    const [wmbus, , future] = records;
    assert.deepEqual(wmbus.fields, ['1449586020', '5', '-68', '20', '44B40912']);
    assert.deepEqual([wmbus.sequence, wmbus.unixTime, wmbus.dataFormat, wmbus.data, wmbus.key], [5, 1449586020, 'raw', null, 'SN1:5:1449586020']);
    assert.deepEqual([future.sequence, future.timestamp, future.fields], [null, null, ['x', 'y']]);
    assert.match(future.key, /^SN1:h[0-9a-f]{8}:$/, 'no sequence number: a fingerprint of the line');
  });

  it('gives a failed read the error text of its code and no readout', () => {
    const [record] = parseScdataRecords(['^SCDATA: "AMS",1463246947,48963,"IEC62056-21",2,65541,"",""']).map((r) => toStoredRecord(r, 'SN1'));
    assert.equal(record.errorCode, 65541);
    assert.equal(record.error, 'IEC 62056-21: timeout, identification message did not arrive');
    assert.equal(record.readout, null);
    const [unknown] = parseScdataRecords(['^SCDATA: "AMS",1,2,"MBUS",1,131100,"",""']).map((r) => toStoredRecord(r, 'SN1'));
    assert.equal(unknown.error, 'M-Bus error 28');
  });

  it('reads a doubled quote inside the data as one quote', () => {
    const [record] = parseScdataRecords(['^SCDATA: "AMS",1,7,"IEC62056-21",1,0,"ID","0.0.0(say ""hi"")\n1.8.0(1*kWh)\n"']).map((r) => toStoredRecord(r, 'SN1'));
    assert.equal(record.data, '0.0.0(say "hi")\n1.8.0(1*kWh)\n');
  });

  it('fails a truncated answer as a whole (E_PARSE): no partial batch that a drain could delete', async () => {
    const cut = capture('\r\n').slice(0, 80);
    await expectMeterError(Promise.resolve().then(() => parseScdataRecords([capture('\r\n'), cut])), 'E_PARSE');
    await expectMeterError(Promise.resolve().then(() => parseScdataRecords(['^SCDATA: "AMS",1463246887,48962,"IEC62056-21",1'])), 'E_PARSE');
  });

  it('gives the same record the same key every time it is read, and records of other gateways other keys', () => {
    const line = capture('\n');
    const [a] = parseScdataRecords([line]).map((r) => toStoredRecord(r, 'SN1'));
    const [b] = parseScdataRecords([line]).map((r) => toStoredRecord(r, 'SN1'));
    const [c] = parseScdataRecords([line]).map((r) => toStoredRecord(r, 'SN2'));
    assert.equal(a.key, b.key);
    assert.notEqual(a.key, c.key);
  });
});
