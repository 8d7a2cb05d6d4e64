// A world of meters whose values change with time, shared by the gateway simulator and the TCP meter simulator.
export * from './data-blocks';
export * from './live-meter';
export * from './meter-world';
export * from './power-model';
