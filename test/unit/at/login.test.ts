import assert from 'node:assert/strict';
import { AtChannel } from '../../../src/at/channel';
import { AtCommand } from '../../../src/at/command';
import { LoginOptions, login } from '../../../src/at/login';
import { MeterError } from '../../../src/errors';
import type { MemoryLink } from '../../../src/transport/memory';
import { ScriptedPeer, openPair } from './scripted-peer';

const PASSWORD = 's3cr3t-PW';
const CREDENTIALS = { username: 'Admin', password: PASSWORD };

describe('login', () => {
  let client: MemoryLink;
  let peer: ScriptedPeer;
  let channel: AtChannel;
  let urcs: string[];

  beforeEach(async () => {
    ({ client, peer } = await openPair());
    channel = new AtChannel(client);
    urcs = [];
    channel.on('urc', (line: string) => urcs.push(line));
  });

  afterEach(async () => {
    channel.dispose();
    await client.close();
  });

  function start(options: Partial<LoginOptions>): Promise<string> {
    return login(channel, { timeoutMs: 10_000, quietMs: 2_000, ...options });
  }

  async function expectLoginFailure(outcome: Promise<unknown>): Promise<MeterError> {
    try {
      await outcome;
    } catch (error) {
      assert.ok(error instanceof MeterError);
      assert.equal(error.code, 'E_LOGIN_FAILED', error.message);
      assert.ok(!JSON.stringify({ message: error.message, details: error.details, hint: error.hint }).includes(PASSWORD), 'the password never appears');
      return error;
    }
    assert.fail('expected E_LOGIN_FAILED');
  }

  const dialogues: [string, string, string][] = [
    ['the AT API banner and Login:', '2N\xae SmartCom AT API\r\nLogin:\r\n', 'Password:\r\n'],
    ['prompts without a line break', 'Login: ', 'Password: '],
    ['lower-case prompts', 'login:', 'password:'],
    ['Username:', 'Welcome\r\nUsername: ', 'PASSWORD : '],
    ['User name:', 'User name:', 'Password:'],
  ];
  for (const [name, userPrompt, passwordPrompt] of dialogues) {
    it(`answers ${name} with the configured user and password`, async () => {
      const outcome = start(CREDENTIALS);
      await peer.send(userPrompt, 3);
      assert.equal(await peer.nextLine(), 'Admin');
      await peer.send(`Admin\r\n${passwordPrompt}`);
      assert.equal(await peer.nextLine(), PASSWORD);
      await peer.send('\r\nOK\r\n');
      assert.equal(await outcome, 'accepted');
      assert.equal(peer.receivedText, `Admin\r${PASSWORD}\r`);
    });
  }

  it('leaves the channel clean: the next command gets its answer and the login text is no urc', async () => {
    const outcome = start(CREDENTIALS);
    await peer.send('Login: ');
    await peer.nextLine();
    await peer.send('Password: ');
    await peer.nextLine();
    await peer.send('OK');
    assert.equal(await outcome, 'accepted');
    const response = channel.execute(AtCommand.exec('I3'), { timeoutMs: 10_000 });
    assert.equal(await peer.nextLine(), 'ATI3');
    await peer.send('\r\n1.13.6\r\nOK\r\n');
    assert.deepEqual((await response).lines, ['1.13.6']);
    assert.deepEqual(urcs, []);
  });

  it('answers a password-only prompt with the password', async () => {
    const outcome = start({ password: PASSWORD });
    await peer.send('Password:');
    assert.equal(await peer.nextLine(), PASSWORD);
    await peer.send('OK\r\n');
    assert.equal(await outcome, 'accepted');
  });

  it('proceeds without login when no prompt comes within the quiet window', async () => {
    assert.equal(await start({ ...CREDENTIALS, quietMs: 50 }), 'none');
    assert.equal(peer.receivedBytes, 0);
  });

  it('proceeds without login after a banner without a prompt', async () => {
    const outcome = start({ ...CREDENTIALS, quietMs: 100 });
    await peer.send('2N SmartCom PRO\r\n');
    assert.equal(await outcome, 'none');
    assert.equal(peer.receivedBytes, 0);
  });

  it('fails on a wrong password (Login incorrect) without showing the password', async () => {
    const outcome = expectLoginFailure(start(CREDENTIALS));
    await peer.send('Login: ');
    await peer.nextLine();
    await peer.send('Password: ');
    await peer.nextLine();
    await peer.send('\r\nLogin incorrect\r\n');
    assert.match((await outcome).message, /rejected/);
  });

  it('fails when the gateway asks for the login again', async () => {
    const outcome = expectLoginFailure(start(CREDENTIALS));
    await peer.send('Login: ');
    await peer.nextLine();
    await peer.send('Password: ');
    await peer.nextLine();
    await peer.send('\r\nLogin: ');
    assert.match((await outcome).message, /asked for the login again/);
  });

  it('fails when the gateway asks for the password again', async () => {
    const outcome = expectLoginFailure(start(CREDENTIALS));
    await peer.send('Password: ');
    await peer.nextLine();
    await peer.send('\r\nPassword: ');
    assert.match((await outcome).message, /password again/);
  });

  for (const [name, credentials] of [['none', {}], ['no password', { username: 'Admin' }]] as const) {
    it(`fails with a clear message when a prompt comes and credentials are missing (${name})`, async () => {
      const outcome = expectLoginFailure(start(credentials));
      await peer.send('Login: ');
      if ('username' in credentials) {
        await peer.nextLine();
        await peer.send('Password: ');
      }
      assert.equal((await outcome).message, 'the gateway asks for a login; set user and password');
    });
  }

  it('accepts a welcome text after the password when the gateway then accepts AT', async () => {
    const outcome = start({ ...CREDENTIALS, quietMs: 1_000 });
    await peer.send('Login: ');
    await peer.nextLine();
    await peer.send('Password: ');
    await peer.nextLine();
    await peer.send('\r\nWelcome, Admin\r\n');
    assert.equal(await peer.nextLine(), 'AT');
    await peer.send('OK\r\n');
    assert.equal(await outcome, 'accepted');
  });

  it('fails when the gateway answers AT with ERROR after the password', async () => {
    const outcome = expectLoginFailure(start({ ...CREDENTIALS, quietMs: 1_000 }));
    await peer.send('Login: ');
    await peer.nextLine();
    await peer.send('Password: ');
    await peer.nextLine();
    assert.equal(await peer.nextLine(), 'AT');
    await peer.send('ERROR\r\n');
    assert.match((await outcome).message, /did not accept AT/);
  });

  it('fails when the gateway never answers the login name', async () => {
    const outcome = expectLoginFailure(start({ ...CREDENTIALS, timeoutMs: 100 }));
    await peer.send('Login: ');
    await peer.nextLine();
    assert.match((await outcome).message, /no answer to the login name/);
  });

  it('rejects a password with a line break before sending it, without showing it', async () => {
    const outcome = start({ username: 'Admin', password: `${PASSWORD}\rATZ` }).then(() => assert.fail('expected a rejection'), (e: unknown) => e);
    await peer.send('Login: ');
    await peer.nextLine();
    await peer.send('Password: ');
    const error = await outcome;
    assert.ok(error instanceof MeterError);
    assert.equal(error.code, 'E_BAD_ARGUMENT');
    assert.ok(!JSON.stringify(error.toJSON()).includes(PASSWORD));
    assert.equal(peer.receivedText, 'Admin\r');
  });

  it('stops with E_ABORTED when the signal aborts', async () => {
    const controller = new AbortController();
    const outcome = start({ ...CREDENTIALS, signal: controller.signal });
    await peer.send('Login: ');
    await peer.nextLine();
    controller.abort();
    await assert.rejects(outcome, (error: unknown) => error instanceof MeterError && error.code === 'E_ABORTED');
  });
});
