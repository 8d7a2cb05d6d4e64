import type { ByteLink } from '../transport/link';

export interface LinkWatchHandlers {
  onBytesIn(count: number): void;
  onBytesOut(count: number): void;
  onClose(error: Error | undefined): void;
}

export interface LinkWatch {
  /** The link as drivers and leases see it: the same object, but writes are counted. */
  view: ByteLink;
  /** Removes every listener the watch added. */
  detach(): void;
}

/** Listens to a link for the connection, and makes a view of it that counts written bytes. */
export function watchLink(link: ByteLink, handlers: LinkWatchHandlers): LinkWatch {
  const onData = (chunk: Buffer): void => handlers.onBytesIn(chunk.length);
  const onClose = (error?: Error): void => handlers.onClose(error);
  link.on('data', onData);
  link.on('close', onClose);
  return {
    view: countingView(link, handlers.onBytesOut),
    detach: () => {
      link.off('data', onData);
      link.off('close', onClose);
    },
  };
}

function countingView(link: ByteLink, onBytesOut: (count: number) => void): ByteLink {
  const write = async (bytes: Buffer | string): Promise<void> => {
    await link.write(bytes);
    onBytesOut(typeof bytes === 'string' ? Buffer.byteLength(bytes, 'latin1') : bytes.length);
  };
  // A Proxy rather than a wrapper class: listeners added through the view land on the link itself,
  // so 'data' and 'close' reach them and removing them works as usual.
  return new Proxy(link, {
    get(target, property) {
      if (property === 'write') return write;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
