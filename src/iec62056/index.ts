/** IEC 62056-21: wire messages, BCC, the streaming frame reader, the readout parser and the client (master). */
export * from './constants';
export * from './bcc';
export * from './baud';
export * from './request';
export * from './identification';
export * from './ack-option';
export * from './frames';
export * from './frame-reader';
export * from './readout';
export * from './client';
