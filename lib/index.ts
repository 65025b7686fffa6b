/**
 * node-red-contrib-cisco-cti, usable from plain TypeScript: the CTI protocol codec, the client session
 * with call/agent tracking, and the CTI Server simulator.
 */
export * from './protocol';
export * from './session';
export * from './calls';
export * from './simulator';
export * from './record';
export * from './contact-center';
