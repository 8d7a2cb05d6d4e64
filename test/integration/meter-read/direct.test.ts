import assert from 'node:assert/strict';
import { ConnectionPool } from '../../../src/pool/pool';
import type { Connection } from '../../../src/pool/connection';
import { acquireMeterConnection, meterEndpoint, readMeter, releaseMeterConnection } from '../../../src/meter-read';
import type { ProgramResult, ReadoutResult } from '../../../src/iec62056/client';
import { MeterSimServer, meterProfile } from '../../../src/sim/meter';
import type { ByteLink } from '../../../src/transport/link';
import { expectMeterError } from '../../helpers/meter-error';

/** Fast simulated meters: no pacing, 20 ms reaction; our side waits as little. */
const SIM = { pacing: false, reactionTimeMs: 20 };
const FAST = { reactionTimeMs: 20, retryPauseMs: 100 };

describe('readMeter: a direct read over a pooled link', () => {
  let server: MeterSimServer | undefined;
  let pool: ConnectionPool;
  const users: [Connection<ByteLink>, string][] = [];

  let address: { host: string; port: number } | undefined;

  /** The pooled link for `user`; the first call starts the simulated meter with `profile`. */
  async function connect(profile = meterProfile('modeC'), user = 'u1'): Promise<Connection<ByteLink>> {
    if (!server) {
      server = new MeterSimServer(profile, SIM);
      address = await server.start();
    }
    const { host, port } = address!;
    const connection = acquireMeterConnection(meterEndpoint({ kind: 'tcp', host, port }), user, { pool });
    users.push([connection, user]);
    return connection;
  }

  beforeEach(() => {
    pool = new ConnectionPool();
  });
  afterEach(async () => {
    for (const [connection, user] of users.splice(0)) await releaseMeterConnection(connection, user, pool);
    await server?.stop();
    server = undefined;
    address = undefined;
  });

  it('reads a mode C meter with a baud switch to 9600', async () => {
    const connection = await connect();
    const result = (await readMeter(connection, { address: '12345678', ...FAST }, { timeoutMs: 10_000 })) as ReadoutResult;
    assert.equal(result.baudRate, 9600);
    assert.equal(result.readout.values['1.8.0'].values[0].value, 4521.337);
  });

  it('runs two callers on one endpoint over ONE link, one session after the other', async () => {
    const first = await connect(meterProfile('modeC'), 'a');
    const second = await connect(meterProfile('modeC'), 'b');
    assert.equal(first, second, 'one pooled connection');
    const [a, b] = await Promise.all([
      readMeter(first, { address: '12345678', ...FAST }, { timeoutMs: 10_000 }),
      readMeter(second, { address: '12345678', ...FAST }, { timeoutMs: 10_000 }),
    ]);
    assert.ok(a && b);
    assert.equal(server?.simulator.sessionsStarted, 2);
    const connections = new Set(server?.simulator.log.entries.map((entry) => entry.connection).filter((id) => id !== 0));
    assert.deepEqual([...connections], [1], 'every frame on the first and only TCP connection');
  });

  it('reads registers in programming mode with the password', async () => {
    const connection = await connect(meterProfile('programming'));
    const result = (await readMeter(connection, { address: '10067967', password: '00000000', registers: ['1.8.0', '0.9.1'], ...FAST }, { timeoutMs: 10_000 })) as ProgramResult;
    assert.equal(result.passwordAccepted, true);
    assert.deepEqual(result.registers.map((register) => register.address), ['1.8.0', '0.9.1']);
  });

  it('fails alone on a timeout: the next read on the link runs', async () => {
    const connection = await connect(meterProfile('modeC'));
    server?.simulator.setFaults({ silence: true });
    await expectMeterError(readMeter(connection, { address: '12345678', ...FAST, retries: 0, maxReactionTimeMs: 5000 }, { timeoutMs: 300 }), 'E_TIMEOUT');
    server?.simulator.setFaults({});
    const result = (await readMeter(connection, { address: '12345678', ...FAST }, { timeoutMs: 10_000 })) as ReadoutResult;
    assert.equal(result.readout.values['1.8.0'].values[0].value, 4521.337);
  });

  it('refuses a password outside programming mode without showing it', async () => {
    const connection = await connect();
    const error = await expectMeterError(readMeter(connection, { address: '12345678', password: 'secret-pw' }, { timeoutMs: 10_000 }), 'E_BAD_ARGUMENT');
    assert.doesNotMatch(error.message, /secret-pw/);
  });
});
