import assert from 'node:assert/strict';
import { MeterError } from '../../../src/errors';
import { parseCount } from '../../../src/smartcom/count';
import { splitFields } from '../../../src/smartcom/fields';
import { parseAmsTable } from '../../../src/smartcom/scams';
import { parseScdataRecord, parseScdataRecords } from '../../../src/smartcom/scdata';
import { parsePortSettings } from '../../../src/smartcom/scport';

function parseFailure(run: () => unknown, line: RegExp): MeterError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof MeterError, String(error));
    assert.equal(error.code, 'E_PARSE');
    assert.match(String(error.details.line), line);
    return error;
  }
  assert.fail('expected E_PARSE');
}

const IEC_DATA = 'F.F(000000)\nC.1.0(04869551)\nC.90(869551)\n1.8.1(0000002.7#kWh)\n0.4.2(001)\n';
const IEC_RECORD = `^SCDATA: "AMS",1463246887,48962,"IEC62056-21",1,0,"ZE310.iv30_012","${IEC_DATA}"`;

describe('splitFields', () => {
  const cases: [string, [string, boolean][]][] = [
    ['"AMS",1,"a,b"', [['AMS', true], ['1', false], ['a,b', true]]],
    [' 2 , "x" ,"",3', [['2', false], ['x', true], ['', true], ['3', false]]],
    ['"line1\nline2"', [['line1\nline2', true]]],
    ['"say ""hi"" now"', [['say "hi" now', true]]],
    ['"end quote"""', [['end quote"', true]]],
    ['', [['', false]]],
  ];
  for (const [text, expected] of cases) {
    it(`splits ${JSON.stringify(text)}`, () => {
      assert.deepEqual(splitFields(text).map((field) => [field.value, field.quoted]), expected);
    });
  }

  it('rejects an unclosed quote and text after a closing quote', () => {
    parseFailure(() => splitFields('"open,1'), /open/);
    parseFailure(() => splitFields('"a"b,1'), /a"b/);
  });
});

describe('parseScdataRecord', () => {
  it('reads an IEC 62056-21 record whose data spans several lines', () => {
    assert.deepEqual(parseScdataRecord(IEC_RECORD), {
      kind: 'ams', type: 'AMS', unixTime: 1463246887, sequence: 48962, protocol: 'IEC62056-21', index: 1, errorCode: 0,
      identification: 'ZE310.iv30_012', data: IEC_DATA, raw: IEC_RECORD,
    });
  });

  const records: [string, Record<string, unknown>][] = [
    ['^SCDATA: "AMS",1461340261,12091,"AIN_DIN",1,0,"","131"', { protocol: 'AIN_DIN', data: '131', identification: '' }],
    ['^scdata:"ams",1,2,"MBUS",3,131076,"","68AE"', { protocol: 'MBUS', errorCode: 131076, index: 3 }],
    ['^SCDATA: "AMS",1,2,"Unknown",1,65541,"",""', { protocol: 'Unknown', errorCode: 65541, data: '' }],
  ];
  for (const [line, expected] of records) {
    it(`reads ${line}`, () => {
      const record = parseScdataRecord(line);
      assert.equal(record.kind, 'ams');
      for (const [key, value] of Object.entries(expected)) assert.deepEqual((record as unknown as Record<string, unknown>)[key], value, key);
    });
  }

  it('keeps a WMBUS record raw', () => {
    const line = '^SCDATA: "WMBUS",1449586020,5,-68,20,"44B40912"';
    assert.deepEqual(parseScdataRecord(line), {
      kind: 'raw', type: 'WMBUS', unixTime: 1449586020, sequence: 5, fields: ['1449586020', '5', '-68', '20', '44B40912'], raw: line,
    });
  });

  const broken: [string, string][] = [
    ['another command', '^SCAMS: "ENABLE",1'],
    ['a missing field', '^SCDATA: "AMS",1,2,"MBUS",3,0,""'],
    ['a text time', '^SCDATA: "AMS",x,2,"MBUS",3,0,"",""'],
    ['an unquoted protocol', '^SCDATA: "AMS",1,2,MBUS,3,0,"",""'],
    ['an unclosed data field', '^SCDATA: "AMS",1,2,"MBUS",3,0,"","68AE'],
    ['no type', '^SCDATA: 5'],
  ];
  for (const [name, line] of broken) {
    it(`fails with E_PARSE carrying the line for ${name}`, () => {
      parseFailure(() => parseScdataRecord(line), new RegExp(line.slice(0, 8).replace(/[\^$]/g, '\\$&')));
    });
  }

  it('reads every record of a GET_OLDEST answer and skips a status line', () => {
    const records = parseScdataRecords([IEC_RECORD, '^SCDATA: NO DATA', '^SCDATA: "AMS",1461340261,12092,"AIN_DIN",2,0,"","7"']);
    assert.deepEqual(records.map((record) => record.sequence), [48962, 12092]);
    parseFailure(() => parseScdataRecords(['garbage']), /garbage/);
  });
});

describe('parseCount', () => {
  const cases: [string | string[], number][] = [
    ['^SCDATA: 5', 5],
    ['^SCDATA: "MESS_CNT",5', 5],
    ['^SCDATA: "GET_SPACE",  1024 ', 1024],
    [['^SCDATA: "MESS_CNT",0'], 0],
    [['', '^SCDATA: 42'], 42],
    ['^SCPORT2: 7', 7],
    ['12', 12],
  ];
  for (const [input, expected] of cases) {
    it(`reads ${JSON.stringify(input)} as ${expected}`, () => {
      assert.equal(parseCount(input), expected);
    });
  }

  it('fails with E_PARSE when no integer is present', () => {
    parseFailure(() => parseCount(['^SCDATA: "MESS_CNT"']), /MESS_CNT/);
    parseFailure(() => parseCount([]), /^$/);
  });
});

describe('parseAmsTable', () => {
  it('reads an empty table', () => {
    assert.deepEqual(parseAmsTable(['^SCAMS: "ENABLE",1', '^SCAMS: "RETRY",0', '^SCAMS: NO DEVICE']), {
      enabled: true, retry: 0, deviceCount: 0, devices: [],
    });
  });

  it('reads devices of several protocols and ignores unknown lines', () => {
    const table = parseAmsTable([
      '^SCAMS: "ENABLE",0',
      '^SCAMS: "RETRY",3',
      '^SCAMS: "FUTURE_KEY",9',
      'some banner',
      '^SCAMS: "DEV_CNT",3',
      '^SCAMS: 1> 2,"IEC62056-21","947834","3M"',
      '^SCAMS: 2> 128,"AIN_DIN","2/PULSE/REL","5M"',
      '^scams: 3>2,"MBUS","*15020416@2400","1H"',
    ]);
    assert.deepEqual(table, {
      enabled: false,
      retry: 3,
      deviceCount: 3,
      devices: [
        { index: 1, port: 2, protocol: 'IEC62056-21', address: '947834', interval: '3M' },
        { index: 2, port: 128, protocol: 'AIN_DIN', address: '2/PULSE/REL', interval: '5M' },
        { index: 3, port: 2, protocol: 'MBUS', address: '*15020416@2400', interval: '1H' },
      ],
    });
  });

  it('leaves values the gateway did not print undefined', () => {
    assert.deepEqual(parseAmsTable([]), { enabled: undefined, retry: undefined, deviceCount: undefined, devices: [] });
  });

  const broken = ['^SCAMS: 1> 2,"IEC62056-21","947834"', '^SCAMS: 1> x,"IEC62056-21","947834","3M"', '^SCAMS: "ENABLE",2', '^SCAMS: "RETRY",many'];
  for (const line of broken) {
    it(`fails with E_PARSE for ${line}`, () => {
      parseFailure(() => parseAmsTable(['^SCAMS: "ENABLE",1', line]), /\^SCAMS/);
    });
  }
});

describe('parsePortSettings', () => {
  it('reads the documented capture', () => {
    const settings = parsePortSettings(['^SCPORT2: "BAUDRATE",300', '^SCPORT2: "DATA_BITS",8', '^SCPORT2: "STOP_BITS",1', '^SCPORT2: "PARITY",0']);
    assert.deepEqual(settings, {
      port: 2, baudRate: 300, dataBits: 8, stopBits: 1, parity: 0, parityName: 'none',
      values: { BAUDRATE: 300, DATA_BITS: 8, STOP_BITS: 1, PARITY: 0 },
    });
  });

  it('keeps unknown parameters and undocumented parity codes', () => {
    const settings = parsePortSettings(['^scport1: "baudrate",115200', '^SCPORT1: "PARITY",2', '^SCPORT1: "MODE","RS232"', 'unrelated']);
    assert.equal(settings.port, 1);
    assert.equal(settings.baudRate, 115200);
    assert.equal(settings.parity, 2);
    assert.equal(settings.parityName, undefined);
    assert.deepEqual(settings.values, { BAUDRATE: 115200, PARITY: 2, MODE: 'RS232' });
  });

  it('reads even parity', () => {
    assert.equal(parsePortSettings(['^SCPORT2: "PARITY",1']).parityName, 'even');
  });

  const broken = ['^SCPORT2: BAUDRATE,300', '^SCPORT2: "BAUDRATE","fast"', '^SCPORT2: "BAUDRATE"', '^SCPORT3: "BAUDRATE",300'];
  for (const line of broken) {
    it(`fails with E_PARSE for ${line}`, () => {
      parseFailure(() => parsePortSettings(['^SCPORT2: "DATA_BITS",8', line]), /\^SCPORT/);
    });
  }
});
