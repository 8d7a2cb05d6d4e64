import { badArgument, gatewayPort, stringValue } from './validation';

/** The protocols AMS accepts in DEV_ADD (vendor FAQs). */
export const AMS_PROTOCOL_NAMES = ['IEC62056-21', 'MBUS', 'AIN_DIN'] as const;
export type AmsProtocol = (typeof AMS_PROTOCOL_NAMES)[number];

/** The reading intervals the vendor FAQ lists, shortest first. */
export const AMS_INTERVAL_NAMES = [
  '1M', '2M', '3M', '4M', '5M', '6M', '10M', '12M', '15M', '20M', '30M', '1H', '2H', '3H', '4H', '6H', '8H', '12H', '1D',
] as const;
export type AmsInterval = (typeof AMS_INTERVAL_NAMES)[number];

/** One meter of the AMS table as a caller wants it (DEV_ADD's arguments). */
export interface AmsDeviceSpec {
  /** 1 RS232, 2 RS485 or M-Bus, 128 internal inputs (AIN_DIN). */
  port: number;
  /** Case-insensitive on input, canonical (upper-case) after validation. */
  protocol: string;
  address: string;
  /** Case-insensitive on input, upper-case after validation. */
  interval: string;
}

/** A validated spec: canonical protocol and interval names. */
export interface ValidAmsDevice extends AmsDeviceSpec {
  protocol: AmsProtocol;
  interval: AmsInterval;
}

/** The canonical protocol name, or E_BAD_ARGUMENT naming the field. */
export function amsProtocol(value: unknown, field = 'protocol'): AmsProtocol {
  const upper = stringValue(value, field).toUpperCase();
  const known = AMS_PROTOCOL_NAMES.find((name) => name === upper);
  if (!known) throw badArgument(field, `must be one of ${AMS_PROTOCOL_NAMES.join(', ')}, got ${JSON.stringify(value)}`, value);
  return known;
}

/** The upper-case interval name (`3m` -> `3M`), or E_BAD_ARGUMENT naming the field. */
export function amsInterval(value: unknown, field = 'interval'): AmsInterval {
  const upper = stringValue(value, field).toUpperCase();
  const known = AMS_INTERVAL_NAMES.find((name) => name === upper);
  if (!known) throw badArgument(field, `must be one of ${AMS_INTERVAL_NAMES.join(' ')}, got ${JSON.stringify(value)}`, value);
  return known;
}

/** Baud rates the gateway's serial ports and the M-Bus addresses use. */
export const BAUD_RATES = [300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;

const IEC_ADDRESS = /^[\x20-\x21\x23-\x7e]{1,32}$/;
const MBUS_PRIMARY = /^(\d{1,3})@(\d+)$/;
const MBUS_SECONDARY = /^\*\d{8}@(\d+)$/;
const PULSE_INPUT = /^([1-9]\d{0,2})\/PULSE\/(ABS|REL)$/i;

/**
 * The address as DEV_ADD takes it, checked per protocol (AIN_DIN's keywords upper-cased), or
 * E_BAD_ARGUMENT naming the field and the expected form.
 */
export function amsAddress(protocol: AmsProtocol, value: unknown, field = 'address'): string {
  const address = stringValue(value, field);
  switch (protocol) {
    case 'IEC62056-21':
      if (IEC_ADDRESS.test(address)) return address;
      throw badArgument(field, 'an IEC 62056-21 address is 1-32 printable ASCII characters without "', value);
    case 'MBUS':
      return mbusAddress(address, field);
    case 'AIN_DIN':
      if (PULSE_INPUT.test(address)) return address.toUpperCase();
      throw badArgument(field, 'an AIN_DIN address is <input>/PULSE/ABS or <input>/PULSE/REL, e.g. 2/PULSE/REL', value);
  }
}

function mbusAddress(address: string, field: string): string {
  const form = 'an M-Bus address is <primary 0-250>@<baud> or *<8-digit secondary>@<baud>, e.g. 1@2400';
  const primary = MBUS_PRIMARY.exec(address);
  const baud = primary?.[2] ?? MBUS_SECONDARY.exec(address)?.[1];
  if (baud === undefined || (primary && Number(primary[1]) > 250)) throw badArgument(field, form, address);
  if (!(BAUD_RATES as readonly number[]).includes(Number(baud))) {
    throw badArgument(field, `the baud rate after @ must be one of ${BAUD_RATES.join(', ')}`, address);
  }
  return address;
}

/**
 * A spec checked field by field (untyped input welcome: JSON, function nodes). `field` prefixes the
 * names in errors, e.g. `wanted[3]` gives `wanted[3].address`.
 */
export function validAmsDevice(spec: unknown, field = 'device'): ValidAmsDevice {
  if (typeof spec !== 'object' || spec === null) throw badArgument(field, 'must be an object { port, protocol, address, interval }', spec);
  const input = spec as Record<string, unknown>;
  const protocol = amsProtocol(input.protocol, `${field}.protocol`);
  return {
    port: gatewayPort(input.port, `${field}.port`),
    protocol,
    address: amsAddress(protocol, input.address, `${field}.address`),
    interval: amsInterval(input.interval, `${field}.interval`),
  };
}
