/**
 * The one-pass reader of AMS records (scdata-plain.ts) is only a shortcut: for every line it either
 * gives exactly what the general field parser gives, or declines (undefined) and leaves the line to it.
 */
import assert from 'node:assert/strict';
import { parseScdataRecord, type ScdataRecord } from '../../../src/smartcom/scdata';
import { plainAmsRecord } from '../../../src/smartcom/scdata-plain';

const PREFIX = '^SCDATA: ';
const DATA = 'F.F(000000)\nC.1.0(04869551)\n1.8.0(0000004.8*kWh)\n';

/** What the general parser makes of a line that the shortcut declines: forced by a lower-case type it ignores. */
function general(line: string): ScdataRecord {
  const lower = line.replace('"AMS"', '"ams"');
  const record = parseScdataRecord(lower);
  return { ...record, type: 'AMS', raw: line } as ScdataRecord;
}

function plain(line: string): ScdataRecord | undefined {
  return plainAmsRecord(line, PREFIX.length);
}

describe('AMS records read in one pass', () => {
  const taken: [string, string][] = [
    ['a record as the gateway writes it', `${PREFIX}"AMS",1463246887,48962,"IEC62056-21",1,0,"ZE310.iv30_012","${DATA}"`],
    ['an error code and empty identification and data', `${PREFIX}"AMS",1463246887,7,"IEC62056-21",3,65541,"",""`],
    ['a negative time and leading zeros', `${PREFIX}"AMS",-5,007,"MBUS",0,0,"","68 1F 1F 68"`],
    ['commas and line breaks inside the data', `${PREFIX}"AMS",1,2,"IEC62056-21",1,0,"a,b","x,y\n\nz"`],
    ['the largest integer it reads itself (15 digits)', `${PREFIX}"AMS",999999999999999,1,"X",1,0,"",""`],
  ];
  for (const [name, line] of taken) {
    it(`takes ${name}, with the general parser's result`, () => {
      const record = plain(line);
      assert.ok(record, 'taken');
      assert.deepEqual(record, general(line));
      assert.deepEqual(parseScdataRecord(line), record);
    });
  }

  const declined: [string, string][] = [
    ['a space after a comma', `${PREFIX}"AMS", 1,2,"X",1,0,"",""`],
    ['a doubled quote in the data', `${PREFIX}"AMS",1,2,"X",1,0,"","say ""hi"" there"`],
    ['a doubled quote in the identification', `${PREFIX}"AMS",1,2,"X",1,0,"a""b",""`],
    ['a record type other than AMS', `${PREFIX}"WMBUS",1,2,"2C44"`],
    ['a lower-case type', `${PREFIX}"ams",1,2,"X",1,0,"",""`],
    ['a field too few', `${PREFIX}"AMS",1,2,"X",1,0,""`],
    ['a field too many', `${PREFIX}"AMS",1,2,"X",1,0,"","","extra"`],
    ['an unquoted identification', `${PREFIX}"AMS",1,2,"X",1,0,ident,""`],
    ['a number with a fraction', `${PREFIX}"AMS",1.5,2,"X",1,0,"",""`],
    ['an integer of 16 digits', `${PREFIX}"AMS",1234567890123456,2,"X",1,0,"",""`],
    ['a lone minus sign', `${PREFIX}"AMS",-,2,"X",1,0,"",""`],
    ['data that never closes', `${PREFIX}"AMS",1,2,"X",1,0,"","open`],
  ];
  for (const [name, line] of declined) {
    it(`declines ${name} (the general parser decides)`, () => {
      assert.equal(plain(line), undefined);
    });
  }

  it('gives the same records as the general parser for a 16-digit number and a doubled quote (both through parseScdataRecord)', () => {
    assert.equal((parseScdataRecord(`${PREFIX}"AMS",1234567890123456,2,"X",1,0,"",""`) as { unixTime: number }).unixTime, 1234567890123456);
    assert.equal((parseScdataRecord(`${PREFIX}"AMS",1,2,"X",1,0,"","say ""hi"" there"`) as { data: string }).data, 'say "hi" there');
  });
});
