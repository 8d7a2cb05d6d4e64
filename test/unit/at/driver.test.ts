import assert from 'node:assert/strict';
import { AtChannel } from '../../../src/at/channel';
import { AtCommand } from '../../../src/at/command';
import { AtDriverOptions, createAtDriver } from '../../../src/at/driver';
import { MeterError } from '../../../src/errors';
import type { SessionDriver } from '../../../src/pool/types';
import type { MemoryLink } from '../../../src/transport/memory';
import { ScriptedPeer, openPair } from './scripted-peer';

const BASE: AtDriverOptions = { loginTimeoutMs: 10_000, commandTimeoutMs: 10_000, loginQuietMs: 50 };

describe('createAtDriver', () => {
  let client: MemoryLink;
  let peer: ScriptedPeer;
  let session: AtChannel | undefined;
  const signal = new AbortController().signal;

  beforeEach(async () => {
    ({ client, peer } = await openPair());
    session = undefined;
  });

  afterEach(async () => {
    session?.dispose();
    await client.close();
  });

  /** Opens with echo off (ATE0), the driver's behaviour before echo was kept on. */
  async function openWith(driver: SessionDriver<AtChannel>, answerToEcho: string): Promise<AtChannel> {
    const opening = driver.open(client, signal);
    assert.equal(await peer.nextLine(), 'ATE0');
    await peer.send(answerToEcho);
    session = await opening;
    return session;
  }

  it('opens without login: sends ATE0 when echo is off, then keep-alive sends AT', async () => {
    const driver = createAtDriver({ ...BASE, echo: false });
    const channel = await openWith(driver, 'ATE0\r\nOK\r\n');
    const alive = driver.keepAlive?.(channel, signal);
    assert.equal(await peer.nextLine(), 'AT');
    await peer.send('OK\r\n');
    await alive;
    assert.equal(peer.receivedText, 'ATE0\rAT\r');
    assert.equal(channel.echoExpected, false);
  });

  it('keeps echo on by default: ATE1, then relies on the echo once an AT shows it', async () => {
    const opening = createAtDriver(BASE).open(client, signal);
    assert.equal(await peer.nextLine(), 'ATE1');
    await peer.send('ATE1\r\nOK\r\n');
    assert.equal(await peer.nextLine(), 'AT');
    await peer.send('AT\r\nOK\r\n');
    session = await opening;
    assert.equal(session.echoExpected, true);
  });

  it('works without echo when the gateway does not echo after ATE1', async () => {
    const opening = createAtDriver(BASE).open(client, signal);
    await peer.nextLine();
    await peer.send('OK\r\n');
    await peer.nextLine();
    await peer.send('OK\r\n');
    session = await opening;
    assert.equal(session.echoExpected, false);
  });

  it('tolerates an ERROR answer to ATE0', async () => {
    const channel = await openWith(createAtDriver({ ...BASE, echo: false }), 'ERROR\r\n');
    assert.equal(channel.isClosed, false);
  });

  it('logs in before ATE0 and uses the configured terminator', async () => {
    const driver = createAtDriver({ ...BASE, echo: false, loginQuietMs: 2_000, terminator: '\r\n', username: 'Admin', password: '2n' });
    const opening = driver.open(client, signal);
    await peer.send('2N SmartCom AT API\r\nLogin: ');
    assert.equal(await peer.nextLine(), 'Admin');
    await peer.send('Password: ');
    assert.equal(await peer.nextLine(), '2n');
    await peer.send('OK\r\n');
    assert.equal(await peer.nextLine(), 'ATE0');
    await peer.send('OK\r\n');
    session = await opening;
    assert.equal(peer.receivedText, 'Admin\r\n2n\r\nATE0\r\n');
  });

  it('fails the open on a rejected login and removes its link listeners', async () => {
    const listeners = client.listenerCount('data');
    const driver = createAtDriver({ ...BASE, loginQuietMs: 2_000, username: 'Admin', password: 'wrong' });
    const opening = driver.open(client, signal).then(() => assert.fail('expected E_LOGIN_FAILED'), (error: unknown) => error);
    await peer.send('Login: ');
    await peer.nextLine();
    await peer.send('Password: ');
    await peer.nextLine();
    await peer.send('Login incorrect\r\nLogin: ');
    const error = await opening;
    assert.ok(error instanceof MeterError);
    assert.equal(error.code, 'E_LOGIN_FAILED');
    assert.equal(client.listenerCount('data'), listeners);
  });

  it('fails the open when ATE0 gets no answer', async () => {
    const driver = createAtDriver({ ...BASE, echo: false, commandTimeoutMs: 50 });
    const opening = driver.open(client, signal);
    assert.equal(await peer.nextLine(), 'ATE0');
    await assert.rejects(opening, (error: unknown) => error instanceof MeterError && error.code === 'E_TIMEOUT');
  });

  it('abandons the running command on a lease timeout and disposes on close', async () => {
    const driver = createAtDriver({ ...BASE, echo: false });
    const channel = await openWith(driver, 'OK\r\n');
    const running = channel.execute(AtCommand.exec('I3'), { timeoutMs: 10_000 });
    await peer.nextLine();
    driver.onLeaseTimeout?.(channel);
    await assert.rejects(running, (error: unknown) => error instanceof MeterError && error.code === 'E_ABORTED');
    assert.equal(channel.resyncing, true);
    await driver.close?.(channel);
    assert.equal(channel.isClosed, true);
  });

  it('rejects unsafe credentials at creation, never echoing the password', () => {
    assert.throws(() => createAtDriver({ ...BASE, username: 'Admin\r\nATZ' }), (error: unknown) => error instanceof MeterError && error.code === 'E_BAD_ARGUMENT');
    assert.throws(
      () => createAtDriver({ ...BASE, password: 'topsecret\u0000' }),
      (error: unknown) => error instanceof MeterError && error.code === 'E_BAD_ARGUMENT' && !JSON.stringify(error.toJSON()).includes('topsecret'),
    );
    assert.throws(() => createAtDriver({ ...BASE, commandTimeoutMs: 0 }), (error: unknown) => error instanceof MeterError && error.code === 'E_BAD_ARGUMENT');
  });
});
