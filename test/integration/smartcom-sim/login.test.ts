import assert from 'node:assert/strict';
import { once } from 'node:events';
import { simulatorFixture } from './fixture';

const login = { username: 'Admin', password: '2n' };

describe('SmartCOM simulator: login', () => {
  const fixture = simulatorFixture();

  it('asks for the login and password, then answers OK and takes commands', async () => {
    const sim = await fixture.start({ login, echo: false });
    const client = await fixture.connect(sim);
    await client.waitFor(/^Login:\r\n/);
    client.write('Admin\r');
    await client.waitFor(/^Password:\r\n/);
    client.write('2n\r\n');
    assert.equal(await client.nextResponse(), 'OK\r\n');
    assert.equal(await client.command('AT'), 'OK\r\n');
    assert.deepEqual(sim.commandLog.map((entry) => entry.line), ['AT'], 'the login lines are not commands');
  });

  it('answers a wrong password with "Login incorrect" and prompts again', async () => {
    const sim = await fixture.start({ login, echo: false });
    const client = await fixture.connect(sim);
    await client.waitFor(/^Login:\r\n/);
    client.write('Admin\rwrong\r');
    await client.waitFor(/^Password:\r\nLogin incorrect\r\nLogin:\r\n/);
    client.write('Admin\r2n\r');
    await client.waitFor(/^Password:\r\nOK\r\n/);
    assert.equal(await client.command('AT'), 'OK\r\n');
  });

  it('does not run commands before the login', async () => {
    const sim = await fixture.start({ login, echo: false });
    const client = await fixture.connect(sim);
    await client.waitFor(/^Login:\r\n/);
    client.write('AT^SCAMS="ENABLE",1\r');
    await client.waitFor(/^Password:\r\n/);
    client.write('AT\r');
    await client.waitFor(/^Login incorrect\r\nLogin:\r\n/);
    assert.equal(sim.ams.enabled, false);
    assert.equal(sim.commandLog.length, 0);
  });

  it('closes the connection after three wrong logins', async () => {
    const sim = await fixture.start({ login, echo: false });
    const client = await fixture.connect(sim);
    const serverSideClosed = once(sim, 'disconnect');
    client.write('a\rb\rc\rd\re\rf\r');
    await client.closed;
    await serverSideClosed;
    assert.equal(client.received.match(/Login incorrect/g)?.length, 3);
    assert.equal(sim.openConnections, 0);
  });

  it('logs out on ATZ and asks for the login again', async () => {
    const sim = await fixture.start({ login, echo: false });
    const client = await fixture.connect(sim);
    client.write('Admin\r2n\r');
    await client.waitFor(/OK\r\n/);
    client.write('ATZ\r');
    await client.waitFor(/^OK\r\nLogin:\r\n/);
    client.write('AT\r');
    await client.waitFor(/^Password:\r\n/);
  });
});
