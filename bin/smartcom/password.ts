import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/**
 * The gateway password: SMARTCOM_PASSWORD, else a prompt when stdin is a terminal (typed without
 * echo), else none. Never a command-line argument: those show in `ps` and shell histories.
 */
export async function gatewayPassword(env: NodeJS.ProcessEnv, login: string | undefined): Promise<string | undefined> {
  if (env.SMARTCOM_PASSWORD !== undefined) return env.SMARTCOM_PASSWORD;
  if (login === undefined || !process.stdin.isTTY) return undefined;
  return promptHidden(`Password for ${login}: `);
}

function promptHidden(question: string): Promise<string> {
  process.stderr.write(question);
  // readline echoes what is typed to its output: give it one that drops everything.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: process.stdin, output: silent, terminal: true });
  return new Promise((resolve) => {
    reader.question('', (answer) => {
      reader.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}
