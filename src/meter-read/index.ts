/** Reading a meter directly (serial port, optical probe, TCP tunnel) over a pooled link: one session per lease. */
export { createIecDriver } from './driver';
export { IEC_LINE, meterEndpoint, type MeterEndpointSpec } from './endpoint';
export { readAction, runMeterRead, startBaudRate, type MeterReadAction, type MeterReadRequest, type MeterReadResult } from './request';
export { acquireMeterConnection, METER_RECONNECT, releaseMeterConnection, whenConnected, type MeterConnectionOptions } from './connection';
export { readMeter, type ReadMeterOptions } from './read-meter';
