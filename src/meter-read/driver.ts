import type { SessionDriver } from '../pool/types';
import type { ByteLink } from '../transport/link';

/**
 * The pool's driver for a raw IEC 62056-21 line (serial port, optical probe, TCP serial tunnel). The session
 * is the link itself: an IEC session starts with its own request, so there is nothing to set up after the
 * link opens, nothing to keep alive (a meter would take a probe for a request), and nothing to resync after
 * a timed-out lease (the next session ignores whatever a meter still sends before its identification).
 * A lease is one meter session; the pool runs leases one after another, so sessions never interleave.
 */
export function createIecDriver(): SessionDriver<ByteLink> {
  return {
    async open(link: ByteLink): Promise<ByteLink> {
      return link;
    },
  };
}
