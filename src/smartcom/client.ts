import type { AbortCheck, AtChannel, AtResponse } from '../at/channel';
import type { AtCommand } from '../at/command';
import { parseAmsCapabilities, type AmsCapabilities } from './capabilities';
import {
  amsAddCommand, amsCapabilitiesCommand, amsClearCommand, amsEnableCommand, amsIntervalCommand, amsRemoveCommand,
  amsRetryCommand, amsStatusCommand, portApplyCommand, portParameterCommand, portReadCommand,
} from './commands';
import { portApply, portParameterValues, type PortApply, type PortSettingsChange } from './port-change';
import { parseAmsTable, type AmsTable } from './scams';
import { parsePortSettings, type PortSettings } from './scport';
import { gatewayPort } from './validation';

export interface SmartcomClientOptions {
  /** Per AT command. Default 10 s. */
  commandTimeoutMs?: number;
  /** Aborts the running command (pass the lease's signal). */
  signal?: AbortSignal;
  /**
   * The pool lease this client runs in (withSmartcom passes it): once it has ended, no command is sent.
   * A command running at its end is abandoned by the pool itself (the AT driver's onLeaseTimeout), so no
   * abort listener is needed for it.
   */
  lease?: { readonly ended: boolean };
}

export const DEFAULT_COMMAND_TIMEOUT_MS = 10_000;

/** What setPortSettings did: the commands sent, in order. */
export interface PortSetResult {
  port: number;
  commands: string[];
}

/**
 * The SmartCOM operations over one AT channel (one lease: nobody else sends meanwhile). Every
 * method validates first (E_BAD_ARGUMENT, nothing written), sends, and returns the parsed answer.
 * A gateway `ERROR <n>` rejects with E_AT_ERROR, the number in `details.errorNumber`.
 */
export class SmartcomClient {
  readonly commandTimeoutMs: number;
  private readonly abortCheck: AbortCheck | undefined;

  constructor(
    readonly channel: AtChannel,
    options: SmartcomClientOptions = {},
  ) {
    this.commandTimeoutMs = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    const { signal, lease } = options;
    this.abortCheck = signal ?? (lease && new LeaseEnd(lease));
  }

  /** `AT^SCAMS?`: on/off, retry count and the meter table. */
  async amsStatus(): Promise<AmsTable> {
    return parseAmsTable((await this.send(amsStatusCommand())).lines);
  }

  /** `AT^SCAMS=?`: the keywords this firmware offers. */
  async amsCapabilities(): Promise<AmsCapabilities> {
    return parseAmsCapabilities((await this.send(amsCapabilitiesCommand())).lines);
  }

  async setAmsEnabled(enabled: boolean): Promise<void> {
    await this.send(amsEnableCommand(enabled));
  }

  /** RETRY 0-9. */
  async setAmsRetry(count: number): Promise<void> {
    await this.send(amsRetryCommand(count));
  }

  /** DEV_ADD: the meter is appended at the end of the table. */
  async addAmsDevice(spec: unknown): Promise<void> {
    await this.send(amsAddCommand(spec));
  }

  /** DEV_REMOVE: the meters after `index` move up by one position. */
  async removeAmsDevice(index: number): Promise<void> {
    await this.send(amsRemoveCommand(index));
  }

  async clearAmsDevices(): Promise<void> {
    await this.send(amsClearCommand());
  }

  async setAmsInterval(index: number | 'ALL', interval: string): Promise<void> {
    await this.send(amsIntervalCommand(index, interval));
  }

  /** `AT^SCPORTn?`: the configured settings (parity also by name where the code is known). */
  async portSettings(port: number): Promise<PortSettings> {
    return parsePortSettings((await this.send(portReadCommand(port))).lines);
  }

  /**
   * Sets the given parameters (each checked before the first is sent), then, with `apply`, sends
   * SAVE, RESTART or SRESTART. Without `apply` the values are configured but neither saved nor active.
   */
  async setPortSettings(port: number, change: PortSettingsChange, apply?: PortApply): Promise<PortSetResult> {
    const commands = portParameterValues(change).map((value) => portParameterCommand(port, value));
    if (apply !== undefined) commands.push(portApplyCommand(port, portApply(apply)));
    for (const command of commands) await this.send(command);
    return { port: gatewayPort(port), commands: commands.map((command) => command.text) };
  }

  /** SAVE (persist), RESTART (make active) or SRESTART (both). */
  async applyPortSettings(port: number, action: PortApply): Promise<void> {
    await this.send(portApplyCommand(port, action));
  }

  /** One command with this client's signal and timeout (or `timeoutMs`, for long commands such as DIRECT_READ). */
  send(command: AtCommand, timeoutMs = this.commandTimeoutMs): Promise<AtResponse> {
    const signal = this.abortCheck;
    return this.channel.execute(command, signal ? { timeoutMs, signal } : { timeoutMs });
  }
}

/** A lease's end as an AbortCheck (a class, so every client's check has one shape for the channel to read). */
class LeaseEnd {
  constructor(private readonly lease: { readonly ended: boolean }) {}

  get aborted(): boolean {
    return this.lease.ended;
  }
}
