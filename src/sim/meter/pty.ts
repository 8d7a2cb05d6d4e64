import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MeterError } from '../../errors';
import type { MeterProfile } from './profile';
import { openSerialMeterPort, SerialMeterPort } from './serial-port';
import { MeterSimulator, MeterSimulatorOptions } from './simulator';

export interface PtyMeter {
  /** Open this path as the meter's serial port (any speed and parity: a pty enforces neither; the simulator paces). */
  clientPath: string;
  /** The meter's own end. */
  meterPath: string;
  simulator: MeterSimulator;
  stop(): Promise<void>;
}

export interface PtyMeterOptions extends MeterSimulatorOptions {
  /** Milliseconds to wait for socat to create the pty links. Default 5000. */
  startTimeoutMs?: number;
}

/** Polls until both paths exist, socat exits, or the time is up. */
async function waitForLinks(paths: string[], socat: ChildProcess, timeoutMs: number, stderr: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!paths.every((path) => existsSync(path))) {
    if (socat.exitCode !== null || socat.signalCode !== null) {
      throw new MeterError('E_SERIAL_UNAVAILABLE', `socat exited before creating the pty pair: ${stderr().trim().slice(-300)}`);
    }
    if (Date.now() > deadline) throw new MeterError('E_TIMEOUT', `socat did not create the pty pair within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * A meter on a pty pair made by socat: the simulator holds one end, a client opens `clientPath` like a serial port.
 * Needs the socat program.
 */
export async function startPtyMeter(profile: MeterProfile | MeterSimulator, options: PtyMeterOptions = {}): Promise<PtyMeter> {
  const dir = mkdtempSync(join(tmpdir(), 'meter-sim-'));
  const meterPath = join(dir, 'meter');
  const clientPath = join(dir, 'client');
  let stderr = '';
  const socat = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${meterPath}`, `pty,raw,echo=0,link=${clientPath}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  socat.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const spawnError = new Promise<never>((_, reject) => socat.once('error', (error) => reject(new MeterError('E_SERIAL_UNAVAILABLE', `cannot run socat: ${error.message}`, { hint: 'Install socat (e.g. apt-get install socat).', cause: error }))));
  spawnError.catch(() => undefined); // socat failing later, after the race, must not be an unhandled rejection
  const cleanup = async (port?: SerialMeterPort): Promise<void> => {
    if (port) await port.close();
    if (socat.exitCode === null && socat.signalCode === null) {
      const exited = new Promise((resolve) => socat.once('exit', resolve));
      socat.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  let port: SerialMeterPort | undefined;
  try {
    await Promise.race([waitForLinks([meterPath, clientPath], socat, options.startTimeoutMs ?? 5000, () => stderr), spawnError]);
    // A pty ignores line settings; 8N1 keeps the tty layer from touching bit 7 of what the meter sends.
    port = await openSerialMeterPort(meterPath, { dataBits: 8, parity: 'none', followBaudRate: false });
  } catch (error) {
    await cleanup(port);
    throw error;
  }
  const simulator = profile instanceof MeterSimulator ? profile : new MeterSimulator(profile, options);
  simulator.attach(port);
  const openPort = port;
  return {
    clientPath,
    meterPath,
    simulator,
    stop: async () => {
      simulator.stop();
      await cleanup(openPort);
    },
  };
}
