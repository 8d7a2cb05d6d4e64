import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { loadSerialPort, type SerialPortInfoLike } from './serial-loader';

export interface SerialPortEntry {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  /** 'list': reported by the serialport package; 'scan': found by name under /dev. */
  source: 'list' | 'scan';
}

export interface ListSerialPortsDeps {
  /** Defaults to SerialPort.list() of the serialport package. */
  list?: () => Promise<SerialPortInfoLike[]>;
  /** The directory scanned when list() fails or finds nothing. Default /dev. */
  devDir?: string;
}

/** Device names of serial lines on Linux: on-board UARTs, USB adapters, Raspberry Pi UARTs, Exar, Bluetooth. */
const SERIAL_DEVICE_NAME = /^(ttyS|ttyUSB|ttyACM|ttyAMA|ttyXRUSB|rfcomm)\d+$/;

/**
 * The serial ports of this machine. SerialPort.list() needs udev, which containers often lack;
 * then the ports are found by scanning the device directory instead.
 */
export async function listSerialPorts(deps: ListSerialPortsDeps = {}): Promise<SerialPortEntry[]> {
  const listed = await tryList(deps.list);
  if (listed.length > 0) return listed;
  return scanDeviceDir(deps.devDir ?? '/dev');
}

async function tryList(list: ListSerialPortsDeps['list']): Promise<SerialPortEntry[]> {
  try {
    const ports = await (list ?? (() => loadSerialPort().list()))();
    return ports.map((port) => ({
      path: port.path,
      ...(port.manufacturer ? { manufacturer: port.manufacturer } : {}),
      ...(port.serialNumber ? { serialNumber: port.serialNumber } : {}),
      source: 'list' as const,
    }));
  } catch {
    // No udev, no native module: the directory scan below still finds the ports.
    return [];
  }
}

async function scanDeviceDir(devDir: string): Promise<SerialPortEntry[]> {
  const names = await readDirOrEmpty(devDir);
  const devices = names.filter((name) => SERIAL_DEVICE_NAME.test(name)).sort(byNameThenNumber);
  const byIdDir = nodePath.join(devDir, 'serial', 'by-id');
  const byId = (await readDirOrEmpty(byIdDir)).sort();
  return [
    ...byId.map((name) => ({ path: nodePath.join(byIdDir, name), source: 'scan' as const })),
    ...devices.map((name) => ({ path: nodePath.join(devDir, name), source: 'scan' as const })),
  ];
}

async function readDirOrEmpty(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch {
    return [];
  }
}

/** ttyS2 before ttyS10. */
function byNameThenNumber(a: string, b: string): number {
  const split = (name: string): [string, number] => {
    const match = /^(\D+)(\d+)$/.exec(name);
    return match ? [match[1]!, Number(match[2])] : [name, 0];
  };
  const [prefixA, numberA] = split(a);
  const [prefixB, numberB] = split(b);
  return prefixA === prefixB ? numberA - numberB : prefixA < prefixB ? -1 : 1;
}
