import { createLink } from '../transport/create-link';
import type { ByteLink, Endpoint } from '../transport/link';
import { abortable, settleWithin } from './promises';
import type { ConnectionOptions, SessionDriver } from './types';

/** A link that is open and carries a session: what leases run on. */
export interface LiveLink<S> {
  link: ByteLink;
  /** The link as drivers and leases see it (writes are counted). */
  view: ByteLink;
  session: S;
  /** Stops the connection listening to the link. */
  detach(): void;
}

/** A new, unopened link for the connection's endpoint: from the injected factory, else a real one. */
export function makeLink<S>(options: ConnectionOptions<S>): ByteLink {
  const factory = options.linkFactory ?? ((endpoint: Endpoint) => createLink(endpoint, { connectTimeoutMs: options.connectTimeoutMs }));
  return factory(options.endpoint);
}

/** Opens the link, then the driver's session on its view; gives up as soon as `signal` aborts. */
export async function openSession<S>(link: ByteLink, view: ByteLink, driver: SessionDriver<S>, signal: AbortSignal): Promise<S> {
  await abortable(link.open(), signal);
  return abortable(driver.open(view, signal), signal);
}

/** Closes a live link on purpose: the driver may sign off first, but a silent device cannot hold the close up. */
export async function closeLiveLink<S>(live: LiveLink<S>, driver: SessionDriver<S>, timeoutMs: number): Promise<void> {
  live.detach();
  if (driver.close) await settleWithin(driver.close(live.session), timeoutMs);
  await live.link.close().catch(() => undefined);
}
