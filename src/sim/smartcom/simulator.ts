/**
 * SmartcomSimulator: a loopback TCP server that speaks the 2N SmartCOM PRO AT interface (see
 * README.md next to this file), with an AMS table, a scheduler on a clock that can run fast, a
 * ring buffer of records, fault injection and logs for tests.
 */
import { EventEmitter } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { MeterError } from '../../errors';
import type { AmsReadRequest, AmsReadResult, MeterReader } from '../meter-source';
import { AmsTable, checkMeterEntry, type AmsEntryView } from './ams-table';
import { SimClock } from './clock';
import { CommandFaults, type CommandFaultOptions } from './command-faults';
import { SimConnection, type ConnectionHost } from './connection';
import type { ConnectionState, GatewayContext } from './context';
import { dispatch, type DispatchResult } from './dispatcher';
import { createFixedMeterReader } from './fixed-meter';
import { resolveOptions, type ResolvedOptions, type SmartcomSimulatorOptions } from './options';
import { DEFAULT_PORTS, SerialPortState, type PortValues } from './port-settings';
import { RecordStore, type DeletedRecord, type SimRecord } from './record-store';
import { AmsScheduler } from './scheduler';
import { Timers } from './timers';

export interface CommandLogEntry {
  connection: number;
  /** The line as received (without its terminator). */
  line: string;
  /** Simulated ms. */
  at: number;
}

export interface ResponseLogEntry extends CommandLogEntry {
  ok: boolean;
  /** Why the command failed, for logs. */
  reason?: string;
}

/** Internal error while reading (the reader threw): IEC 62056-21 "internal error". */
const READER_FAILED = 65536;

export class SmartcomSimulator extends EventEmitter implements GatewayContext {
  readonly options: ResolvedOptions;
  readonly clock: SimClock;
  readonly ams: AmsTable;
  readonly store: RecordStore;
  readonly ports: Map<number, SerialPortState>;
  /** Every command line received after login, raw, in arrival order. */
  readonly commandLog: CommandLogEntry[] = [];
  /** Total connections accepted since construction. */
  acceptedConnections = 0;

  private readonly meterReader: MeterReader;
  private readonly scheduler: AmsScheduler;
  private readonly timers = new Timers();
  private readonly connections = new Map<number, SimConnection>();
  private server: Server | undefined;
  private listenAddress: { host: string; port: number } | undefined;
  private silent = false;
  /** Between start() and stop(); a reboot in progress only comes back up while running. */
  private running = false;
  private responseDelayMs = 0;
  private readonly commandFaults = new CommandFaults();

  constructor(options: SmartcomSimulatorOptions = {}) {
    super();
    this.options = resolveOptions(options);
    this.clock = new SimClock(options.clock);
    this.ams = new AmsTable(this.options.tableSize);
    this.store = new RecordStore(this.options.capacity, this.options.firstSeq, () => this.clock.now());
    this.ports = new Map([...DEFAULT_PORTS].map(([n, values]) => [n, new SerialPortState(values)]));
    this.meterReader = options.meterReader ?? createFixedMeterReader();
    this.scheduler = new AmsScheduler(this);
  }

  /** Starts listening; port 0 picks an ephemeral port. */
  async start(): Promise<{ host: string; port: number }> {
    if (this.server) throw new MeterError('E_BAD_ARGUMENT', 'the SmartCOM simulator is already started', { hint: 'Call stop() first.' });
    await this.listen(this.options.port);
    this.running = true;
    if (this.clock.speed > 0) this.scheduler.startTicking(this.options.tickMs);
    return this.address();
  }

  /** Closes every socket, the listener and every timer. */
  async stop(): Promise<void> {
    this.running = false;
    this.scheduler.stopTicking();
    this.timers.cancelAll();
    this.dropConnections();
    await this.closeListener();
    this.listenAddress = undefined;
  }

  address(): { host: string; port: number } {
    if (!this.listenAddress) throw new MeterError('E_NOT_CONNECTED', 'the SmartCOM simulator is not started', { hint: 'Await start() first.' });
    return { ...this.listenAddress };
  }

  get openConnections(): number {
    return this.connections.size;
  }

  /** Every record deleted by DEL_OLDEST / DEL_ALL / overwrite, with the reason. */
  get deletedRecords(): readonly DeletedRecord[] {
    return this.store.deleted;
  }

  records(): SimRecord[] {
    return this.store.all().map((record) => ({ ...record }));
  }

  table(): AmsEntryView[] {
    return this.ams.view();
  }

  portSettings(port: number): { configured: PortValues; saved: PortValues; active: PortValues } | undefined {
    const state = this.ports.get(port);
    return state && { configured: { ...state.configured }, saved: { ...state.saved }, active: { ...state.active } };
  }

  /** Adds a meter to the AMS table (like DEV_ADD, same checks) without going through a connection. */
  addMeter(entry: { port: number; protocol: string; address: string; interval: string }): void {
    const problem = checkMeterEntry(entry);
    if (problem) throw new MeterError('E_BAD_ARGUMENT', `cannot add meter ${entry.address}: ${problem}`, { details: { ...entry } });
    if (this.ams.isFull) throw new MeterError('E_BAD_ARGUMENT', `the AMS table is full (${this.ams.size} meters)`);
    this.ams.add({ ...entry, protocol: entry.protocol.toUpperCase(), interval: entry.interval.toUpperCase() }, this.clock.now());
  }

  /** Switches AMS on or off (like "ENABLE"); switching on restarts every schedule from now. */
  setAmsEnabled(enabled: boolean): void {
    if (enabled && !this.ams.enabled) this.ams.rearm(this.clock.now());
    this.ams.enabled = enabled;
  }

  /** Moves simulated time forward; the scheduled reads due meanwhile run (in order) before it resolves. */
  async advanceClock(ms: number): Promise<void> {
    const target = this.clock.now() + ms;
    await this.scheduler.runUntil(target, true);
    this.clock.setNow(Math.max(target, this.clock.now()));
  }

  // ---- fault injection ----

  /** Destroys every client socket (the listener stays up). */
  dropConnections(): void {
    for (const connection of this.connections.values()) connection.socket.destroy();
  }

  /** Half-open link: sockets stay open, everything received is read and ignored. */
  setSilent(silent: boolean): void {
    this.silent = silent;
  }

  /** Real milliseconds to wait before each answer. */
  setResponseDelay(ms: number): void {
    this.responseDelayMs = ms;
  }

  /** Drops every connection, refuses new ones for downMs, forgets unsaved port settings; keeps the AMS table and records. */
  async reboot(downMs = 0): Promise<void> {
    this.dropConnections();
    for (const port of this.ports.values()) port.reboot();
    if (downMs <= 0 || !this.server) return;
    const port = this.address().port;
    await this.closeListener();
    await this.timers.sleep(downMs);
    if (this.running) await this.listen(port);
  }

  /**
   * Command lines matching `match` answer ERROR (number per options.error) and are not run, e.g.
   * `failCommand(/DEV_ADD/i, { times: 1 })`. They are still logged.
   */
  failCommand(match: RegExp, options: CommandFaultOptions = {}): void {
    this.commandFaults.add(match, options);
  }

  clearCommandFaults(): void {
    this.commandFaults.clear();
  }

  // ---- GatewayContext ----

  async readMeter(request: AmsReadRequest, retries: number): Promise<AmsReadResult> {
    let result: AmsReadResult = { ok: false, errorCode: READER_FAILED };
    for (let attempt = 0; attempt <= retries; attempt++) {
      try {
        result = await this.meterReader(request);
      } catch {
        result = { ok: false, errorCode: READER_FAILED };
      }
      this.emit('read', { request, result, attempt });
      if (result.ok) return result;
    }
    return result;
  }

  storeRecord(fields: Omit<SimRecord, 'seq' | 'type' | 'time'> & { time?: number }): SimRecord {
    const record = this.store.add({ ...fields, time: fields.time ?? this.clock.unixSeconds() });
    this.emit('record', { ...record });
    return record;
  }

  sleep(ms: number): Promise<void> {
    return this.timers.sleep(ms);
  }

  // ---- listener and connections ----

  private listen(port: number): Promise<void> {
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.options.host, () => {
        server.off('error', reject);
        server.on('error', (error) => this.emit('error', error));
        const bound = server.address();
        if (bound === null || typeof bound === 'string') {
          reject(new MeterError('E_CONNECT_FAILED', 'the simulator listener has no TCP address'));
          return;
        }
        this.listenAddress = { host: this.options.host, port: bound.port };
        resolve();
      });
    });
  }

  private closeListener(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    const id = ++this.acceptedConnections;
    const connection = new SimConnection(id, socket, this.connectionHost());
    this.connections.set(id, connection);
    socket.on('close', () => {
      this.connections.delete(id);
      this.emit('disconnect', { id });
    });
    this.emit('connection', { id, remoteAddress: socket.remoteAddress, remotePort: socket.remotePort });
  }

  private connectionHost(): ConnectionHost {
    return {
      options: this.options,
      isSilent: () => this.silent,
      responseDelay: () => this.responseDelayMs,
      sleep: (ms) => this.timers.sleep(ms),
      logCommand: (connection, line) => {
        const entry = { connection, line, at: this.clock.now() };
        this.commandLog.push(entry);
        this.emit('command', entry);
      },
      execute: async (connection: ConnectionState, line: string) => this.commandFaults.take(line) ?? dispatch(this, connection, line),
      reportResult: (connection: number, line: string, result: DispatchResult) => {
        const entry: ResponseLogEntry = { connection, line, at: this.clock.now(), ok: result.error === undefined, reason: result.reason };
        this.emit('response', entry);
      },
    };
  }
}
