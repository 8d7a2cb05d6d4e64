/**
 * Serial port settings behind AT^SCPORTn. Three layers, like the real unit: `configured` (what
 * set commands change and the query shows), `saved` (survives a reboot; "SAVE"), and `active`
 * (what the port runs with; "RESTART" applies, "SRESTART" saves and applies).
 */
export type PortParameter = 'BAUDRATE' | 'DATA_BITS' | 'STOP_BITS' | 'PARITY';

export type PortValues = Record<PortParameter, number>;

export const PORT_PARAMETERS: readonly PortParameter[] = ['BAUDRATE', 'DATA_BITS', 'STOP_BITS', 'PARITY'];

/** Allowed values; PARITY 0 = none, 1 = even (both documented), 2 = odd (simulator assumption). */
export const PORT_VALUE_CHOICES: Readonly<Record<PortParameter, readonly number[]>> = {
  BAUDRATE: [300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200],
  DATA_BITS: [7, 8],
  STOP_BITS: [1, 2],
  PARITY: [0, 1, 2],
};

/** Port 1 = RS232 (the console's 115200 8N1), port 2 = RS485 set up for IEC 62056-21 (2400 7E1). */
export const DEFAULT_PORTS: ReadonlyMap<number, PortValues> = new Map([
  [1, { BAUDRATE: 115200, DATA_BITS: 8, STOP_BITS: 1, PARITY: 0 }],
  [2, { BAUDRATE: 2400, DATA_BITS: 7, STOP_BITS: 1, PARITY: 1 }],
]);

export class SerialPortState {
  configured: PortValues;
  saved: PortValues;
  active: PortValues;

  constructor(defaults: PortValues) {
    this.configured = { ...defaults };
    this.saved = { ...defaults };
    this.active = { ...defaults };
  }

  /** False when the value is not allowed for the parameter. */
  set(parameter: PortParameter, value: number): boolean {
    if (!PORT_VALUE_CHOICES[parameter].includes(value)) return false;
    this.configured[parameter] = value;
    return true;
  }

  save(): void {
    this.saved = { ...this.configured };
  }

  restart(): void {
    this.active = { ...this.configured };
  }

  /** A reboot forgets what was not saved. */
  reboot(): void {
    this.configured = { ...this.saved };
    this.active = { ...this.saved };
  }
}

export function isPortParameter(name: string): name is PortParameter {
  return (PORT_PARAMETERS as readonly string[]).includes(name);
}
