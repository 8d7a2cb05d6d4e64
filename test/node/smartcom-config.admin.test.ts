import assert from 'node:assert/strict';
import type AdminAuth from '@node-red/editor-api/lib/auth';
import type { FlowNode } from 'node-red-node-test-helper';
import smartcomConfig from '../../nodes/smartcom-config';
import type { HttpResponse, RedApi } from '../../nodes/lib/red';
import { serialPortsHandler } from '../../nodes/lib/serial-ports-route';
import type { SmartcomSimulator } from '../../src/sim/smartcom/simulator';
import { sharedFlow } from './fixtures/flows';
import { FAST_RECONNECT, NODE_MODULES, helper, initHelper, requireFromRuntime, startSimulator } from './fixtures/setup';
import { runtimeTranslate } from './fixtures/runtime-language';
import { ask } from './fixtures/wait';

/** The admin-auth middleware of the Node-RED under test (4.x, or 5.x in the compatibility run). */
const adminAuth = requireFromRuntime<typeof AdminAuth>('@node-red/editor-api/lib/auth');
const SECRET = 'pw-7f3a91-secret';
const SERIAL_PORTS = '/smartcom-config/serialports';
/** The session store the admin-auth module reads (empty: only the static tokens exist). */
const SESSION_STORAGE = { getSessions: async () => ({}), saveSessions: async () => undefined };
/** Users the tokens belong to; their passwords are never used (no login happens). */
const USERS = [
  { username: 'reader', password: 'unused', permissions: '*' },
  { username: 'other', password: 'unused', permissions: '*' },
];
const TOKENS = [
  { token: 'reader-token', user: 'reader', scope: ['smartcom-config.read'] },
  { token: 'other-token', user: 'other', scope: ['flows.read'] },
];

/**
 * The test helper hands nodes a RED.auth whose needsPermission lets every request through. To
 * check the endpoint's guard, the module is given Node-RED's real admin-auth middleware instead,
 * initialised with adminAuth settings and static API tokens.
 */
function withRealAdminAuth(RED: RedApi): void {
  smartcomConfig({ ...RED, auth: adminAuth } as RedApi);
}

describe('smartcom-config: credentials and the serial-port endpoint', function () {
  before(initHelper);

  describe('credentials', function () {
    let sim: SmartcomSimulator;
    let port: number;

    beforeEach(async function () {
      ({ sim, port } = await startSimulator({ login: { username: 'admin', password: SECRET } }));
      helper.settings(FAST_RECONNECT);
    });

    afterEach(async function () {
      await helper.unload();
      await sim.stop();
    });

    it('logs in with the user and password credentials, which never appear in the deployed flow', async function () {
      const flow = sharedFlow({ port }, 1);
      await helper.load(NODE_MODULES, flow, { cfg: { user: 'admin', password: SECRET } });
      const user = helper.getNode('u1');
      const sink = helper.getNode('h1');
      assert.ok(user && sink);
      const answer = await ask(user, sink);
      assert.deepEqual(answer.payload, [], 'the gateway accepted the login and answered AT');
      const exported: FlowNode[] = helper._redNodes.getFlows().flows;
      const config = exported.find((n) => n.id === 'cfg');
      assert.ok(config, 'the config node is in the flow');
      assert.equal(JSON.stringify(exported).includes(SECRET), false, 'no password in the flow JSON');
      assert.equal('password' in config || 'credentials' in config, false);
      const logged = JSON.stringify(helper.log().args);
      assert.equal(logged.includes(SECRET), false, 'no password in the log');
    });
  });

  describe('GET /smartcom-config/serialports', function () {
    const flow: FlowNode[] = [{ id: 'cfg', type: 'smartcom-config', transport: 'serial', serialPath: '/dev/ttyUSB0' }];

    afterEach(async function () {
      adminAuth.init({}, SESSION_STORAGE);
      await helper.unload();
      await helper.stopServer();
    });

    it('answers 200 with a list when adminAuth is off', async function () {
      await helper.startServer();
      await helper.load(NODE_MODULES, flow);
      const res = await helper.request().get(SERIAL_PORTS);
      assert.equal(res.status, 200);
      assert.ok(Array.isArray(res.body));
      for (const entry of res.body as Array<{ path?: unknown; source?: unknown }>) {
        assert.equal(typeof entry.path, 'string');
        assert.ok(entry.source === 'list' || entry.source === 'scan');
      }
    });

    it('answers 401 without a token, or with one lacking smartcom-config.read, when adminAuth is on', async function () {
      await helper.startServer();
      adminAuth.init({ adminAuth: { type: 'credentials', users: USERS, tokens: TOKENS } }, SESSION_STORAGE);
      await helper.load([withRealAdminAuth, NODE_MODULES[1]], flow);
      assert.equal((await helper.request().get(SERIAL_PORTS)).status, 401);
      assert.equal((await helper.request().get(SERIAL_PORTS).set('Authorization', 'Bearer other-token')).status, 401);
      const allowed = await helper.request().get(SERIAL_PORTS).set('Authorization', 'Bearer reader-token');
      assert.equal(allowed.status, 200);
      assert.ok(Array.isArray(allowed.body));
    });
  });

  describe('serialPortsHandler', function () {
    it('answers 500 with a message naming the failure', async function () {
      const sent: { status?: number; body?: unknown } = {};
      const res: HttpResponse = {
        status(code) {
          sent.status = code;
          return res;
        },
        json(body) {
          sent.body = body;
        },
      };
      serialPortsHandler(() => Promise.reject(new Error('udev is not running')), runtimeTranslate('en-US'))({ params: {}, query: {} }, res, () => undefined);
      await new Promise<void>((resolve) => setImmediate(resolve));
      assert.equal(sent.status, 500);
      assert.match(String((sent.body as { message?: unknown }).message), /listing serial ports failed: udev is not running/);
    });
  });
});
