import assert from 'node:assert/strict';
import { meterProfile } from '../../../src/sim/meter/profiles';
import { MeterSimServer } from '../../../src/sim/meter/tcp-server';
import type { MeterProfileOverrides } from '../../../src/sim/meter/profile';
import { commandFrame, EOT, ETX, findBlock, RawTcpClient, SOH, xor7 } from './helpers';

const ACK = '\x06';
const NAK = '\x15';

describe('meter simulator: programming mode (P0/P1, R1, R5 load profile, partial blocks, W1, B0)', () => {
  let server: MeterSimServer | undefined;
  let client: RawTcpClient | undefined;

  /** Request, identification, option select Y=1; resolves once the meter's P0 has arrived (and checks it). */
  async function enterProgramming(overrides: MeterProfileOverrides = {}): Promise<RawTcpClient> {
    server = new MeterSimServer(meterProfile('programming', overrides), { pacing: false, reactionTimeMs: 2 });
    const { port } = await server.start();
    const c = await RawTcpClient.connect(port);
    client = c;
    c.send('/?10067967!\r\n');
    await c.waitForText('\r\n');
    assert.equal(c.received.toString('latin1'), '/EMH5\\@01LZQJL0014F\r\n');
    c.clear();
    c.send('\x06051\r\n');
    const p0 = await c.waitForBlock(0, SOH);
    assert.equal(p0.text, 'P0\x02(10067967)');
    assert.equal(p0.bcc, xor7(p0.covered));
    c.clear();
    return c;
  }

  async function login(c: RawTcpClient): Promise<void> {
    c.send(commandFrame('P1', '(00000000)'));
    await c.waitForText(ACK);
    c.clear();
  }

  afterEach(async () => {
    await client?.close();
    await server?.stop();
    client = undefined;
    server = undefined;
  });

  it('sends P0 at the selected speed and accepts the right password with ACK', async () => {
    const c = await enterProgramming();
    c.send(commandFrame('P1', '(00000000)'));
    await c.waitForText(ACK);
    assert.equal(c.received.toString('latin1'), ACK);
    assert.deepEqual(server!.simulator.log.sent().map((e) => [e.what, e.baudRate]), [['identification', 300], ['P0', 9600], ['ACK', 9600]]);
  });

  it('answers a wrong password with NAK, and the session stays open for a retry', async () => {
    const c = await enterProgramming();
    c.send(commandFrame('P1', '(12345678)'));
    await c.waitForText(NAK);
    c.clear();
    await login(c);
    assert.equal(server!.simulator.log.events('password-rejected').length, 1);
  });

  it('never writes a password into its log', async () => {
    const c = await enterProgramming();
    await login(c);
    const logged = JSON.stringify(server!.simulator.log.entries);
    assert.ok(!logged.includes('00000000)'), 'the P1 password must not be logged');
    assert.match(logged, /password hidden/);
  });

  it('never writes a wrong password into its log either, whether it answers NAK or a break', async () => {
    for (const wrongPassword of ['nak', 'break'] as const) {
      const c = await enterProgramming({ programming: { wrongPassword } });
      c.send(commandFrame('P2', '(S3cr3t!9)'));
      await server!.simulator.log.waitFor((e) => e.type === 'event' && e.name === 'password-rejected');
      const logged = JSON.stringify(server!.simulator.log.entries);
      assert.ok(!logged.includes('S3cr3t!9'), `a rejected password must not be logged (${wrongPassword}): ${logged}`);
      await c.close();
      await server!.stop();
    }
  });

  it('answers a wrong password with a break B0 when the profile says so, and ends the session', async () => {
    const c = await enterProgramming({ programming: { wrongPassword: 'break' } });
    c.send(commandFrame('P1', '(12345678)'));
    const b0 = await c.waitForBlock(0, SOH);
    assert.equal(b0.text, 'B0');
    assert.equal(b0.bcc, 0x71, 'SOH B0 ETX q');
    await server!.simulator.log.waitFor((e) => e.type === 'event' && e.name === 'session-ended');
  });

  it('answers R1 register reads with STX address(value) ETX BCC, and unknown registers with (ER03)', async () => {
    const c = await enterProgramming();
    await login(c);
    c.send(commandFrame('R1', '1.8.0()'));
    const answer = await c.waitForBlock();
    assert.equal(answer.text, '1.8.0(012345.67*kWh)');
    assert.equal(answer.end, ETX);
    assert.equal(answer.bcc, xor7(answer.covered));
    c.clear();
    c.send(commandFrame('R1', '9.9.9()'));
    const error = await c.waitForBlock();
    assert.equal(error.text, '(ER03)');
  });

  it('refuses reads before the password with the error data set', async () => {
    const c = await enterProgramming();
    c.send(commandFrame('R1', '1.8.0()'));
    assert.equal((await c.waitForBlock()).text, '(ER03)');
  });

  it('NAKs a command with a wrong BCC', async () => {
    const c = await enterProgramming();
    const frame = commandFrame('P1', '(00000000)');
    frame[frame.length - 1] ^= 0x01;
    c.send(frame);
    await c.waitForText(NAK);
    assert.equal(server!.simulator.log.events('bad-bcc-received').length, 1);
  });

  it('acknowledges W1 writes, and later reads return the written value', async () => {
    const c = await enterProgramming();
    await login(c);
    c.send(commandFrame('W1', 'C.90.1(42)'));
    await c.waitForText(ACK);
    c.clear();
    c.send(commandFrame('R1', 'C.90.1()'));
    assert.equal((await c.waitForBlock()).text, 'C.90.1(42)');
  });

  it('answers R5 P.01(;) with every row and repeats the header where the status changes', async () => {
    const c = await enterProgramming();
    await login(c);
    c.send(commandFrame('R5', 'P.01(;)'));
    const reply = await c.waitForBlock();
    assert.equal(reply.bcc, xor7(reply.covered));
    const lines = reply.text.split('\r\n').filter((line) => line !== '');
    const headers = lines.filter((line) => line.startsWith('P.01('));
    assert.deepEqual(headers, [
      'P.01(0240310001500)(00000000)(15)(2)(1.5.0)(kW)(2.5.0)(kW)',
      'P.01(0240310100000)(00000080)(15)(2)(1.5.0)(kW)(2.5.0)(kW)',
      'P.01(0240310110000)(00000000)(15)(2)(1.5.0)(kW)(2.5.0)(kW)',
    ]);
    assert.equal(lines.length - headers.length, 96);
    assert.equal(lines[1], '(0.400)(0.000)');
    assert.ok(!reply.text.includes('!'), 'load profile replies end without !');
  });

  it('limits P.01 to the requested range (ZYYMMDDhhmm bounds)', async () => {
    const c = await enterProgramming();
    await login(c);
    c.send(commandFrame('R5', 'P.01(02403101200;02403101300)'));
    const lines = (await c.waitForBlock()).text.split('\r\n').filter((line) => line !== '');
    assert.equal(lines[0], 'P.01(0240310120000)(00000000)(15)(2)(1.5.0)(kW)(2.5.0)(kW)');
    assert.equal(lines.length, 1 + 5);
  });

  it('sends a long load profile as partial blocks: EOT blocks, ACK for the next, NAK to repeat, ETX at the end', async () => {
    const whole = await (async () => {
      const c = await enterProgramming();
      await login(c);
      c.send(commandFrame('R5', 'P.01(;)'));
      const text = (await c.waitForBlock()).text;
      await client?.close();
      await server?.stop();
      return text;
    })();
    const c = await enterProgramming({ programming: { partialBlockBytes: 400 } });
    await login(c);
    c.send(commandFrame('R5', 'P.01(;)'));
    const texts: string[] = [];
    let from = 0;
    let block = await c.waitForBlock(from);
    assert.equal(block.end, EOT);
    // NAK: the same block again.
    c.send(NAK);
    const repeated = await c.waitFor((received) => findBlock(received, block.next) !== undefined).then((r) => findBlock(r, block.next)!);
    assert.deepEqual([repeated.text, repeated.end, repeated.bcc], [block.text, block.end, block.bcc]);
    from = repeated.next;
    for (;;) {
      assert.equal(block.bcc, xor7(block.covered));
      assert.ok(block.text.length <= 400);
      texts.push(block.text);
      if (block.end === ETX) break;
      c.send(ACK);
      block = await c.waitForBlock(from);
      from = block.next;
    }
    assert.ok(texts.length > 3, `${texts.length} blocks`);
    assert.equal(texts.join(''), whole);
  });

  it('ends programming mode on B0 and answers a new request afterwards', async () => {
    const c = await enterProgramming();
    await login(c);
    c.send(commandFrame('B0'));
    const ended = await server!.simulator.log.waitFor((e) => e.type === 'event' && e.name === 'session-ended');
    assert.match(ended.type === 'event' ? ended.detail : '', /break B0/);
    assert.equal(server!.simulator.currentBaudRate, 300);
    c.send('/?!\r\n');
    await c.waitForText('/EMH5');
  });
});
