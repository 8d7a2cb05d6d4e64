/**
 * The two ways the iec62056-read node reaches a meter, behind one read(): through a smartcom-config
 * gateway (DIRECT_READ in one lease of the shared AT connection) or directly over a pooled meter link
 * (one IEC session per lease). Both give the same payload (shapeMeterPayload).
 */
import { MeterError } from '../../src/errors';
import { acquireMeterConnection, meterEndpoint, readMeter, releaseMeterConnection, startBaudRate, type MeterConnectionOptions, type MeterReadRequest } from '../../src/meter-read';
import { shapeMeterPayload, type MeterPayload, type MeterReadSource } from '../../src/meter-payload';
import type { Connection } from '../../src/pool/connection';
import { directRead, SmartcomClient } from '../../src/smartcom';
import type { ByteLink } from '../../src/transport/link';
import type { SmartcomConfigNode } from './config-api';
import type { IecReadSettings } from './iec-read-def';
import type { ReadPlan } from './iec-read-msg';

export interface MeterReaderDeps {
  settings: IecReadSettings;
  /** The programming-mode password (a credential): passed to the client, never logged or shown. */
  password: string | undefined;
  gateway: SmartcomConfigNode | undefined;
  /** Unique per node instance: the pool user id of the direct link. */
  userId: string;
  connection?: MeterConnectionOptions;
  /** OBIS locale tag of the `name` fields (default en-US). */
  locale?: string;
  /** The node's catalog (RED._), for the texts of the node's own errors. */
  translate: (key: string, params?: Record<string, string | number>) => string;
}

/** Gateway commands besides DIRECT_READ (the stored-record fallback) get this long each. */
const GATEWAY_COMMAND_TIMEOUT_MS = 10_000;

export class MeterReader {
  private direct: Connection<ByteLink> | undefined;
  private directError: MeterError | undefined;

  constructor(private readonly deps: MeterReaderDeps) {}

  /** Opens the direct link at deploy (when configured), so the port is held and its status is honest. */
  open(): void {
    const { endpoint, request } = this.deps.settings;
    if (!endpoint) return;
    try {
      this.direct = acquireMeterConnection(meterEndpoint(endpoint, startBaudRate(request)), this.deps.userId, this.deps.connection);
    } catch (error) {
      this.directError = error instanceof MeterError ? error : new MeterError('E_BAD_ARGUMENT', String(error));
    }
  }

  async read(plan: ReadPlan): Promise<MeterPayload> {
    const source = plan.path === 'gateway' ? await this.viaGateway(plan) : await this.viaDirect(plan);
    return shapeMeterPayload(source, { path: plan.path, address: plan.address, registers: plan.filter, ...(this.deps.locale ? { locale: this.deps.locale } : {}) });
  }

  async close(): Promise<void> {
    const connection = this.direct;
    this.direct = undefined;
    if (connection) await releaseMeterConnection(connection, this.deps.userId, this.deps.connection?.pool);
  }

  /** A read by a path the node has no settings for (msg.path chose it). */
  private notConfigured(path: 'gateway' | 'direct'): MeterError {
    const t = this.deps.translate;
    return new MeterError('E_BAD_ARGUMENT', `iec62056-read: ${t('iec62056-read.errors.not-set-up', { path })}`, { hint: t(`iec62056-read.errors.not-set-up-${path}-hint`) });
  }

  private viaGateway(plan: ReadPlan): Promise<MeterReadSource> {
    const gateway = this.deps.gateway;
    if (!gateway) throw this.notConfigured('gateway');
    const { settings } = this.deps;
    const options = { port: settings.gateway.port, address: plan.address, timeoutMs: settings.timeoutMs, ...(settings.gateway.baudRate ? { baudRate: settings.gateway.baudRate } : {}) };
    // One lease for the whole read: the retry without baud and the stored-record fallback stay together.
    return gateway.lease(
      ({ session, signal }) => directRead(new SmartcomClient(session, { commandTimeoutMs: GATEWAY_COMMAND_TIMEOUT_MS, signal }), options),
      { timeoutMs: 2 * settings.timeoutMs + 3 * GATEWAY_COMMAND_TIMEOUT_MS, label: `DIRECT_READ of meter ${plan.address}` },
    );
  }

  private viaDirect(plan: ReadPlan): Promise<MeterReadSource> {
    if (this.directError) throw this.directError;
    if (!this.direct) throw this.notConfigured('direct');
    const request: MeterReadRequest = { ...this.deps.settings.request, registers: plan.registers };
    if (plan.address !== '') request.address = plan.address;
    if (plan.loadProfile) request.loadProfile = plan.loadProfile;
    if (this.deps.password) request.password = this.deps.password;
    return readMeter(this.direct, request, { timeoutMs: this.deps.settings.timeoutMs, label: 'iec62056-read' });
  }
}
