import assert from 'node:assert/strict';
import type { AtChannel } from '../../../src/at/channel';
import type { LeaseFn, LeaseOptions } from '../../../src/pool/types';
import type { SmartcomClient } from '../../../src/smartcom/client';
import { withSmartcom, type AtChannelLender } from '../../../src/smartcom/with-smartcom';
import type { SharedConnection } from '../../../nodes/lib/shared-connection';

/** A lender that runs the lease at once on a stand-in channel and records the lease options. */
function recordingLender(): { lender: AtChannelLender; leases: LeaseOptions[]; signal: AbortSignal } {
  const leases: LeaseOptions[] = [];
  const signal = new AbortController().signal;
  const channel = {} as AtChannel; // never used: the work below does not send
  const lender: AtChannelLender = {
    lease<T>(fn: LeaseFn<AtChannel, T>, options: LeaseOptions): Promise<T> {
      leases.push(options);
      return fn({ session: channel, link: undefined as never, signal, ended: false });
    },
  };
  return { lender, leases, signal };
}

describe('withSmartcom', () => {
  it('runs the work in one lease with a client on the lease\'s channel, its commands bounded by the lease', async () => {
    const { lender, leases } = recordingLender();
    const caller = new AbortController();
    const client = await withSmartcom(lender, async (gateway: SmartcomClient) => gateway, { timeoutMs: 60_000, signal: caller.signal, label: 'sync' });
    assert.deepEqual(leases, [{ timeoutMs: 60_000, label: 'sync', signal: caller.signal }]);
    assert.equal(client.commandTimeoutMs, 10_000, 'a command gets the default 10 s within a longer lease');
  });

  it('takes the config node\'s shared connection as a lender (checked by the compiler)', () => {
    const asLender = (shared: SharedConnection): AtChannelLender => shared;
    assert.equal(typeof asLender, 'function');
  });

  it('never gives one command more time than the whole lease', async () => {
    const { lender } = recordingLender();
    const client = await withSmartcom(lender, async (gateway) => gateway, { timeoutMs: 3000 });
    assert.equal(client.commandTimeoutMs, 3000);
  });
});
