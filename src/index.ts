/**
 * The public library API: `require('@meterflow/node-red-smartcom')` gives everything below, so that a function
 * node, a script or another program can use the protocols, the pool and the simulators without Node-RED.
 */
export * from './errors';
export * from './error-codes';
export * from './error-text';

// Byte links and the connection pool.
export * from './transport/link';
export * from './transport/memory';
export * from './transport/tcp-link';
export * from './transport/serial-link';
export * from './transport/serial-loader';
export * from './transport/serial-ports';
export * from './transport/create-link';
export * from './pool/types';
export * from './pool/backoff';
export * from './pool/connection';
export * from './pool/pool';

// The SmartCOM AT interface and its response parsers.
export * from './at';
export * from './smartcom';

// IEC 62056-21.
export * from './iec62056';

// Reading a meter directly over a pooled link.
export * from './meter-read';

// OBIS codes: names, units, register filters.
export * from './obis';

// The meter payload of the iec62056-read node (pure functions over readouts).
export * from './meter-payload';

// Simulators.
export * from './sim/meter-source';
export * from './sim/smartcom';
export * from './sim/meter';
export * from './sim/world';
export * from './sim/ams-meter-reader';
