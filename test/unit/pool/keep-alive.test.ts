import assert from 'node:assert/strict';
import { KeepAlive } from '../../../src/pool/keep-alive';
import type { SessionDriver } from '../../../src/pool/types';
import { MemoryLink } from '../../../src/transport/memory';

describe('KeepAlive', () => {
  const probes: string[] = [];
  const driver: SessionDriver<string> = {
    open: () => Promise.resolve('session'),
    keepAlive: (session) => {
      probes.push(session);
      return Promise.resolve();
    },
  };
  let keepAlive: KeepAlive<string> | undefined;

  beforeEach(() => {
    probes.length = 0;
  });

  afterEach(() => keepAlive?.stop());

  it('calls back once after half the keep-alive period without traffic', async () => {
    let idle = 0;
    const called = new Promise<void>((resolve) => {
      keepAlive = new KeepAlive(driver, 2, () => {
        idle++;
        resolve();
      });
    });
    keepAlive?.arm();
    keepAlive?.arm(); // arming a running countdown does not start a second one
    await called;
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(idle, 1);
  });

  it('does not count idle time when disabled (0 ms) or when the driver has no keep-alive', async () => {
    let idle = 0;
    const disabled = new KeepAlive(driver, 0, () => idle++);
    const { keepAlive: _unused, ...withoutKeepAlive } = driver;
    const unsupported = new KeepAlive(withoutKeepAlive, 2, () => idle++);
    disabled.arm();
    unsupported.arm();
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(idle, 0);
    assert.equal(unsupported.probeLease(), undefined);
  });

  it('never calls back once stopped', async () => {
    let idle = 0;
    keepAlive = new KeepAlive(driver, 2, () => idle++);
    keepAlive.arm();
    keepAlive.stop();
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(idle, 0);
  });

  it('makes the probe an internal lease with half the period to answer, which runs the driver\'s keep-alive', async () => {
    keepAlive = new KeepAlive(driver, 10_000, () => undefined);
    const probe = keepAlive.probeLease();
    assert.ok(probe);
    assert.equal(probe.internal, true);
    assert.equal(probe.label, 'keep-alive');
    assert.equal(probe.options.timeoutMs, 5000);
    await probe.invoke(probe.contextFor('the session', new MemoryLink('unused')));
    assert.deepEqual(probes, ['the session']);
  });
});
