import assert from 'node:assert/strict';
import { MeterError } from '../../../src/errors';
import { errorTextLanguage, localizedError, localizedErrorText } from '../../../src/error-text';

/** localizedError: what a code means in the user's language; localizedErrorText: the line a node reports. */
describe('localizedError', () => {
  const noIdentification = new MeterError(65541, 'the gateway could not read the meter: IEC 62056-21: timeout, identification message did not arrive');

  it('a known AMS code: the table text in each language, English for en and unknown languages', () => {
    assert.deepEqual(localizedError(noIdentification, 'de'), {
      summary: 'IEC 62056-21: Zeitüberschreitung, die Identifikationsnachricht ist nicht angekommen',
      hint: 'Prüfen Sie Lage und Kabel des Lesekopfs, die Parität (7E1), die Geräteadresse und ob der Zähler eine Wecksequenz braucht.',
    });
    assert.deepEqual(localizedError(noIdentification, 'cs'), {
      summary: 'IEC 62056-21: vypršel časový limit, identifikační zpráva nedorazila',
      hint: 'Zkontrolujte polohu a kabel optické sondy, paritu (7E1), adresu zařízení a to, zda elektroměr nepotřebuje probouzecí sekvenci.',
    });
    const english = {
      summary: 'IEC 62056-21: timeout, identification message did not arrive',
      hint: 'Check the probe position and cable, the parity (7E1), the device address, and whether the meter needs a wake-up.',
    };
    assert.deepEqual(localizedError(noIdentification, 'en-US'), english);
    assert.deepEqual(localizedError(noIdentification, 'fr'), english);
  });

  it('an AMS code without a hint has only a summary', () => {
    assert.deepEqual(localizedError(new MeterError(65546, 'x'), 'de'), { summary: 'IEC 62056-21: Zeitüberschreitung zwischen zwei Nachrichten' });
  });

  it('an unknown numeric code: its family and number, translated', () => {
    const iec = new MeterError(65600, 'x');
    const mbus = new MeterError(131080, 'x');
    const other = new MeterError(7, 'x');
    assert.deepEqual(localizedError(iec, 'de'), { summary: 'IEC 62056-21: Fehler 64' });
    assert.deepEqual(localizedError(mbus, 'de'), { summary: 'M-Bus: Fehler 8' });
    assert.deepEqual(localizedError(other, 'de'), { summary: 'AMS-Fehler 7' });
    assert.deepEqual(localizedError(iec, 'cs'), { summary: 'IEC 62056-21: chyba 64' });
    assert.deepEqual(localizedError(mbus, 'cs'), { summary: 'M-Bus: chyba 8' });
    assert.deepEqual(localizedError(other, 'cs'), { summary: 'Chyba AMS 7' });
    assert.deepEqual(localizedError(iec, 'en'), { summary: 'IEC 62056-21 error 64' });
    assert.deepEqual(localizedError(mbus, 'en'), { summary: 'M-Bus error 8' });
  });

  it('an E_ code in each language', () => {
    const timeout = new MeterError('E_TIMEOUT', 'no final result for AT^SCAMS? within 5000 ms');
    assert.deepEqual(localizedError(timeout, 'de'), {
      summary: 'Zeitüberschreitung: Die Antwort kam nicht rechtzeitig',
      hint: 'Prüfen Sie die Verbindung und das Gerät; ein langsames Gerät braucht eventuell ein längeres Zeitlimit.',
    });
    assert.deepEqual(localizedError(timeout, 'cs'), {
      summary: 'Vypršel časový limit: odpověď nepřišla včas',
      hint: 'Zkontrolujte spojení a zařízení; pomalé zařízení může potřebovat delší časový limit.',
    });
    assert.deepEqual(localizedError(timeout, 'en-US'), {
      summary: 'timeout: the answer did not come in time',
      hint: 'Check the connection and the device; a slow device may need a longer timeout.',
    });
    assert.deepEqual(localizedError(new MeterError('E_ABORTED', 'x'), 'cs'), { summary: 'Požadavek byl zrušen' });
  });

  it('a string code this version does not know is named, not dropped', () => {
    const future = { code: 'E_SOMETHING_NEW' } as unknown as MeterError;
    assert.deepEqual(localizedError(future, 'de'), { summary: 'Fehler E_SOMETHING_NEW' });
    assert.deepEqual(localizedError(future, 'cs'), { summary: 'Chyba E_SOMETHING_NEW' });
  });

  it('finds the language in region and POSIX locale tags', () => {
    assert.equal(errorTextLanguage('de-AT'), 'de');
    assert.equal(errorTextLanguage('de_CH.UTF-8'), 'de');
    assert.equal(errorTextLanguage('CS-cz'), 'cs');
    assert.equal(errorTextLanguage('en-US'), 'en');
    assert.equal(errorTextLanguage('pt-BR'), 'en');
    assert.equal(errorTextLanguage(''), 'en');
    assert.equal(errorTextLanguage(undefined), 'en');
  });

  it('leaves the error itself alone: message, code and hint are unchanged', () => {
    const error = new MeterError('E_TIMEOUT', 'no final result for AT within 100 ms', { hint: 'Check the link.' });
    localizedError(error, 'de');
    localizedErrorText(error, 'cs');
    assert.deepEqual(error.toJSON(), { name: 'MeterError', code: 'E_TIMEOUT', family: 'client', message: 'no final result for AT within 100 ms', hint: 'Check the link.', details: {} });
  });
});

describe('localizedErrorText: the line a node reports', () => {
  it('summary, code, translated hint, then the English message as the detail', () => {
    const error = new MeterError(65541, 'the gateway could not read the meter: IEC 62056-21: timeout, identification message did not arrive', {
      hint: 'Check the probe position and cable, the parity (7E1), the device address, and whether the meter needs a wake-up.',
    });
    assert.equal(
      localizedErrorText(error, 'de'),
      'IEC 62056-21: Zeitüberschreitung, die Identifikationsnachricht ist nicht angekommen (65541). ' +
        'Abhilfe: Prüfen Sie Lage und Kabel des Lesekopfs, die Parität (7E1), die Geräteadresse und ob der Zähler eine Wecksequenz braucht. ' +
        '— Details: the gateway could not read the meter: IEC 62056-21: timeout, identification message did not arrive',
    );
    assert.match(localizedErrorText(error, 'cs'), /^IEC 62056-21: vypršel časový limit, identifikační zpráva nedorazila \(65541\)\. Doporučení: Zkontrolujte .* — podrobnosti: the gateway could not read/);
  });

  it('the error\'s own hint (written where it failed, in its author\'s language) follows the detail', () => {
    const error = new MeterError('E_NOT_CONNECTED', 'kein smartcom-config-Knoten ausgewählt', { hint: 'Öffnen Sie den Knoten.' });
    assert.equal(
      localizedErrorText(error, 'de'),
      'Es besteht keine offene Verbindung (E_NOT_CONNECTED). Abhilfe: Prüfen Sie, ob im Knoten die Verbindung eingestellt und das Gerät erreichbar ist. ' +
        '— Details: kein smartcom-config-Knoten ausgewählt (Öffnen Sie den Knoten.)',
    );
    const parse = new MeterError('E_PARSE', 'unknown field: "X"', { hint: 'The gateway answered in a format this version does not know; please report the line.' });
    assert.equal(
      localizedErrorText(parse, 'cs'),
      'Odpovědi nelze porozumět (E_PARSE). — podrobnosti: unknown field: "X" (The gateway answered in a format this version does not know; please report the line.)',
    );
  });

  it('a code without a hint and an error without one: summary, code and detail only', () => {
    assert.equal(localizedErrorText(new MeterError('E_ABORTED', 'AT was aborted'), 'cs'), 'Požadavek byl zrušen (E_ABORTED). — podrobnosti: AT was aborted');
  });

  it('an own hint that says more than the table\'s is kept after the detail', () => {
    const error = new MeterError(65541, 'no identification message', { hint: 'The answer looks like two meters at once: give each its address.' });
    assert.match(localizedErrorText(error, 'de'), / — Details: no identification message \(The answer looks like two meters at once: give each its address\.\)$/);
  });
});
