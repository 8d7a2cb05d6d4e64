import type { AckOptionSelectMessage } from '../../iec62056/ack-option';
import { interpretBaudChar } from '../../iec62056/baud';
import type { DataBlockMessage } from '../../iec62056/frames';
import type { RequestMessage } from '../../iec62056/request';
import { MeterFaults, wakeUpNulsRequired } from './faults';
import { MeterProfile, profileMode } from './profile';
import type { ProgrammingReply } from './programming';
import { ACK_BYTE, NAK_BYTE } from './receiver';

// What the meter answers, decided from the profile and the faults of the moment. Pure: the session does the
// waiting and sending, so these rules read (and can be checked) without any timer.

/** Why this meter does not answer a request (undefined: it answers). */
export function requestRefusal(request: RequestMessage, profile: MeterProfile, faults: Readonly<MeterFaults>, nulsSeen: number): string | undefined {
  if (request.requestChar !== profile.requestChar) return `request character ${request.requestChar}`;
  if (request.address !== '' && request.address !== profile.address) return `address ${request.address} is not ${profile.address || '(none)'}`;
  if (profileMode(profile) === 'D') return 'mode D meters only push';
  const needed = wakeUpNulsRequired(faults);
  if (nulsSeen < needed) return `no wake-up: ${nulsSeen} NULs, ${needed} needed`;
  if (faults.silence) return 'fault: silence';
  return undefined;
}

/** What an option select leads to: readout or programming mode at the selected speed, or an event and no answer. */
export type OptionSelectOutcome =
  | { kind: 'readout'; baudRate: number }
  | { kind: 'programming'; baudRate: number }
  | { kind: 'no-answer'; event: 'option-refused' | 'mode-not-supported'; detail: string };

export function optionSelectOutcome(message: AckOptionSelectMessage, profile: MeterProfile): OptionSelectOutcome {
  const offered = interpretBaudChar(profile.identification.baudChar).baudRate;
  const selected = interpretBaudChar(message.baudChar).baudRate;
  // The reference only documents masters choosing a LOWER speed; a meter cannot go above its offer. It stays
  // quiet (still awaiting an option select), so a master that steps down on retry gets an answer.
  if (selected > offered) return { kind: 'no-answer', event: 'option-refused', detail: `Z=${message.baudChar} (${selected} Bd) is above the offer of ${offered} Bd` };
  if (message.modeControl === '0') return { kind: 'readout', baudRate: selected };
  if (message.modeControl === '1' && profile.programming) return { kind: 'programming', baudRate: selected };
  const hdlc = message.modeControl === '2' ? ' (HDLC is out of scope)' : '';
  return { kind: 'no-answer', event: 'mode-not-supported', detail: `option select Y=${message.modeControl}${hdlc}` };
}

/** A data message as the meter sends it: the profile's check character, spoilt when the bad-BCC fault is on. */
export function dataMessageBytes(message: DataBlockMessage, profile: MeterProfile, faults: Readonly<MeterFaults>): Buffer {
  const bytes = message.encode(profile.bcc);
  if (faults.badBcc) bytes[bytes.length - 1] ^= 0x01;
  return bytes;
}

/** The part of a message the cut-off fault lets out: the given fraction, at least one byte. */
export function cutOffBytes(bytes: Buffer, fraction: number): Buffer {
  return bytes.subarray(0, Math.max(1, Math.floor(bytes.length * fraction)));
}

/** A programming-mode reply's bytes, and what the log calls it. Data blocks are subject to the bad-BCC fault. */
export function programmingReplyBytes(reply: ProgrammingReply, profile: MeterProfile, faults: Readonly<MeterFaults>): { bytes: Buffer; what: string } {
  switch (reply.kind) {
    case 'ack': return { bytes: ACK_BYTE, what: 'ACK' };
    case 'nak': return { bytes: NAK_BYTE, what: 'NAK' };
    case 'command': return { bytes: reply.message.encode(profile.bcc), what: reply.what };
    case 'data': return { bytes: dataMessageBytes(reply.message, profile, faults), what: reply.what };
  }
}
