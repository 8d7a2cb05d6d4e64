/**
 * The demo's Node-RED settings. Each choice keeps the log free of warnings a newcomer would wonder about:
 * a fixed credential secret (else: "your flow credentials file is encrypted using a system-generated key"),
 * projects left unconfigured (`enabled: false` itself logs a warning "Projects disabled"; without the flag they
 * are off), and no palette catalogue (the public one is not reachable offline and the palette manager would fail
 * to fetch it; with none it lists the installed nodes and shows an empty Install tab).
 */
import type { DemoPorts } from './config';

/** Only protects the demo's own throw-away credentials in .demo/; not a secret worth hiding. */
export const DEMO_CREDENTIAL_SECRET = 'smartcom-demo-only';

export function demoSettings(ports: DemoPorts): Record<string, unknown> {
  return {
    uiHost: '127.0.0.1',
    uiPort: ports.nodeRed,
    flowFile: 'flows.json',
    flowFilePretty: true,
    credentialSecret: DEMO_CREDENTIAL_SECRET,
    editorTheme: {
      tours: false,
      projects: {},
      palette: { catalogues: [] },
    },
    telemetry: { enabled: false },
    diagnostics: { enabled: false },
    // The dashboard's own settings: served at /dashboard on the editor's port.
    dashboard: {},
    logging: { console: { level: 'info', metrics: false, audit: false } },
  };
}
