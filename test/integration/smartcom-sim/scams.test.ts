import assert from 'node:assert/strict';
import { linesOf } from './raw-client';
import { simulatorFixture } from './fixture';

const ADD_FAQ_METER = 'AT^SCAMS="DEV_ADD",2,"IEC62056-21","947834","3M"';

describe('SmartCOM simulator: AT^SCAMS', () => {
  const fixture = simulatorFixture();

  it('prints the manual\'s listing on =?', async () => {
    const { client } = await fixture.session();
    assert.deepEqual(linesOf(await client.command('AT^SCAMS=?')), [
      '^SCAMS: "ENABLE",0|1',
      '^SCAMS: "RETRY",0-9',
      '^SCAMS: "DEV_ADD",1-1000,"32"|1-1000,"32","3"',
      '^SCAMS: "DEV_REMOVE",1-32',
      '^SCAMS: "DEV_CLEAR"',
      '^SCAMS: "DEV_INTERVAL","ALL"|1-32,"3"',
      '^SCAMS: "DIRECT_READ",1-1000,"32"|1-1000,"32","32"|300-115200',
      'OK',
    ]);
  });

  it('shows ENABLE, RETRY and NO DEVICE for an empty table', async () => {
    const { client } = await fixture.session();
    assert.equal(await client.command('AT^SCAMS?'), '^SCAMS: "ENABLE",0\r\n^SCAMS: "RETRY",0\r\n^SCAMS: NO DEVICE\r\nOK\r\n');
  });

  it('adds meters and lists them as DEV_CNT plus "n> port,..." lines', async () => {
    const { sim, client } = await fixture.session();
    assert.equal(await client.command(ADD_FAQ_METER), 'OK\r\n');
    assert.equal(await client.command('at^scams="dev_add",2,"mbus","*15020416@2400","1m"'), 'OK\r\n');
    assert.equal(await client.command('AT^SCAMS="ENABLE",1'), 'OK\r\n');
    assert.equal(await client.command('AT^SCAMS="RETRY",2'), 'OK\r\n');
    assert.deepEqual(linesOf(await client.command('AT^SCAMS?')), [
      '^SCAMS: "ENABLE",1',
      '^SCAMS: "RETRY",2',
      '^SCAMS: "DEV_CNT",2',
      '^SCAMS: 1> 2,"IEC62056-21","947834","3M"',
      '^SCAMS: 2> 2,"MBUS","*15020416@2400","1M"',
      'OK',
    ]);
    assert.deepEqual(sim.table().map((entry) => [entry.index, entry.address]), [[1, '947834'], [2, '*15020416@2400']]);
  });

  it('validates DEV_ADD: port range, protocol, address length, interval list, argument types', async () => {
    const { sim, client } = await fixture.session();
    for (const command of [
      'AT^SCAMS="DEV_ADD",0,"IEC62056-21","1","3M"',
      'AT^SCAMS="DEV_ADD",1001,"IEC62056-21","1","3M"',
      'AT^SCAMS="DEV_ADD",2,"DLMS","1","3M"',
      `AT^SCAMS="DEV_ADD",2,"IEC62056-21","${'1'.repeat(33)}","3M"`,
      'AT^SCAMS="DEV_ADD",2,"IEC62056-21","","3M"',
      'AT^SCAMS="DEV_ADD",2,"IEC62056-21","1","7M"',
      'AT^SCAMS="DEV_ADD",2,"IEC62056-21","1",3M',
      'AT^SCAMS="DEV_ADD","2","IEC62056-21","1","3M"',
      'AT^SCAMS="DEV_ADD",2,"IEC62056-21","1"',
    ]) {
      assert.equal(await client.command(command), 'ERROR\r\n', command);
    }
    assert.equal(sim.table().length, 0);
  });

  it('accepts every interval from the FAQ', async () => {
    const { sim, client } = await fixture.session({ tableSize: 19 });
    for (const interval of ['1M', '2M', '3M', '4M', '5M', '6M', '10M', '12M', '15M', '20M', '30M', '1H', '2H', '3H', '4H', '6H', '8H', '12H', '1D']) {
      assert.equal(await client.command(`AT^SCAMS="DEV_ADD",2,"IEC62056-21","1","${interval}"`), 'OK\r\n', interval);
    }
    assert.equal(sim.table().length, 19);
  });

  it('answers ERROR when the table is full (32 by default)', async () => {
    const { sim, client } = await fixture.session();
    for (let i = 1; i <= 32; i++) await client.command(`AT^SCAMS="DEV_ADD",2,"IEC62056-21","${i}","1H"`);
    assert.equal(sim.table().length, 32);
    assert.equal(await client.command(ADD_FAQ_METER), 'ERROR\r\n');
    assert.equal(sim.table().length, 32);
  });

  it('removes one meter by position (later ones move up) and clears the table', async () => {
    const { sim, client } = await fixture.session();
    for (const address of ['a', 'b', 'c']) await client.command(`AT^SCAMS="DEV_ADD",2,"IEC62056-21","${address}","5M"`);
    assert.equal(await client.command('AT^SCAMS="DEV_REMOVE",2'), 'OK\r\n');
    assert.deepEqual(sim.table().map((entry) => [entry.index, entry.address]), [[1, 'a'], [2, 'c']]);
    assert.equal(await client.command('AT^SCAMS="DEV_REMOVE",3'), 'ERROR\r\n');
    assert.equal(await client.command('AT^SCAMS="DEV_REMOVE",0'), 'ERROR\r\n');
    assert.equal(await client.command('AT^SCAMS="DEV_CLEAR"'), 'OK\r\n');
    assert.match(await client.command('AT^SCAMS?'), /NO DEVICE/);
  });

  it('changes the interval of one meter or of all', async () => {
    const { sim, client } = await fixture.session();
    await client.command(ADD_FAQ_METER);
    await client.command('AT^SCAMS="DEV_ADD",2,"IEC62056-21","869551","3M"');
    assert.equal(await client.command('AT^SCAMS="DEV_INTERVAL",2,"15M"'), 'OK\r\n');
    assert.deepEqual(sim.table().map((entry) => entry.interval), ['3M', '15M']);
    assert.equal(await client.command('AT^SCAMS="DEV_INTERVAL","all","1h"'), 'OK\r\n');
    assert.deepEqual(sim.table().map((entry) => entry.interval), ['1H', '1H']);
    for (const command of ['AT^SCAMS="DEV_INTERVAL",3,"1H"', 'AT^SCAMS="DEV_INTERVAL","SOME","1H"', 'AT^SCAMS="DEV_INTERVAL",1,"9M"']) {
      assert.equal(await client.command(command), 'ERROR\r\n', command);
    }
  });

  it('validates ENABLE and RETRY', async () => {
    const { sim, client } = await fixture.session();
    for (const command of ['AT^SCAMS="ENABLE",2', 'AT^SCAMS="RETRY",10', 'AT^SCAMS="RETRY"', 'AT^SCAMS="SPEED",1', 'AT^SCAMS=ENABLE,1']) {
      assert.equal(await client.command(command), 'ERROR\r\n', command);
    }
    assert.equal(await client.command('AT^SCAMS="RETRY",9'), 'OK\r\n');
    assert.equal(sim.ams.retry, 9);
  });

  describe('DIRECT_READ', () => {
    const READ = 'AT^SCAMS="DIRECT_READ",2,"IEC62056-21","947834"';

    it('prints the reading as ^SCAMS lines by default (with or without the baud rate)', async () => {
      const { sim, client } = await fixture.session();
      const expected = [
        '^SCAMS: "DIRECT_READ",0,"ZE310.iv30_012"',
        '^SCAMS: F.F(000000)', '^SCAMS: C.1.0(04869551)', '^SCAMS: C.90(947834)', '^SCAMS: 1.8.0(0000004.8*kWh)',
        '^SCAMS: 1.8.1(0000002.7#kWh)', '^SCAMS: 1.8.2(0000002.1#kWh)', '^SCAMS: C.9.3(12-04-24 09:01)', '^SCAMS: 0.4.2(001)',
        'OK',
      ];
      assert.deepEqual(linesOf(await client.command(READ)), expected);
      assert.deepEqual(linesOf(await client.command(`${READ},2400`)), expected);
      assert.equal(sim.records().length, 0, 'a direct read stores nothing in this variant');
    });

    it('passes the port, protocol, address and baud rate (default: the active port speed) to the meter reader', async () => {
      const requests: unknown[] = [];
      const { client } = await fixture.session({
        meterReader: async (request) => {
          requests.push(request);
          return { ok: false, errorCode: 65541 };
        },
      });
      assert.deepEqual(linesOf(await client.command(`${READ},300`)), ['^SCAMS: "DIRECT_READ",65541,""', 'OK']);
      await client.command(READ);
      assert.deepEqual(requests, [
        { port: 2, protocol: 'IEC62056-21', address: '947834', baudRate: 300 },
        { port: 2, protocol: 'IEC62056-21', address: '947834', baudRate: 2400 },
      ]);
    });

    it('prints one ^SCDATA record line in the "record" variant', async () => {
      const { sim, client } = await fixture.session({ variants: { directRead: 'record' }, firstSeq: 48962 });
      const answer = await client.command(READ);
      assert.equal(answer, `^SCDATA: "AMS",${Math.floor(sim.clock.now() / 1000)},48962,"IEC62056-21",0,0,"ZE310.iv30_012","F.F(000000)\r\n`
        + 'C.1.0(04869551)\r\nC.90(947834)\r\n1.8.0(0000004.8*kWh)\r\n1.8.1(0000002.7#kWh)\r\n1.8.2(0000002.1#kWh)\r\n'
        + 'C.9.3(12-04-24 09:01)\r\n0.4.2(001)\r\n"\r\nOK\r\n');
      assert.equal(sim.records().length, 0);
    });

    it('only stores a record and answers OK in the "stored-only" variant', async () => {
      const { sim, client } = await fixture.session({ variants: { directRead: 'stored-only' } });
      assert.equal(await client.command(READ), 'OK\r\n');
      const records = sim.records();
      assert.equal(records.length, 1);
      assert.equal(records[0].index, 0);
      assert.match(records[0].data, /^F\.F\(000000\)\r\n/);
    });

    it('stores an error record with empty data when the meter does not answer ("stored-only")', async () => {
      const { createFixedMeterReader } = await import('../../../src/sim/smartcom');
      const { sim, client } = await fixture.session({
        variants: { directRead: 'stored-only' }, meterReader: createFixedMeterReader({ absent: ['947834'] }),
      });
      assert.equal(await client.command(READ), 'OK\r\n');
      assert.deepEqual(sim.records().map((record) => [record.errorCode, record.identification, record.data]), [[65541, '', '']]);
    });

    it('rejects the 5th (baud) argument in the "rejected" variant but reads without it', async () => {
      const { client } = await fixture.session({ variants: { directReadBaudArgument: 'rejected' } });
      assert.equal(await client.command(`${READ},2400`), 'ERROR\r\n');
      assert.match(await client.command(READ), /^\^SCAMS: "DIRECT_READ",0,/);
    });

    it('validates its arguments', async () => {
      const { client } = await fixture.session();
      for (const command of [`${READ},2401`, 'AT^SCAMS="DIRECT_READ",2,"IEC62056-21"', 'AT^SCAMS="DIRECT_READ",2,"XYZ","1"', `${READ},2400,1`]) {
        assert.equal(await client.command(command), 'ERROR\r\n', command);
      }
    });

    it('is a long command: the meter is read only after the configured read time, and the answer waits for it', async () => {
      let reads = 0;
      const sim = await fixture.start({
        directReadMs: 60_000, echo: false,
        meterReader: async () => {
          reads++;
          return { ok: false, errorCode: 65541 };
        },
      });
      const reader = await fixture.connect(sim);
      const other = await fixture.connect(sim);
      const received = new Promise<void>((resolve) => sim.once('command', () => resolve()));
      reader.write(`${READ}\r`);
      await received;
      assert.equal(await other.command('AT'), 'OK\r\n', 'other connections are still served');
      assert.equal(reads, 0);
      assert.equal(reader.unread(), '');
    });
  });
});
