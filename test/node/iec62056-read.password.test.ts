import assert from 'node:assert/strict';
import { meterProfile } from '../../src/sim/meter';
import { caughtCode, directTcp, IEC_MODULES, read, readerFlow, useMeterPerTest } from './fixtures/iec-read';
import { helper } from './fixtures/setup';

const SECRET = 'S3cr3tPw';

describe('iec62056-read: the meter password is a credential', function () {
  const meters = useMeterPerTest();

  async function deploy(meterPassword: string): Promise<void> {
    const meter = await meters.start(meterProfile('programming', { programming: { password: meterPassword } }));
    await helper.load(IEC_MODULES, readerFlow(directTcp(meter.port, { address: '10067967', registers: '1.8.0' })), { r1: { password: SECRET } });
  }

  function assertNowhere(where: string, value: unknown): void {
    assert.ok(!JSON.stringify(value ?? null).includes(SECRET), `the password appears in ${where}`);
  }

  it('is used for the read, and appears neither in the exported flow, the output msg nor the log', async function () {
    await deploy(SECRET);
    const msg = await read();
    assert.ok((msg.payload as { values: Record<string, unknown> }).values['1.8.0']);
    assertNowhere('the msg', msg);
    assertNowhere('the exported flow', helper._redNodes.getFlows().flows);
    assertNowhere('the log', helper.log().args);
  });

  it('a rejected password gives E_PASSWORD_REJECTED without showing it, in the error, the msg or the log', async function () {
    await deploy('00000000');
    const failure = await caughtCode();
    assert.equal(failure.code, 'E_PASSWORD_REJECTED', failure.message);
    assertNowhere('the error message', failure.message);
    assertNowhere('the Catch msg', failure.msg);
    assertNowhere('the log', helper.log().args);
  });
});
