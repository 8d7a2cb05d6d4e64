/**
 * English: the AMS texts are the library's own table (src/error-codes.ts), so that the two never drift
 * apart; the fallbacks say what describeAmsCode says.
 */
import { AMS_ERROR_CODES, type KnownAmsCode } from '../error-codes';
import type { ErrorText, ErrorTexts } from './types';

const ams = Object.fromEntries(
  [...AMS_ERROR_CODES].map(([code, info]) => [code, info.hint === undefined ? { summary: info.description } : { summary: info.description, hint: info.hint }]),
) as Record<KnownAmsCode, ErrorText>;

export const EN: ErrorTexts = {
  ams,
  client: {
    E_TIMEOUT: { summary: 'timeout: the answer did not come in time', hint: 'Check the connection and the device; a slow device may need a longer timeout.' },
    E_QUEUE_FULL: { summary: 'too many requests are waiting for this connection', hint: 'Send fewer requests at a time (e.g. a slower trigger) or raise the queue size.' },
    E_NOT_CONNECTED: { summary: 'there is no open connection', hint: 'Check that the node has its connection configured and that the device is reachable.' },
    E_CONNECTION_LOST: { summary: 'the connection was lost', hint: 'Check the cable or the network; the connection is reopened by itself.' },
    E_CONNECT_FAILED: {
      summary: 'the connection could not be opened',
      hint: 'Check the host and port (or the serial port), that the device is powered and reachable, and that no other program holds it.',
    },
    E_CLOSED: { summary: 'the connection is closed' },
    E_ABORTED: { summary: 'the request was aborted' },
    E_BAD_ARGUMENT: { summary: 'invalid setting or input', hint: 'Correct the named setting in the node, or the msg property that overrides it.' },
    E_AT_ERROR: { summary: 'the gateway refused the AT command', hint: 'Check the command and its arguments against the gateway firmware (AMS needs the special firmware).' },
    E_LOGIN_FAILED: { summary: 'the login to the gateway failed', hint: 'Check the user and password configured for the gateway.' },
    E_PARSE: { summary: 'the answer could not be understood' },
    E_SERIAL_UNAVAILABLE: {
      summary: 'serial ports are not available (the serialport package is missing)',
      hint: 'Install serialport next to this package (npm install serialport) and check that its native module was built for this Node.js version.',
    },
    E_SERIAL_CONFLICT: {
      summary: 'the serial port is already in use for another purpose or with other settings',
      hint: 'Give every node on this port the same baud rate, data bits, parity and stop bits, or give the meter a port of its own.',
    },
    E_BCC_MISMATCH: { summary: 'the checksum (BCC) of the data does not match', hint: 'Transmission errors: try a lower baud rate and check the cable.' },
    E_PROTOCOL: { summary: 'unexpected answer (protocol error)' },
    E_PASSWORD_REJECTED: { summary: 'the meter rejected the password', hint: 'Check the password; some meters lock the programming mode for a while after wrong passwords.' },
    E_METER_ERROR: { summary: 'the meter reports an error' },
    E_LINE_TOO_LONG: { summary: 'the gateway sent a line that is too long', hint: 'Check the port settings (baud rate, parity) and the device on the other end.' },
    E_ANSWER_TOO_LARGE: { summary: 'the answer is too large', hint: 'Ask for fewer records at a time (e.g. GET_OLDEST with a smaller count).' },
    E_OUT_OF_STEP: { summary: 'the answers are out of step with the commands' },
    E_SYNC_VERIFY: {
      summary: 'what was read back differs from what was written',
      hint: 'Another client may have changed it meanwhile, or the gateway ignored a command; read it again and repeat the change.',
    },
    E_BUSY: { summary: 'busy: a run that must not overlap is already in progress', hint: 'Wait for it to finish, or stop it first.' },
  },
  fallback: {
    iec62056: 'IEC 62056-21 error {detail}',
    mbus: 'M-Bus error {detail}',
    general: 'AMS error {code}',
    client: 'error {code}',
  },
  words: { hint: 'Try', detail: 'detail' },
};
