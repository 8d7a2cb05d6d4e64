import assert from 'node:assert/strict';
import { linesOf } from './raw-client';
import { simulatorFixture } from './fixture';

describe('SmartCOM simulator: basic AT commands and framing', () => {
  const fixture = simulatorFixture();

  it('answers AT with OK and identifies itself with ATI, ATI3 and ATI4', async () => {
    const { client } = await fixture.session({ model: 'Model X', firmware: 'FW 1.2', serialNumber: 'SN-9' });
    assert.equal(await client.command('AT'), 'OK\r\n');
    assert.equal(await client.command('ATI'), 'Model X\r\nOK\r\n');
    assert.equal(await client.command('ATI3'), 'FW 1.2\r\nOK\r\n');
    assert.equal(await client.command('ATI4'), 'SN-9\r\nOK\r\n');
  });

  it('echoes each command line by default, like the real unit, until ATE0', async () => {
    const sim = await fixture.start();
    const client = await fixture.connect(sim);
    assert.equal(await client.command('AT'), 'AT\r\nOK\r\n');
    assert.equal(await client.command('ATE0'), 'ATE0\r\nOK\r\n');
    assert.equal(await client.command('AT'), 'OK\r\n');
    assert.equal(await client.command('ATE1'), 'OK\r\n');
    assert.equal(await client.command('at'), 'at\r\nOK\r\n');
  });

  it('keeps the echo setting per connection and starts each one from the echo option', async () => {
    const sim = await fixture.start();
    const first = await fixture.connect(sim);
    const second = await fixture.connect(sim);
    await first.command('ATE0');
    assert.equal(await first.command('AT'), 'OK\r\n');
    assert.equal(await second.command('AT'), 'AT\r\nOK\r\n');

    const quiet = await fixture.start({ echo: false });
    const third = await fixture.connect(quiet);
    assert.equal(await third.command('AT'), 'OK\r\n');
  });

  it('ATZ restores the connection defaults (echo back on)', async () => {
    const sim = await fixture.start();
    const client = await fixture.connect(sim);
    await client.command('ATE0');
    assert.equal(await client.command('ATZ'), 'OK\r\n');
    assert.equal(await client.command('AT'), 'AT\r\nOK\r\n');
  });

  it('accepts CR, LF and CR LF terminated commands, in any case', async () => {
    const { client } = await fixture.session();
    assert.equal(await client.command('at', '\r'), 'OK\r\n');
    assert.equal(await client.command('At', '\n'), 'OK\r\n');
    assert.equal(await client.command('aT^scams?', '\r\n'), '^SCAMS: "ENABLE",0\r\n^SCAMS: "RETRY",0\r\n^SCAMS: NO DEVICE\r\nOK\r\n');
    assert.equal(client.unread(), '');
  });

  it('answers several commands sent in one chunk, in order', async () => {
    const { sim, client } = await fixture.session();
    client.write('AT\rATI3\r\nAT^FOO\nAT\r');
    assert.equal(await client.nextResponse(), 'OK\r\n');
    assert.equal(await client.nextResponse(), `${sim.options.firmware}\r\nOK\r\n`);
    assert.equal(await client.nextResponse(), 'ERROR\r\n');
    assert.equal(await client.nextResponse(), 'OK\r\n');
  });

  it('assembles a command split over several chunks', async () => {
    const { sim, client } = await fixture.session();
    client.write('AT^SC');
    await new Promise((resolve) => setImmediate(resolve));
    client.write('AMS="ENA');
    await new Promise((resolve) => setImmediate(resolve));
    client.write('BLE",1\r');
    assert.equal(await client.nextResponse(), 'OK\r\n');
    assert.equal(sim.ams.enabled, true);
    assert.deepEqual(sim.commandLog.map((entry) => entry.line), ['AT^SCAMS="ENABLE",1']);
  });

  it('ignores telnet option negotiation and the NUL after CR that telnet clients send', async () => {
    const { client } = await fixture.session();
    client.socket.write(Buffer.from([0xff, 0xfd, 0x01, 0xff, 0xfb, 0x1f, 0x41, 0x54, 0x0d, 0x00]));
    assert.equal(await client.nextResponse(), 'OK\r\n');
  });

  it('ends lines with the configured line ending', async () => {
    for (const [lineEnding, expected] of [['\n', 'ATI3\nSCE\nOK\n'], ['\r', 'ATI3\rSCE\rOK\r']] as const) {
      const sim = await fixture.start({ lineEnding, firmware: 'SCE' });
      const client = await fixture.connect(sim);
      client.write('ATI3\r');
      const { text } = await client.waitFor(/OK[\r\n]/);
      assert.equal(text, expected);
    }
  });

  it('answers ERROR to unknown commands, bad syntax and text that is not a command', async () => {
    const { client } = await fixture.session();
    for (const line of ['ATX9', 'AT^NOPE?', 'hello', 'AT^SCAMS="ENABLE",', 'AT^SCAMS="ENABLE', 'AT^SCAMS"ENABLE"', 'AT^SCAMS']) {
      assert.equal(await client.command(line), 'ERROR\r\n', line);
    }
  });

  it('numbers errors in the ERROR <n> and +CME ERROR: <n> styles', async () => {
    const numbered = await fixture.session({ errorStyle: 'numbered' });
    assert.equal(await numbered.client.command('ATX9'), 'ERROR 1\r\n');
    assert.equal(await numbered.client.command('AT^SCAMS="RETRY",10'), 'ERROR 4\r\n');
    assert.equal(await numbered.client.command('AT^SCAMS="RETRY","1"'), 'ERROR 3\r\n');
    const cme = await fixture.session({ errorStyle: 'cme' });
    assert.equal(await cme.client.command('AT^SCAMS="DEV_REMOVE",1'), '+CME ERROR: 5\r\n');
  });

  it('prints the banner before anything else', async () => {
    const sim = await fixture.start({ banner: '2N SmartCom AT API', echo: false });
    const client = await fixture.connect(sim);
    const answer = await client.command('AT');
    assert.deepEqual(linesOf(answer), ['2N SmartCom AT API', 'OK']);
  });
});
