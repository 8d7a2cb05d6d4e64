import assert from 'node:assert/strict';
import { AtCommand } from '../../../src/at/command';
import { LoginOptions, login } from '../../../src/at/login';
import { MeterError } from '../../../src/errors';
import { useChannelPerTest } from './scripted-peer';

const PASSWORD = 's3cr3t-PW';
const CREDENTIALS = { username: 'Admin', password: PASSWORD };

describe('login', () => {
  const env = useChannelPerTest();

  function start(options: Partial<LoginOptions>): Promise<string> {
    return login(env.channel, { timeoutMs: 10_000, quietMs: 2_000, ...options });
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
      await env.peer.send(userPrompt, 3);
      assert.equal(await env.peer.nextLine(), 'Admin');
      await env.peer.send(`Admin\r\n${passwordPrompt}`);
      assert.equal(await env.peer.nextLine(), PASSWORD);
      await env.peer.send('\r\nOK\r\n');
      assert.equal(await outcome, 'accepted');
      assert.equal(env.peer.receivedText, `Admin\r${PASSWORD}\r`);
    });
  }

  it('leaves the channel clean: the next command gets its answer and the login text is no urc', async () => {
    const outcome = start(CREDENTIALS);
    await env.peer.send('Login: ');
    await env.peer.nextLine();
    await env.peer.send('Password: ');
    await env.peer.nextLine();
    await env.peer.send('OK');
    assert.equal(await outcome, 'accepted');
    const response = env.channel.execute(AtCommand.exec('I3'), { timeoutMs: 10_000 });
    assert.equal(await env.peer.nextLine(), 'ATI3');
    await env.peer.send('\r\n1.13.6\r\nOK\r\n');
    assert.deepEqual((await response).lines, ['1.13.6']);
    assert.deepEqual(env.urcs, []);
  });

  it('reads a 2 MB banner streamed in 1 kB chunks in linear work (counted), then answers the prompt', async () => {
    const stats = { charsScanned: 0 };
    const outcome = start({ ...CREDENTIALS, stats });
    const banner = 'Welcome to the gateway, please wait while we say a lot\r\n'.repeat(35_000);
    await env.peer.send(banner, 1024);
    await env.peer.send('Login: ');
    assert.equal(await env.peer.nextLine(), 'Admin');
    await env.peer.send('Password: ');
    await env.peer.nextLine();
    await env.peer.send('OK\r\n');
    assert.equal(await outcome, 'accepted');
    const received = banner.length + 'Login: Password: OK\r\n'.length;
    // Each chunk is examined once, with at most the short unfinished line before it (256 characters per chunk).
    assert.ok(stats.charsScanned >= received, `${stats.charsScanned} < ${received}`);
    assert.ok(stats.charsScanned <= received + 256 * 2100, `${stats.charsScanned} characters examined for ${received} received`);
  });

  it('answers a password-only prompt with the password', async () => {
    const outcome = start({ password: PASSWORD });
    await env.peer.send('Password:');
    assert.equal(await env.peer.nextLine(), PASSWORD);
    await env.peer.send('OK\r\n');
    assert.equal(await outcome, 'accepted');
  });

  it('proceeds without login when no prompt comes within the quiet window', async () => {
    assert.equal(await start({ ...CREDENTIALS, quietMs: 50 }), 'none');
    assert.equal(env.peer.receivedBytes, 0);
  });

  it('proceeds without login after a banner without a prompt', async () => {
    const outcome = start({ ...CREDENTIALS, quietMs: 100 });
    await env.peer.send('2N SmartCom PRO\r\n');
    assert.equal(await outcome, 'none');
    assert.equal(env.peer.receivedBytes, 0);
  });

  it('fails on a wrong password (Login incorrect) without showing the password', async () => {
    const outcome = expectLoginFailure(start(CREDENTIALS));
    await env.peer.send('Login: ');
    await env.peer.nextLine();
    await env.peer.send('Password: ');
    await env.peer.nextLine();
    await env.peer.send('\r\nLogin incorrect\r\n');
    assert.match((await outcome).message, /rejected/);
  });

  it('fails when the gateway asks for the login again', async () => {
    const outcome = expectLoginFailure(start(CREDENTIALS));
    await env.peer.send('Login: ');
    await env.peer.nextLine();
    await env.peer.send('Password: ');
    await env.peer.nextLine();
    await env.peer.send('\r\nLogin: ');
    assert.match((await outcome).message, /asked for the login again/);
  });

  it('fails when the gateway asks for the password again', async () => {
    const outcome = expectLoginFailure(start(CREDENTIALS));
    await env.peer.send('Password: ');
    await env.peer.nextLine();
    await env.peer.send('\r\nPassword: ');
    assert.match((await outcome).message, /password again/);
  });

  for (const [name, credentials] of [['none', {}], ['no password', { username: 'Admin' }]] as const) {
    it(`fails with a clear message when a prompt comes and credentials are missing (${name})`, async () => {
      const outcome = expectLoginFailure(start(credentials));
      await env.peer.send('Login: ');
      if ('username' in credentials) {
        await env.peer.nextLine();
        await env.peer.send('Password: ');
      }
      assert.equal((await outcome).message, 'the gateway asks for a login; set user and password');
    });
  }

  it('accepts a welcome text after the password when the gateway then accepts AT', async () => {
    const outcome = start({ ...CREDENTIALS, quietMs: 1_000 });
    await env.peer.send('Login: ');
    await env.peer.nextLine();
    await env.peer.send('Password: ');
    await env.peer.nextLine();
    await env.peer.send('\r\nWelcome, Admin\r\n');
    assert.equal(await env.peer.nextLine(), 'AT');
    await env.peer.send('OK\r\n');
    assert.equal(await outcome, 'accepted');
  });

  it('fails when the gateway answers AT with ERROR after the password', async () => {
    const outcome = expectLoginFailure(start({ ...CREDENTIALS, quietMs: 1_000 }));
    await env.peer.send('Login: ');
    await env.peer.nextLine();
    await env.peer.send('Password: ');
    await env.peer.nextLine();
    assert.equal(await env.peer.nextLine(), 'AT');
    await env.peer.send('ERROR\r\n');
    assert.match((await outcome).message, /did not accept AT/);
  });

  it('fails when the gateway never answers the login name', async () => {
    const outcome = expectLoginFailure(start({ ...CREDENTIALS, timeoutMs: 100 }));
    await env.peer.send('Login: ');
    await env.peer.nextLine();
    assert.match((await outcome).message, /no answer to the login name/);
  });

  it('rejects a password with a line break before sending it, without showing it', async () => {
    const outcome = start({ username: 'Admin', password: `${PASSWORD}\rATZ` }).then(() => assert.fail('expected a rejection'), (e: unknown) => e);
    await env.peer.send('Login: ');
    await env.peer.nextLine();
    await env.peer.send('Password: ');
    const error = await outcome;
    assert.ok(error instanceof MeterError);
    assert.equal(error.code, 'E_BAD_ARGUMENT');
    assert.ok(!JSON.stringify(error.toJSON()).includes(PASSWORD));
    assert.equal(env.peer.receivedText, 'Admin\r');
  });

  it('stops with E_ABORTED when the signal aborts', async () => {
    const controller = new AbortController();
    const outcome = start({ ...CREDENTIALS, signal: controller.signal });
    await env.peer.send('Login: ');
    await env.peer.nextLine();
    controller.abort();
    await assert.rejects(outcome, (error: unknown) => error instanceof MeterError && error.code === 'E_ABORTED');
  });
});
