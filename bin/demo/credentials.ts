/**
 * `.demo/flows_cred.json`, encrypted with the demo's credential secret as Node-RED itself would write it. Without
 * the file Node-RED warns "Encrypted credentials not found" on the first start; a plain one (from an older demo
 * without a secret) would be re-encrypted by Node-RED only on the next deploy, with the same warning meanwhile.
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { demoDir } from './config';
import { DEMO_CREDENTIAL_SECRET } from './settings';

/** Node-RED's format: aes-256-ctr with sha256(secret) as the key, `{"$": hex(iv) + base64(cipher text)}`. */
function encrypt(credentials: unknown): { $: string } {
  const key = createHash('sha256').update(DEMO_CREDENTIAL_SECRET).digest();
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-ctr', key, iv);
  return { $: iv.toString('hex') + cipher.update(JSON.stringify(credentials), 'utf8', 'base64') + cipher.final('base64') };
}

export function ensureEncryptedCredentials(): void {
  const file = path.join(demoDir, 'flows_cred.json');
  let current: unknown = {};
  if (existsSync(file)) {
    try {
      current = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      current = {};
    }
    if (typeof current === 'object' && current !== null && '$' in current) return;
  }
  writeFileSync(file, `${JSON.stringify(encrypt(current ?? {}), null, 4)}\n`);
}
