/**
 * AT commands per second against the SmartCOM simulator over loopback TCP, with the gateway's echo on and
 * off: the price of keeping echo on (each answer tied to its command by the echo). Run after a build:
 * `node dist/bench/at-echo-bench.js [commands]`.
 */
import { AtChannel } from '../src/at/channel';
import { AtCommand } from '../src/at/command';
import { SmartcomSimulator } from '../src/sim/smartcom/simulator';
import { TcpLink } from '../src/transport/tcp-link';

async function commandsPerSecond(echo: boolean, count: number): Promise<number> {
  const sim = new SmartcomSimulator({ port: 0, clock: { speed: 0 }, echo });
  const { port } = await sim.start();
  const link = new TcpLink({ host: '127.0.0.1', port });
  await link.open();
  const channel = new AtChannel(link);
  channel.echoExpected = echo;
  sim.addMeter({ port: 2, protocol: 'IEC62056-21', address: '947834', interval: '3M' });
  const command = AtCommand.read('^SCAMS');
  for (let i = 0; i < 50; i++) await channel.execute(command, { timeoutMs: 5000 }); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await channel.execute(command, { timeoutMs: 5000 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  channel.dispose();
  await link.close();
  await sim.stop();
  return count / seconds;
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 2000);
  const rounds: Record<string, number[]> = { on: [], off: [] };
  for (let round = 0; round < 3; round++) {
    rounds.off.push(await commandsPerSecond(false, count));
    rounds.on.push(await commandsPerSecond(true, count));
  }
  const best = (values: number[]): number => Math.max(...values);
  console.log(`AT^SCAMS? x ${count}, best of 3: echo off ${best(rounds.off).toFixed(0)}/s, echo on ${best(rounds.on).toFixed(0)}/s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
