import assert from 'node:assert/strict';
import { AtChannel } from '../../../src/at/channel';
import { AtCommand } from '../../../src/at/command';
import { expectMeterError } from '../../helpers/meter-error';
import { openPair, settle, useChannelPerTest } from './scripted-peer';

const LONG = { timeoutMs: 10_000 };
const SCAMS_READ = AtCommand.read('^SCAMS');


describe('AtChannel', () => {
  const env = useChannelPerTest();

  it('sends the command with CR and resolves with the information lines (echo off)', async () => {
    const response = env.channel.execute(SCAMS_READ, LONG);
    assert.equal(await env.peer.nextLine(), 'AT^SCAMS?');
    await env.peer.send('\r\n^SCAMS: "ENABLE",1\r\n^SCAMS: "RETRY",0\r\n^SCAMS: NO DEVICE\r\n\r\nOK\r\n');
    assert.deepEqual(await response, { command: 'AT^SCAMS?', lines: ['^SCAMS: "ENABLE",1', '^SCAMS: "RETRY",0', '^SCAMS: NO DEVICE'] });
    assert.equal(env.peer.receivedText, 'AT^SCAMS?\r');
  });

  for (const echo of ['AT^SCAMS?', 'at^scams?', '  AT^SCAMS?  ']) {
    it(`drops the echoed command ${JSON.stringify(echo)}`, async () => {
      const response = env.channel.execute(SCAMS_READ, LONG);
      await env.peer.nextLine();
      await env.peer.send(`${echo}\r\n^SCAMS: "ENABLE",0\r\nOK\r\n`);
      assert.deepEqual((await response).lines, ['^SCAMS: "ENABLE",0']);
    });
  }

  it('uses CRLF as the terminator when configured', async () => {
    const crlf = new AtChannel(env.client, { terminator: '\r\n' });
    env.channel.dispose();
    const response = crlf.execute(AtCommand.exec(''), LONG);
    await env.peer.nextLine();
    await env.peer.send('OK\n');
    await response;
    crlf.dispose();
    assert.equal(env.peer.receivedText, 'AT\r\n');
  });

  const errors: [string, string, number | undefined][] = [
    ['ERROR', 'ERROR', undefined],
    ['ERROR 3', 'ERROR', 3],
    ['+CME ERROR: 10', '+CME ERROR', 10],
    ['+CMS ERROR: 500', '+CMS ERROR', 500],
  ];
  for (const [line, result, errorNumber] of errors) {
    it(`rejects "${line}" with E_AT_ERROR keeping the number`, async () => {
      const command = AtCommand.set('^SCAMS', ['DEV_REMOVE', 40]);
      const outcome = expectMeterError(env.channel.execute(command, LONG), 'E_AT_ERROR');
      await env.peer.nextLine();
      await env.peer.send(`AT^SCAMS="DEV_REMOVE",40\r\n^SCAMS: partial\r\n${line}\r\n`);
      const error = await outcome;
      const expected: Record<string, unknown> = { command: 'AT^SCAMS="DEV_REMOVE",40', result, lines: ['^SCAMS: partial'] };
      if (errorNumber !== undefined) expected.errorNumber = errorNumber;
      assert.deepEqual(error.details, expected);
      assert.ok(error.message.includes(line.replace(':', '')) || error.message.includes(line), error.message);
    });
  }

  const splits: [string, string, number][] = [
    ['CRLF, byte by byte', '\r\n', 1],
    ['LF, byte by byte', '\n', 1],
    ['CRLF, chunks of 5', '\r\n', 5],
    ['LF, one chunk', '\n', Infinity],
  ];
  for (const [name, eol, size] of splits) {
    it(`returns a ^SCDATA record whose data spans several lines as one line (${name})`, async () => {
      const data = ['F.F(000000)', 'C.1.0(04869551)', '1.8.1(0000002.7#kWh)', '0.4.2(001)', ''];
      const head = '^SCDATA: "AMS",1463246887,48962,"IEC62056-21",1,0,"ZE310.iv30_012","';
      const response = env.channel.execute(AtCommand.set('^SCDATA', ['GET_OLDEST', 1]), LONG);
      await env.peer.nextLine();
      await env.peer.send(`${head}${data.join(eol)}"${eol}OK${eol}`, size);
      assert.deepEqual((await response).lines, [`${head}${data.join('\n')}"`]);
    });
  }

  it('emits an unsolicited line between two commands as a urc, in neither response', async () => {
    const first = env.channel.execute(AtCommand.exec('I3'), LONG);
    await env.peer.nextLine();
    await env.peer.send('1.13.6\r\nOK\r\n^SCLINK: 1,"T1","123","COM1","admin","connected"\r\n');
    assert.deepEqual((await first).lines, ['1.13.6']);
    await settle();
    const second = env.channel.execute(SCAMS_READ, LONG);
    await env.peer.nextLine();
    await env.peer.send('^SCAMS: "ENABLE",1\r\nOK\r\n');
    assert.deepEqual((await second).lines, ['^SCAMS: "ENABLE",1']);
    assert.deepEqual(env.urcs, ['^SCLINK: 1,"T1","123","COM1","admin","connected"']);
  });

  it('takes a line with another command\'s prefix out of a running response as a urc', async () => {
    const response = env.channel.execute(SCAMS_READ, LONG);
    await env.peer.nextLine();
    await env.peer.send('^SCAMS: "ENABLE",1\r\n^SCTERMINAL: 4,"T","1","online",""\r\n+CREG: 1\r\n^scams: "RETRY",2\r\nOK\r\n');
    assert.deepEqual((await response).lines, ['^SCAMS: "ENABLE",1', '^scams: "RETRY",2']);
    assert.deepEqual(env.urcs, ['^SCTERMINAL: 4,"T","1","online",""', '+CREG: 1']);
  });

  it('strips Telnet IAC sequences from the answer and refuses the options', async () => {
    const response = env.channel.execute(AtCommand.exec(''), LONG);
    await env.peer.nextLine();
    await env.peer.send(Buffer.from([0xff, 0xfd, 0x1f, 0x4f, 0xff, 0xfb, 0x01, 0x4b, 0x0d, 0x0a]), 1);
    assert.deepEqual((await response).lines, []);
    await settle();
    assert.deepEqual([...Buffer.concat(env.peer.received).subarray(3)], [0xff, 0xfc, 0x1f, 0xff, 0xfe, 0x01]);
  });

  it('after a timeout, drops the late answer so the next command gets its own', async () => {
    const discarded: string[] = [];
    env.channel.on('discard', (line: string) => discarded.push(line));
    const first = env.channel.execute(AtCommand.set('^SCAMS', ['DIRECT_READ', 2, 'IEC62056-21', '947834', 2400]), { timeoutMs: 30 });
    await env.peer.nextLine();
    const error = await expectMeterError(first, 'E_TIMEOUT');
    assert.equal(error.details.command, 'AT^SCAMS="DIRECT_READ",2,"IEC62056-21","947834",2400');
    env.channel.abandonPending(); // what the pool does after a lease timeout: nothing running, no change
    assert.equal(env.channel.resyncing, true);
    const second = env.channel.execute(SCAMS_READ, LONG);
    await env.peer.nextLine();
    await env.peer.send('^SCAMS: "LATE",1\r\nERROR 4\r\n^SCAMS: "ENABLE",1\r\nOK\r\n');
    assert.deepEqual((await second).lines, ['^SCAMS: "ENABLE",1']);
    assert.deepEqual(discarded, ['^SCAMS: "LATE",1', 'ERROR 4']);
    assert.deepEqual(env.urcs, []);
    assert.equal(env.channel.resyncing, false);
  });

  it('abandonPending fails the running command with E_ABORTED and drops its late answer', async () => {
    const first = env.channel.execute(AtCommand.exec('I3'), LONG);
    await env.peer.nextLine();
    env.channel.abandonPending();
    await expectMeterError(first, 'E_ABORTED');
    await env.peer.send('1.13.6\r\nOK\r\n');
    const second = env.channel.execute(AtCommand.exec(''), LONG);
    await env.peer.nextLine();
    await env.peer.send('OK\r\n');
    assert.deepEqual((await second).lines, []);
    assert.deepEqual(env.urcs, []);
  });

  it('ends the resync at the echo of the next command when the late answer never comes', async () => {
    const first = env.channel.execute(AtCommand.exec('I3'), { timeoutMs: 30 });
    await env.peer.nextLine();
    await expectMeterError(first, 'E_TIMEOUT');
    const second = env.channel.execute(AtCommand.exec('I4'), LONG);
    await env.peer.nextLine();
    await env.peer.send('ATI4\r\n12345\r\nOK\r\n');
    assert.deepEqual((await second).lines, ['12345']);
  });

  it('fails with E_ABORTED when the signal aborts, and writes nothing for an already aborted signal', async () => {
    const controller = new AbortController();
    const running = env.channel.execute(AtCommand.exec('I3'), { timeoutMs: 10_000, signal: controller.signal });
    await env.peer.nextLine();
    controller.abort();
    await expectMeterError(running, 'E_ABORTED');
    const before = env.peer.receivedBytes;
    await expectMeterError(env.channel.execute(AtCommand.exec(''), { timeoutMs: 10_000, signal: controller.signal }), 'E_ABORTED');
    await settle();
    assert.equal(env.peer.receivedBytes, before);
  });

  it('rejects a second concurrent command without sending it', async () => {
    const first = env.channel.execute(AtCommand.exec('I3'), LONG);
    await env.peer.nextLine();
    const error = await expectMeterError(env.channel.execute(AtCommand.exec(''), LONG), 'E_PROTOCOL');
    assert.match(error.message, /still running/);
    await env.peer.send('x\r\nOK\r\n');
    assert.deepEqual((await first).lines, ['x']);
    assert.equal(env.peer.receivedText, 'ATI3\r');
  });

  const injections: [string, string][] = [
    ['a double quote', '1",1\rAT^SCDATA="DEL_ALL'],
    ['a CR', 'X\rAT^SCDATA="DEL_ALL"'],
    ['an LF', 'X\nATZ'],
    ['a NUL', 'X\u0000'],
  ];
  for (const [name, value] of injections) {
    it(`rejects an argument with ${name} before any byte is written`, async () => {
      const attempt = async (): Promise<unknown> => env.channel.execute(AtCommand.set('^SCAMS', ['DEV_ADD', 2, 'IEC62056-21', value, '3M']), LONG);
      await expectMeterError(attempt(), 'E_BAD_ARGUMENT');
      await settle();
      assert.equal(env.peer.receivedBytes, 0);
      assert.equal(env.channel.busy, false);
    });
  }

  it('dispose removes its link listeners and fails a running command with E_CLOSED', async () => {
    const fresh = await openPair();
    const dataListeners = fresh.client.listenerCount('data');
    const closeListeners = fresh.client.listenerCount('close');
    const other = new AtChannel(fresh.client);
    assert.equal(fresh.client.listenerCount('data'), dataListeners + 1);
    const running = other.execute(AtCommand.exec(''), LONG);
    other.dispose();
    await expectMeterError(running, 'E_CLOSED');
    assert.equal(fresh.client.listenerCount('data'), dataListeners);
    assert.equal(fresh.client.listenerCount('close'), closeListeners);
    await expectMeterError(other.execute(AtCommand.exec(''), LONG), 'E_CLOSED');
    await fresh.client.close();
  });

  it('fails a running command with E_CONNECTION_LOST when the link closes', async () => {
    const running = env.channel.execute(AtCommand.exec('I3'), LONG);
    await env.peer.nextLine();
    await env.peer.link.close();
    await expectMeterError(running, 'E_CONNECTION_LOST');
    assert.equal(env.channel.isClosed, true);
  });

  it('refuses to send on a link that is not open', async () => {
    await env.client.close();
    const fresh = new AtChannel(env.client);
    await expectMeterError(fresh.execute(AtCommand.exec(''), LONG), 'E_NOT_CONNECTED');
    fresh.dispose();
  });
});
