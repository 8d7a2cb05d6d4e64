/** German error texts. */
import type { ErrorTexts } from './types';

export const DE: ErrorTexts = {
  ams: {
    0: { summary: 'Kein Fehler' },
    1: { summary: 'Fehler in den Eingabedaten' },
    2: { summary: 'Fehler in den Ausgabedaten' },
    3: { summary: 'Das Protokoll kann an diesem Port nicht verwendet werden' },
    4: { summary: 'Die Auslesung wurde nicht gestartet' },
    65536: { summary: 'IEC 62056-21: interner Fehler' },
    65537: { summary: 'IEC 62056-21: Auslesung vom Benutzer abgebrochen' },
    65538: {
      summary: 'IEC 62056-21: ungültiges Format der Geräteadresse',
      hint: 'Verwenden Sie höchstens 32 druckbare Zeichen, ohne / ! ( ) und ohne Steuerzeichen.',
    },
    65539: {
      summary: 'IEC 62056-21: nicht unterstütztes Baudratenzeichen in der Zähleridentifikation',
      hint: 'Versuchen Sie eine feste Geschwindigkeit (ohne Baudratenumschaltung) oder Modus A.',
    },
    65540: { summary: 'IEC 62056-21: Kommunikationsport nicht festgelegt' },
    65541: {
      summary: 'IEC 62056-21: Zeitüberschreitung, die Identifikationsnachricht ist nicht angekommen',
      hint: 'Prüfen Sie Lage und Kabel des Lesekopfs, die Parität (7E1), die Geräteadresse und ob der Zähler eine Wecksequenz braucht.',
    },
    65542: { summary: 'IEC 62056-21: Das Gerät verwendet einen nicht unterstützten Modus' },
    65543: {
      summary: 'IEC 62056-21: Zeitüberschreitung beim Warten auf die Daten nach der Bestätigung bzw. Optionsauswahl',
      hint: 'Verlängern Sie die Umschaltverzögerung, begrenzen Sie die maximale Baudrate oder verwenden Sie eine feste Geschwindigkeit.',
    },
    65544: { summary: 'IEC 62056-21: Geschwindigkeit nicht festgelegt' },
    65545: {
      summary: 'IEC 62056-21: Zeitüberschreitung zwischen zwei aufeinanderfolgenden Zeichen',
      hint: 'Prüfen Sie Kabel und Parität, erhöhen Sie das Zeitlimit pro Zeichen oder versuchen Sie eine niedrigere Baudrate.',
    },
    65546: { summary: 'IEC 62056-21: Zeitüberschreitung zwischen zwei Nachrichten' },
    65793: { summary: 'IEC 62056-21: nicht unterstütztes Zeichen in der Herstellerkennung' },
    65794: { summary: 'IEC 62056-21: nicht unterstütztes Zeichen in der Baudratenkennung' },
    65795: { summary: 'IEC 62056-21: nicht unterstütztes Zeichen in der Identifikation' },
    65796: { summary: 'IEC 62056-21: nicht unterstütztes Zeichen im CR/LF der Identifikation' },
    66049: { summary: 'IEC 62056-21: nicht unterstütztes Zeichen im Datenblock', hint: 'Prüfen Sie die Paritätseinstellung (7E1 oder 8N1).' },
    66050: { summary: 'IEC 62056-21: Datenblock zu lang (Pufferüberlauf)' },
    66051: { summary: 'IEC 62056-21: nicht unterstütztes Zeichen im CR/LF der Datennachricht' },
    66052: { summary: 'IEC 62056-21: nicht unterstütztes Zeichen im ETX-Feld der Datennachricht' },
    66053: {
      summary: 'IEC 62056-21: Die Prüfsumme (BCC) der Datennachricht stimmt nicht überein',
      hint: 'Übertragungsfehler: Versuchen Sie eine niedrigere Baudrate; manche Kamstrup-Zähler verwenden eine additive Prüfsumme.',
    },
  },
  client: {
    E_TIMEOUT: {
      summary: 'Zeitüberschreitung: Die Antwort kam nicht rechtzeitig',
      hint: 'Prüfen Sie die Verbindung und das Gerät; ein langsames Gerät braucht eventuell ein längeres Zeitlimit.',
    },
    E_QUEUE_FULL: {
      summary: 'Zu viele Anfragen warten auf diese Verbindung',
      hint: 'Senden Sie weniger Anfragen auf einmal (z. B. seltener auslösen) oder vergrößern Sie die Warteschlangenlänge.',
    },
    E_NOT_CONNECTED: {
      summary: 'Es besteht keine offene Verbindung',
      hint: 'Prüfen Sie, ob im Knoten die Verbindung eingestellt und das Gerät erreichbar ist.',
    },
    E_CONNECTION_LOST: {
      summary: 'Die Verbindung wurde unterbrochen',
      hint: 'Prüfen Sie Kabel bzw. Netzwerk; die Verbindung wird automatisch wieder aufgebaut.',
    },
    E_CONNECT_FAILED: {
      summary: 'Die Verbindung konnte nicht aufgebaut werden',
      hint: 'Prüfen Sie Host und Port (bzw. den seriellen Port), ob das Gerät eingeschaltet und erreichbar ist und ob kein anderes Programm es belegt.',
    },
    E_CLOSED: { summary: 'Die Verbindung ist geschlossen' },
    E_ABORTED: { summary: 'Die Anfrage wurde abgebrochen' },
    E_BAD_ARGUMENT: {
      summary: 'Ungültige Einstellung oder Eingabe',
      hint: 'Korrigieren Sie die genannte Einstellung im Knoten oder die msg-Eigenschaft, die sie überschreibt.',
    },
    E_AT_ERROR: {
      summary: 'Das Gateway hat den AT-Befehl abgelehnt',
      hint: 'Prüfen Sie den Befehl und seine Argumente anhand der Gateway-Firmware (AMS braucht die spezielle Firmware).',
    },
    E_LOGIN_FAILED: {
      summary: 'Die Anmeldung am Gateway ist fehlgeschlagen',
      hint: 'Prüfen Sie den für das Gateway eingestellten Benutzer und das Passwort.',
    },
    E_PARSE: { summary: 'Die Antwort konnte nicht ausgewertet werden' },
    E_SERIAL_UNAVAILABLE: {
      summary: 'Serielle Ports sind nicht verfügbar (das Paket serialport fehlt)',
      hint: 'Installieren Sie serialport neben diesem Paket (npm install serialport) und prüfen Sie, ob sein natives Modul für diese Node.js-Version gebaut wurde.',
    },
    E_SERIAL_CONFLICT: {
      summary: 'Der serielle Port wird bereits für einen anderen Zweck oder mit anderen Einstellungen verwendet',
      hint: 'Geben Sie allen Knoten an diesem Port dieselbe Baudrate, dieselben Daten- und Stoppbits und dieselbe Parität, oder geben Sie dem Zähler einen eigenen Port.',
    },
    E_BCC_MISMATCH: {
      summary: 'Die Prüfsumme (BCC) der Daten stimmt nicht überein',
      hint: 'Übertragungsfehler: Versuchen Sie eine niedrigere Baudrate und prüfen Sie das Kabel.',
    },
    E_PROTOCOL: { summary: 'Unerwartete Antwort (Protokollfehler)' },
    E_PASSWORD_REJECTED: {
      summary: 'Der Zähler hat das Passwort abgelehnt',
      hint: 'Prüfen Sie das Passwort; manche Zähler sperren den Programmiermodus nach falschen Passwörtern für eine Weile.',
    },
    E_METER_ERROR: { summary: 'Der Zähler meldet einen Fehler' },
    E_LINE_TOO_LONG: {
      summary: 'Das Gateway hat eine zu lange Zeile gesendet',
      hint: 'Prüfen Sie die Porteinstellungen (Baudrate, Parität) und das Gerät am anderen Ende.',
    },
    E_ANSWER_TOO_LARGE: {
      summary: 'Die Antwort ist zu groß',
      hint: 'Fragen Sie weniger Datensätze auf einmal ab (z. B. GET_OLDEST mit einer kleineren Anzahl).',
    },
    E_OUT_OF_STEP: { summary: 'Antworten und Befehle sind aus dem Takt geraten' },
    E_SYNC_VERIFY: {
      summary: 'Der zurückgelesene Stand weicht vom geschriebenen ab',
      hint: 'Möglicherweise hat ein anderer Client zwischendurch etwas geändert oder das Gateway einen Befehl ignoriert; lesen Sie den Stand erneut und wiederholen Sie die Änderung.',
    },
    E_BUSY: {
      summary: 'Belegt: Ein Vorgang, der nicht parallel laufen darf, läuft bereits',
      hint: 'Warten Sie, bis er beendet ist, oder stoppen Sie ihn zuerst.',
    },
  },
  fallback: {
    iec62056: 'IEC 62056-21: Fehler {detail}',
    mbus: 'M-Bus: Fehler {detail}',
    general: 'AMS-Fehler {code}',
    client: 'Fehler {code}',
  },
  words: { hint: 'Abhilfe', detail: 'Details' },
};
