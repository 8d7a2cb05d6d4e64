import assert from 'node:assert/strict';
import * as net from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { AtChannel } from '../../../src/at/channel';
import { AtCommand } from '../../../src/at/command';
import { TcpLink } from '../../../src/transport/tcp-link';
import { expectMeterError } from '../../helpers/meter-error';
import { settle, useChannelPerTest } from './scripted-peer';

const LONG = { timeoutMs: 10_000 };
const SCAMS_READ = AtCommand.read('^SCAMS');

/** A full garbage collection when the runtime allows one, so heap figures show what is kept, not what is litter. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  gc?.();
}

describe('AtChannel against a hostile gateway', () => {
  describe('a line without CR/LF (loopback TCP)', () => {
    const TOTAL = 50 * 1024 * 1024;
    const CHUNK = 64 * 1024;
    const HEAP_BOUND = 100 * 1024 * 1024;
    let server: net.Server;
    let link: TcpLink;
    let channel: AtChannel;
    let peer: net.Socket;

    beforeEach(async () => {
      const connected = new Promise<net.Socket>((resolve) => {
        server = net.createServer(resolve);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as net.AddressInfo;
      link = new TcpLink({ host: '127.0.0.1', port });
      await link.open();
      peer = await connected;
      channel = new AtChannel(link);
    });

    afterEach(async () => {
      channel.dispose();
      peer.destroy();
      await link.close();
      await new Promise((resolve) => server.close(resolve));
    });

    /** Writes `total` bytes of 'x' in chunks, honouring back-pressure; stops early when `stop` says so. */
    async function stream(total: number, stop: () => boolean): Promise<number> {
      const chunk = Buffer.alloc(CHUNK, 'x');
      let sent = 0;
      while (sent < total && !stop()) {
        if (!peer.write(chunk)) await new Promise((resolve) => peer.once('drain', resolve));
        sent += chunk.length;
      }
      return sent;
    }

    it('50 MB with no line break: the command fails with E_LINE_TOO_LONG and the heap stays flat', async () => {
      collectGarbage();
      const before = process.memoryUsage().heapUsed;
      let peak = 0;
      const sample = (): boolean => {
        peak = Math.max(peak, process.memoryUsage().heapUsed - before);
        return peak > HEAP_BOUND; // on a leak, stop early instead of exhausting the heap
      };
      const sampler = setInterval(sample, 5);
      const outcome = expectMeterError(channel.execute(SCAMS_READ, { timeoutMs: 120_000 }), 'E_LINE_TOO_LONG');
      const sent = await stream(TOTAL, sample);
      const error = await outcome;
      clearInterval(sampler);
      collectGarbage();
      sample();
      assert.ok(peak < HEAP_BOUND, `heap grew by ${Math.round(peak / 1e6)} MB after ${Math.round(sent / 1e6)} MB`);
      assert.equal(sent, TOTAL);
      assert.equal(error.details.limit, 64 * 1024);
      assert.equal(channel.stats.linesTooLong, 1, 'one line dropped, however long it grew');
    });

    it('after the garbage, checks the link with AT and runs the next command in step', async () => {
      const received: string[] = [];
      let answering = false;
      peer.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString('latin1').split('\r').filter((text) => text !== '')) {
          received.push(line);
          if (answering) peer.write(line === 'AT' ? 'OK\r\n' : '^SCAMS: "ENABLE",1\r\nOK\r\n');
        }
      });
      const first = expectMeterError(channel.execute(SCAMS_READ, LONG), 'E_LINE_TOO_LONG');
      await stream(1024 * 1024, () => false);
      await first;
      peer.write('\r\nOK\r\n'); // the garbage ends, with the failed command's final result
      answering = true;
      const second = await channel.execute(SCAMS_READ, LONG);
      assert.deepEqual(second.lines, ['^SCAMS: "ENABLE",1']);
      assert.deepEqual(received, ['AT^SCAMS?', 'AT', 'AT^SCAMS?']);
    });
  });

  describe('answers shifted by one (echo off)', () => {
    const env = useChannelPerTest();

    /** The gateway answers OK at once to the first command, then its real answer 50 ms later. */
    async function earlyOk(): Promise<void> {
      const first = env.channel.execute(SCAMS_READ, LONG);
      await env.peer.nextLine();
      await env.peer.send('OK\r\n');
      assert.deepEqual((await first).lines, [], 'the early OK is taken: nothing can tell it apart');
    }

    it('a final result with no command running puts the channel out of step; the next command checks with AT first', async () => {
      await earlyOk();
      await env.peer.send('^SCAMS: "ENABLE",1\r\nOK\r\n'); // the real answer, late
      assert.match(String(env.channel.outOfStep), /no command running/);
      const next = env.channel.execute(AtCommand.set('^SCPORT2', ['BAUDRATE', 300]), LONG);
      assert.equal(await env.peer.nextLine(), 'AT');
      await env.peer.send('OK\r\n');
      assert.equal(await env.peer.nextLine(), 'AT^SCPORT2="BAUDRATE",300');
      await env.peer.send('OK\r\n');
      assert.deepEqual((await next).lines, []);
      assert.equal(env.channel.outOfStep, undefined);
      assert.equal(env.channel.stats.linkChecks, 1);
    });

    it('another command\'s ^SC answer fails the running command with E_OUT_OF_STEP, and the next is in step again', async () => {
      await earlyOk();
      const second = expectMeterError(env.channel.execute(AtCommand.set('^SCDATA', ['MESS_CNT']), LONG), 'E_OUT_OF_STEP');
      await env.peer.nextLine();
      await env.peer.send('^SCAMS: "ENABLE",1\r\nOK\r\n'); // the first command's answer arrives during the second
      const error = await second;
      assert.equal(error.details.command, 'AT^SCDATA="MESS_CNT"');
      await env.peer.send('^SCDATA: "MESS_CNT",5\r\nOK\r\n'); // the second's own answer, now stale: dropped
      const third = env.channel.execute(AtCommand.set('^SCDATA', ['MESS_CNT']), LONG);
      assert.equal(await env.peer.nextLine(), 'AT');
      await env.peer.send('OK\r\n');
      await env.peer.nextLine();
      await env.peer.send('^SCDATA: "MESS_CNT",7\r\nOK\r\n');
      assert.deepEqual((await third).lines, ['^SCDATA: "MESS_CNT",7']);
      assert.deepEqual(env.urcs, []);
    });

    it('six commands in a row after one early OK: at most the first is wrong, the rest get their own answers', async () => {
      await earlyOk();
      const answers: string[] = [];
      for (let n = 1; n <= 6; n++) {
        const command = AtCommand.set('^SCDATA', ['GET_OLDEST', n]);
        const running = env.channel.execute(command, LONG).then(
          (response) => answers.push(response.lines.join('|')),
          (error: Error) => answers.push(`failed: ${(error as { code?: string }).code}`),
        );
        let line = await env.peer.nextLine();
        if (line === 'AT') {
          await env.peer.send('OK\r\n');
          line = await env.peer.nextLine();
        }
        // Before the first of them, the late answer of the early-OK command comes.
        const late = n === 1 ? '^SCAMS: "ENABLE",1\r\nOK\r\n' : '';
        await env.peer.send(`${late}^SCDATA: ${n}\r\nOK\r\n`);
        await running;
        await settle();
      }
      assert.deepEqual(answers.slice(1), ['^SCDATA: 2', '^SCDATA: 3', '^SCDATA: 4', '^SCDATA: 5', '^SCDATA: 6']);
      assert.equal(answers[0], 'failed: E_OUT_OF_STEP');
    });

    it('fails with E_OUT_OF_STEP and asks for a reset when the link check gets no OK', async () => {
      await earlyOk();
      await env.peer.send('OK\r\n');
      const next = expectMeterError(env.channel.execute(SCAMS_READ, { timeoutMs: 400 }), 'E_OUT_OF_STEP');
      assert.equal(await env.peer.nextLine(), 'AT');
      await next;
      assert.equal(env.channel.needsReset, true);
    });
  });

  describe('with echo on', () => {
    const env = useChannelPerTest();

    it('drops what comes before the echo: a late answer is never taken for the next command\'s', async () => {
      env.channel.echoExpected = true;
      const first = env.channel.execute(SCAMS_READ, LONG);
      await env.peer.nextLine();
      await env.peer.send('AT^SCAMS?\r\nOK\r\n'); // echo, then an early OK
      assert.deepEqual((await first).lines, []);
      const second = env.channel.execute(SCAMS_READ, LONG);
      await env.peer.nextLine();
      await env.peer.send('^SCAMS: "LATE",1\r\nOK\r\nAT^SCAMS?\r\n^SCAMS: "ENABLE",0\r\nOK\r\n');
      assert.deepEqual((await second).lines, ['^SCAMS: "ENABLE",0']);
    });
  });

  describe('caps', () => {
    const env = useChannelPerTest();

    it('an answer of 11 MB of lines fails with E_ANSWER_TOO_LARGE, keeps nothing, and the next command checks the link', async () => {
      const running = expectMeterError(env.channel.execute(AtCommand.set('^SCDATA', ['GET_OLDEST', 99]), { timeoutMs: 60_000 }), 'E_ANSWER_TOO_LARGE');
      await env.peer.nextLine();
      const block = `^SCDATA: "AMS",1,2,"IEC62056-21",1,0,"X","${'y'.repeat(90)}"\r\n`.repeat(1000);
      for (let sent = 0; sent < 11 * 1024 * 1024; sent += block.length) await env.peer.send(block, 64 * 1024);
      await env.peer.send('OK\r\n');
      const error = await running;
      assert.equal(error.details.maxChars, 4 * 1024 * 1024);
      assert.equal(error.details.maxLines, 10_000);
      assert.ok(env.channel.outOfStep);
    });

    it('refuses a 1,000-argument command line with E_BAD_ARGUMENT before any byte is written', async () => {
      const attempt = async (): Promise<unknown> => env.channel.execute(AtCommand.set('^SCAMS', Array.from({ length: 1000 }, () => 'DEV_ADD'.repeat(21))), LONG);
      await expectMeterError(attempt(), 'E_BAD_ARGUMENT');
      await settle();
      assert.equal(env.peer.receivedBytes, 0);
    });

    it('caps the lines of one answer (option)', async () => {
      const small = new AtChannel(env.client, { maxAnswerLines: 3 });
      env.channel.dispose();
      const running = expectMeterError(small.execute(AtCommand.exec('I3'), LONG), 'E_ANSWER_TOO_LARGE');
      await env.peer.nextLine();
      await env.peer.send('a\r\nb\r\nc\r\nd\r\nOK\r\n');
      assert.equal((await running).details.lines, 4);
      small.dispose();
    });
  });

  describe('unprefixed unsolicited lines', () => {
    const env = useChannelPerTest();

    it('keeps RING, NO CARRIER and BUSY out of a running answer and emits them as URCs', async () => {
      const running = env.channel.execute(AtCommand.exec('I3'), LONG);
      await env.peer.nextLine();
      await env.peer.send('RING\r\n1.13.6\r\nNO CARRIER\r\nBUSY\r\nOK\r\n');
      assert.deepEqual((await running).lines, ['1.13.6']);
      assert.deepEqual(env.urcs, ['RING', 'NO CARRIER', 'BUSY']);
    });

    it('emits RING while idle as a URC without putting the channel out of step', async () => {
      await env.peer.send('RING\r\n');
      assert.deepEqual(env.urcs, ['RING']);
      assert.equal(env.channel.outOfStep, undefined);
    });
  });
});
