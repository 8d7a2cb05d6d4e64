/**
 * `.demo/flows_cred.json`, encrypted with the demo's credential secret as Node-RED itself writes it. Without the
 * file Node-RED warns "Encrypted credentials not found" on the first start (and a plain one, from an older demo
 * without a secret, keeps a warning until the next deploy). The demo flow's one credential is put in: the password
 * of the programming-mode meter's load-profile read (credentials are never part of an exported flow).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { demoDir } from './config';
import { DEMO_CREDENTIAL_SECRET } from './settings';

type Credentials = Record<string, Record<string, string>>;

/** The iec62056-read node "load profile (programming mode)" of examples/dashboard, and the simulated meter's password. */
export const DEMO_FLOW_CREDENTIALS: Credentials = { d2a0000000000131: { password: '00000000' } };

const key = (): Buffer => createHash('sha256').update(DEMO_CREDENTIAL_SECRET).digest();

/** Node-RED's format: aes-256-ctr with sha256(secret) as the key, `{"$": hex(iv) + base64(cipher text)}`. */
function encrypt(credentials: Credentials): { $: string } {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-ctr', key(), iv);
  return { $: iv.toString('hex') + cipher.update(JSON.stringify(credentials), 'utf8', 'base64') + cipher.final('base64') };
}

function decrypt(sealed: string): Credentials {
  const decipher = createDecipheriv('aes-256-ctr', key(), Buffer.from(sealed.slice(0, 32), 'hex'));
  return JSON.parse(decipher.update(sealed.slice(32), 'base64', 'utf8') + decipher.final('utf8')) as Credentials;
}

function read(stored: string): Credentials {
  try {
    const parsed = JSON.parse(stored) as Credentials | { $: string };
    return typeof parsed.$ === 'string' ? decrypt(parsed.$) : (parsed as Credentials);
  } catch {
    // Not readable with the demo's secret: start from the demo's own credentials.
    return {};
  }
}

export function ensureDemoCredentials(): void {
  const file = path.join(demoDir, 'flows_cred.json');
  const stored = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  const current = stored === undefined ? {} : read(stored);
  const missing = Object.keys(DEMO_FLOW_CREDENTIALS).some((id) => !(id in current));
  const encrypted = stored?.includes('"$"') ?? false;
  if (missing || !encrypted) writeFileSync(file, `${JSON.stringify(encrypt({ ...DEMO_FLOW_CREDENTIALS, ...current }), null, 4)}\n`);
}
