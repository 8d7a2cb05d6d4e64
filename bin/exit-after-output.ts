/**
 * Ends a command line program with `code` once what it wrote to stdout and stderr has left the
 * process. process.exit() right after a write drops whatever a pipe has not taken yet (a pipe takes
 * 64 KiB at a time), so `iec62056-read ... | cat` would print cut-off JSON and still exit 0.
 * Exiting explicitly (rather than only setting exitCode) also ends a program whose servers or
 * timers would otherwise keep it alive.
 */
export function exitAfterOutput(code: number): void {
  process.exitCode = code;
  let open = 2;
  // A write's callback runs after every earlier write to that stream was flushed (or failed).
  const flushed = (): void => {
    if (--open === 0) process.exit(code);
  };
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
}
