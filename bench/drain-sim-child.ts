/** The drain benchmark's simulator in a process of its own (see drain-sim-host.ts): reports its port, then serves requests. */
import { filledSimulatorHere } from './drain-sim-host';

async function main(): Promise<void> {
  const { sim, port } = await filledSimulatorHere(Number(process.argv[2]));
  const send = (message: unknown): void => {
    process.send?.(message);
  };
  process.on('message', (request: unknown) => {
    if (request === 'lines') send({ lines: sim.commandLog.map((entry) => entry.line) });
    if (request === 'stop') void sim.stop().then(() => send({ stopped: true }));
  });
  // The parent's disconnect (or its death) ends this process.
  process.on('disconnect', () => process.exit(0));
  send({ port });
}

void main();
