import { createAtDriver } from '../../src/at/driver';
import { SmartcomClient } from '../../src/smartcom/client';
import { createLink } from '../../src/transport/create-link';
import type { Endpoint } from '../../src/transport/link';

export interface SessionOptions {
  endpoint: Endpoint;
  username: string | undefined;
  password: string | undefined;
  timeoutMs: number;
}

/**
 * One direct connection for one command line run: link, login if the gateway asks, echo set up as the pool does it (ATE1, AT), then
 * `work`. (No pool: a command line fails at once when the gateway is unreachable, no reconnects.)
 */
export async function withGateway<T>(options: SessionOptions, work: (client: SmartcomClient) => Promise<T>): Promise<T> {
  const link = createLink(options.endpoint, { connectTimeoutMs: options.timeoutMs });
  await link.open();
  try {
    const driver = createAtDriver({
      username: options.username, password: options.password, loginTimeoutMs: options.timeoutMs, commandTimeoutMs: options.timeoutMs,
    });
    const channel = await driver.open(link, new AbortController().signal);
    try {
      return await work(new SmartcomClient(channel, { commandTimeoutMs: options.timeoutMs }));
    } finally {
      channel.dispose();
    }
  } finally {
    await link.close();
  }
}
