import assert from 'node:assert/strict';
import { AtChannel } from '../../../src/at/channel';
import { AtCommand } from '../../../src/at/command';
import { parseScdataRecords } from '../../../src/smartcom/scdata';
import { openPair } from '../at/scripted-peer';

describe('GET_OLDEST through the AT channel into the record parser', () => {
  for (const eol of ['\r\n', '\n']) {
    it(`returns two records, the IEC one with its data lines intact (${JSON.stringify(eol)}, byte by byte)`, async () => {
      const { client, peer } = await openPair();
      const channel = new AtChannel(client);
      try {
        const data = ['F.F(000000)', '1.8.0(0000004.8*kWh)', 'C.9.3(12-04-24 09:01)', ''];
        const wire = [
          'AT^SCDATA="GET_OLDEST",2',
          `^SCDATA: "AMS",1463246887,48962,"IEC62056-21",1,0,"ZE310.iv30_012","${data.join(eol)}"`,
          '^SCDATA: "AMS",1463246947,48963,"AIN_DIN",2,0,"","131"',
          'OK',
          '',
        ].join(eol);
        const response = channel.execute(AtCommand.set('^SCDATA', ['GET_OLDEST', 2]), { timeoutMs: 10_000 });
        await peer.nextLine();
        await peer.send(wire, 1);
        const records = parseScdataRecords((await response).lines);
        assert.equal(records.length, 2);
        const [iec, pulse] = records;
        assert.ok(iec.kind === 'ams' && pulse.kind === 'ams');
        assert.equal(iec.data, data.join('\n'));
        assert.equal(iec.identification, 'ZE310.iv30_012');
        assert.equal(pulse.sequence, 48963);
        assert.equal(pulse.data, '131');
      } finally {
        channel.dispose();
        await client.close();
      }
    });
  }
});
