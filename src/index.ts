// Public library API. Each module adds its exports here as it lands.
export * from './errors';
export * from './error-codes';
export * from './transport/link';
export * from './transport/memory';
export * from './pool/types';
export * from './sim/meter-source';
