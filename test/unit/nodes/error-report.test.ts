import assert from 'node:assert/strict';
import { errorLanguage, reportedError, reportText } from '../../../nodes/lib/error-report';
import { nodeError as iecNodeError } from '../../../nodes/lib/iec-read-output';
import { nodeError as amsNodeError } from '../../../nodes/lib/node-error';
import { MeterError } from '../../../src/errors';
import { catalog } from '../../helpers/catalog';

/** How the nodes word an error: English as before, German and Czech from the translated tables, the code unchanged. */
describe('node error reports in the runtime language', () => {
  it('the language is the catalog\'s own tag: en-US gives en, de and cs give theirs, no catalog gives en', () => {
    assert.equal(errorLanguage(catalog('en-US', 'ams-device'), 'ams-device'), 'en');
    assert.equal(errorLanguage(catalog('de', 'scdata-read'), 'scdata-read'), 'de');
    assert.equal(errorLanguage(catalog('cs', 'smartcom-config'), 'smartcom-config'), 'cs');
    assert.equal(errorLanguage((key) => key, 'iec62056-read'), 'en');
  });

  it('reportText: the node\'s English text in English and for errors without a code, the translated line otherwise', () => {
    const error = new MeterError('E_CONNECT_FAILED', 'cannot connect to 10.0.0.9:23: ECONNREFUSED');
    assert.equal(reportText(error, 'en', 'english text'), 'english text');
    assert.equal(reportText(new Error('plain'), 'de', 'english text'), 'english text');
    assert.match(reportText(error, 'de', 'english text'), /^Die Verbindung konnte nicht aufgebaut werden \(E_CONNECT_FAILED\)\. Abhilfe: .* — Details: cannot connect to 10\.0\.0\.9:23: ECONNREFUSED$/);
  });

  it('reportedError: the same code, details, hint and cause, only the message translated; English returns the error itself', () => {
    const cause = new Error('socket hang up');
    const withCause = new MeterError('E_CONNECTION_LOST', 'the link closed', { details: { key: 'tcp:x' }, hint: 'Check it.', cause });
    assert.equal(reportedError(withCause, 'en'), withCause);
    const german = reportedError(withCause, 'de') as MeterError;
    assert.equal(german.code, 'E_CONNECTION_LOST');
    assert.deepEqual(german.details, { key: 'tcp:x' });
    assert.equal(german.hint, 'Check it.');
    assert.equal(german.cause, cause);
    assert.match(german.message, /^Die Verbindung wurde unterbrochen \(E_CONNECTION_LOST\)\./);
    const withoutCause = reportedError(new MeterError('E_BUSY', 'a drain is running'), 'cs') as MeterError;
    assert.equal(Object.hasOwn(withoutCause, 'cause'), false, 'no cause where the original had none (msg.error keeps its shape)');
  });

  it('iec62056-read: English "<message> (<code>). Try: <hint>" as before; German leads with the translated text', () => {
    const error = new MeterError(65545, 'no character for 1500 ms in the data block', { hint: 'Check the cable and the parity (7E1), raise charTimeoutMs, or cap maxBaudRate to a lower speed.' });
    assert.equal(iecNodeError(error).message, 'no character for 1500 ms in the data block (65545). Try: Check the cable and the parity (7E1), raise charTimeoutMs, or cap maxBaudRate to a lower speed.');
    const german = iecNodeError(error, 'de');
    assert.equal(german.code, 65545);
    assert.equal(
      german.message,
      'IEC 62056-21: Zeitüberschreitung zwischen zwei aufeinanderfolgenden Zeichen (65545). ' +
        'Abhilfe: Prüfen Sie Kabel und Parität, erhöhen Sie das Zeitlimit pro Zeichen oder versuchen Sie eine niedrigere Baudrate. ' +
        '— Details: no character for 1500 ms in the data block (Check the cable and the parity (7E1), raise charTimeoutMs, or cap maxBaudRate to a lower speed.)',
    );
  });

  it('ams-device: a stopped sync lists the accepted commands in every language', () => {
    const error = new MeterError('E_AT_ERROR', 'the gateway answered AT^SCAMS="DEV_ADD",2 with ERROR 2', {
      details: { applied: [{ command: 'AT^SCAMS="DEV_REMOVE",1' }], errorNumber: 2 },
    });
    const english = amsNodeError(error, 'sync');
    assert.equal(english.message, 'sync failed: the gateway answered AT^SCAMS="DEV_ADD",2 with ERROR 2; applied: AT^SCAMS="DEV_REMOVE",1 [E_AT_ERROR]');
    assert.equal(amsNodeError(error, 'sync', { language: 'en', translate: (key) => key }).message, english.message, 'English never asks the catalog');
    const german = amsNodeError(error, 'sync', { language: 'de', translate: catalog('de', 'ams-device') });
    assert.equal(german.code, 'E_AT_ERROR');
    assert.equal(german.cause, error);
    assert.match(german.message, /^sync fehlgeschlagen: Das Gateway hat den AT-Befehl abgelehnt \(E_AT_ERROR\)\. Abhilfe: .* — Details: the gateway answered .* with ERROR 2; angenommene Befehle: AT\^SCAMS="DEV_REMOVE",1$/);
    const czech = amsNodeError(new MeterError('E_SYNC_VERIFY', 'differs', { details: { applied: [] } }), 'sync', { language: 'cs', translate: catalog('cs', 'ams-device') });
    assert.match(czech.message, /^Akce sync selhala: Zpětně načtený stav se liší od zapsaného \(E_SYNC_VERIFY\)\. Doporučení: .* — podrobnosti: differs; přijaté příkazy: žádné$/);
  });
});
