/**
 * Readout efficiency: a full mode C readout (request, identification and option select at 300 Bd, then about
 * 9.5 kB of data at 9600 Bd) by Iec62056Client against the PACED meter simulator over TCP. The protocol minimum
 * is computed from the bytes actually exchanged: each message's wire time at the speed it went at (10 bits per
 * character), plus the mandated reaction time before each message (the meter's 200 ms minimum before each of its
 * answers; ours as the identification allows, 20 ms for a lower-case third letter).
 */
import { Iec62056Client } from '../src/iec62056/client';
import { REACTION_TIME_MS, SHORT_REACTION_TIME_MS, wireTimeMs } from '../src/iec62056/constants';
import { MeterSimServer, meterProfile } from '../src/sim/meter';
import { TcpLink } from '../src/transport/tcp-link';

export interface ReadoutBenchmarkResult {
  wallMs: number;
  minimumMs: number;
  ratio: number;
  /** Size of the data message (STX ... ETX BCC). */
  bytes: number;
  notes: string;
}

interface Message {
  bytes: number;
  baudRate: number;
}

/** Records what the client writes and at which speed. */
function recordWrites(link: TcpLink, messages: Message[]): void {
  let baudRate = 300;
  const write = link.write.bind(link);
  const setBaudRate = link.setBaudRate.bind(link);
  link.write = async (bytes: Buffer | string) => {
    messages.push({ bytes: bytes.length, baudRate });
    await write(bytes);
  };
  link.setBaudRate = async (rate: number) => {
    baudRate = rate;
    await setBaudRate(rate);
  };
}

export async function runReadoutBenchmark(): Promise<ReadoutBenchmarkResult> {
  const profile = meterProfile('iskraLarge');
  const server = new MeterSimServer(profile, { pacing: true, reactionTimeMs: REACTION_TIME_MS });
  const { host, port } = await server.start();
  const link = new TcpLink({ host, port });
  await link.open();
  const ours: Message[] = [];
  recordWrites(link, ours);
  try {
    const started = performance.now();
    const result = await new Iec62056Client(link).readout();
    const wallMs = performance.now() - started;
    const theirs: Message[] = server.simulator.log.entries.flatMap((entry) => (entry.type === 'sent' ? [{ bytes: entry.bytes, baudRate: entry.baudRate }] : []));
    const ourReaction = result.identification.reactionTimeMs === SHORT_REACTION_TIME_MS ? SHORT_REACTION_TIME_MS : REACTION_TIME_MS;
    const wire = [...ours, ...theirs].reduce((sum, message) => sum + wireTimeMs(message.bytes, message.baudRate), 0);
    // Before each meter message: its reaction time; before each of ours but the first (the request): ours.
    const minimumMs = wire + theirs.length * REACTION_TIME_MS + Math.max(0, ours.length - 1) * ourReaction;
    const notes = [
      `${ours.length} messages from the client (${ours.map((m) => `${m.bytes} B @ ${m.baudRate}`).join(', ')}),`,
      `${theirs.length} from the meter (${theirs.map((m) => `${m.bytes} B @ ${m.baudRate}`).join(', ')}).`,
      'The simulator paces both directions: it sends at the line speed and hears the client\'s bytes only after their',
      'wire time, so the minimum is a real lower bound and the ratio measures the client\'s own overhead.',
    ].join(' ');
    return { wallMs, minimumMs, ratio: wallMs / minimumMs, bytes: result.raw.length, notes };
  } finally {
    await link.close();
    await server.stop();
  }
}
