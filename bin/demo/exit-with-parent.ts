/**
 * Preloaded into the demo's Node-RED (`node -r`): its stdin is a pipe from the demo, which closes only when the
 * demo process is gone. If the demo dies without stopping Node-RED (killed with SIGKILL, crashed), Node-RED then
 * stops itself as on Ctrl-C instead of staying behind with the port open.
 */
process.stdin.on('end', () => process.kill(process.pid, 'SIGINT'));
process.stdin.on('error', () => process.kill(process.pid, 'SIGINT'));
process.stdin.resume();
