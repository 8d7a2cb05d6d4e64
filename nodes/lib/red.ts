/**
 * The small part of the Node-RED runtime API the package uses. Node-RED ships no type
 * definitions, so these are written by hand from its documentation and kept minimal.
 */

export type StatusFill = 'red' | 'green' | 'yellow' | 'blue' | 'grey';
export type StatusShape = 'ring' | 'dot';

/** `{}` clears the status. */
export interface NodeStatus {
  fill?: StatusFill;
  shape?: StatusShape;
  text?: string;
}

/** Fields every node definition from the flow file carries. */
export interface NodeDef {
  id: string;
  type: string;
  name?: string;
  z?: string;
}

export type CloseHandler = (removed: boolean, done: () => void) => void;

/** A Node-RED node as seen from inside its constructor (`this` after `createNode`). */
export interface RedNode {
  readonly id: string;
  readonly type: string;
  name?: string;
  /** Decrypted credentials, set by `createNode` when the type declares credentials. */
  credentials?: Record<string, string | undefined>;
  on(event: 'close', handler: CloseHandler): void;
  on(event: 'input', handler: (msg: Record<string, unknown>, send: (msg: unknown) => void, done: (err?: Error) => void) => void): void;
  status(status: NodeStatus): void;
  log(message: unknown): void;
  warn(message: unknown): void;
  error(message: unknown, msg?: unknown): void;
  debug(message: unknown): void;
}

/** Minimal HTTP request/response shapes (Express underneath); no express types are installed. */
export interface HttpRequest {
  params: Record<string, string>;
  query: Record<string, unknown>;
}
export interface HttpResponse {
  status(code: number): HttpResponse;
  json(body: unknown): void;
}
// Express middleware signature; `next` is untyped in Express itself.
export type HttpHandler = (req: HttpRequest, res: HttpResponse, next: (err?: unknown) => void) => void;

export interface CredentialDef {
  type: 'text' | 'password';
}
export interface SettingDef {
  value: unknown;
  exportable?: boolean;
}
export interface RegisterOptions {
  credentials?: Record<string, CredentialDef>;
  settings?: Record<string, SettingDef>;
}

/** The `RED` object handed to a node module: `module.exports = function (RED) {...}`. */
export interface RedApi {
  nodes: {
    createNode(node: object, def: NodeDef): void;
    // The constructor is called with `this` bound to a fresh node object, which it extends to N.
    registerType<N extends RedNode>(type: string, constructor: (this: N, def: never) => void, options?: RegisterOptions): void;
    getNode(id: string): unknown;
  };
  settings: Record<string, unknown>;
  util: {
    /**
     * Reads a typed-input value (num, msg, flow, global, ...). The callback form, because flow and
     * global context stores may be asynchronous.
     */
    evaluateNodeProperty(value: string, type: string, node: RedNode, msg: Record<string, unknown>, callback: (err: Error | null, result?: unknown) => void): void;
  };
  httpAdmin: {
    get(path: string, ...handlers: HttpHandler[]): void;
  };
  auth: {
    needsPermission(permission: string): HttpHandler;
  };
  /** i18n lookup in this module's catalog; the test helper returns the key unchanged. */
  _(key: string, substitutions?: Record<string, string | number>): string;
  log: {
    warn(message: unknown): void;
    error(message: unknown): void;
  };
}

/** A node's catalog lookup (RED._ or a stand-in): the text of `key` in the runtime's language, `__name__` filled from params. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;
