#!/usr/bin/env node
/**
 * meter-sim: an IEC 62056-21 meter on a TCP port or a pty, for testing flows without hardware.
 *   meter-sim --port 2400 --profile modeC [--address 12345678] [--no-pacing] [--fault echo]
 *   meter-sim --pty --profile modeD
 */
import { parseArgs } from 'node:util';
import { isMeterError } from '../src/errors';
import { faultFromName, METER_FAULT_NAMES, MeterFaults } from '../src/sim/meter/faults';
import type { MeterSimLogEntry } from '../src/sim/meter/log';
import { METER_PROFILES, meterProfile, meterProfileNames } from '../src/sim/meter/profiles';
import { startPtyMeter } from '../src/sim/meter/pty';
import { MeterSimulator } from '../src/sim/meter/simulator';
import { MeterSimServer } from '../src/sim/meter/tcp-server';
import { exitAfterOutput } from './exit-after-output';

const USAGE = `Usage: meter-sim [options]

Simulates an IEC 62056-21 meter on a TCP port (default) or on a pty pair made with socat.

Options:
  --port <n>            TCP port to listen on (default 2400; 0 = any free port)
  --host <addr>         address to listen on (default 127.0.0.1)
  --pty                 serve on a pty instead of TCP and print the path to open
  --profile <name>      meter profile (default modeC): ${meterProfileNames().join(', ')}
  --address <addr>      device address the meter answers to
  --reaction-ms <n>     reaction time in ms (default: the profile's, 200)
  --inactivity-ms <n>   drop a silent session after n ms (default 3000)
  --no-pacing           send at full speed instead of at the line's baud rate
  --fault <name>        switch on a fault (repeatable): ${METER_FAULT_NAMES.join(', ')}
  --list-profiles       list the profiles and exit
  --verbose             print what the meter hears and sends
  --help                show this help
`;

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a whole number >= 0, got ${JSON.stringify(value)}`);
  return parsed;
}

function describeEntry(entry: MeterSimLogEntry): string {
  switch (entry.type) {
    case 'frame': return `#${entry.connection} <- ${entry.kind} ${entry.text}`;
    case 'session': return `#${entry.connection} session (mode ${entry.mode})`;
    case 'baud': return `#${entry.connection} baud ${entry.baudRate}`;
    case 'sent': return `#${entry.connection} -> ${entry.what} (${entry.bytes} bytes at ${entry.baudRate} Bd)`;
    case 'event': return `#${entry.connection} ${entry.name}: ${entry.detail}`;
  }
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' }, host: { type: 'string' }, pty: { type: 'boolean' }, profile: { type: 'string' },
      address: { type: 'string' }, 'reaction-ms': { type: 'string' }, 'inactivity-ms': { type: 'string' },
      'no-pacing': { type: 'boolean' }, fault: { type: 'string', multiple: true }, 'list-profiles': { type: 'boolean' },
      verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void process.stdout.write(USAGE);
  if (values['list-profiles']) {
    for (const profile of Object.values(METER_PROFILES)) process.stdout.write(`${profile.name.padEnd(12)} ${profile.description}\n`);
    return;
  }
  const faults: MeterFaults = Object.assign({}, ...(values.fault ?? []).map(faultFromName));
  const profile = meterProfile(values.profile ?? 'modeC', values.address === undefined ? {} : { address: values.address });
  const simulator = new MeterSimulator(profile, {
    pacing: !values['no-pacing'],
    reactionTimeMs: numberOption(values['reaction-ms'], 'reaction-ms'),
    inactivityTimeoutMs: numberOption(values['inactivity-ms'], 'inactivity-ms'),
    faults,
  });
  if (values.verbose) simulator.log.on('entry', (entry: MeterSimLogEntry) => process.stderr.write(`${describeEntry(entry)}\n`));
  const stop = await serve(simulator, values);
  const shutdown = (): void => void stop().then(() => exitAfterOutput(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

async function serve(simulator: MeterSimulator, values: { pty?: boolean; port?: string; host?: string }): Promise<() => Promise<void>> {
  const what = `${simulator.profile.name} meter `;
  if (values.pty) {
    const pty = await startPtyMeter(simulator);
    process.stdout.write(`${pty.clientPath}\n`);
    process.stderr.write(`${what}on pty; open ${pty.clientPath}\n`);
    return pty.stop;
  }
  const server = new MeterSimServer(simulator, { host: values.host, port: numberOption(values.port, 'port') ?? 2400 });
  const { host, port } = await server.start();
  process.stdout.write(`listening on ${host}:${port}\n`);
  process.stderr.write(`${what}(address ${simulator.profile.address || 'none'}) on tcp://${host}:${port}\n`);
  return () => server.stop();
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`meter-sim: ${message}\n`);
  if (isMeterError(error) && error.hint) process.stderr.write(`hint: ${error.hint}\n`);
  exitAfterOutput(2);
});
