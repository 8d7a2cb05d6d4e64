import assert from 'node:assert/strict';
import { AtCommand, MAX_COMMAND_LINE, AtCommandKind } from '../../../src/at/command';
import { MeterError } from '../../../src/errors';

describe('AtCommand', () => {
  const cases: [string, AtCommandKind, (string | number)[], string][] = [
    ['', 'exec', [], 'AT'],
    ['E0', 'exec', [], 'ATE0'],
    ['I3', 'exec', [], 'ATI3'],
    ['z', 'exec', [], 'ATZ'],
    ['&F', 'exec', [], 'AT&F'],
    ['^SCAMS', 'read', [], 'AT^SCAMS?'],
    ['^SCAMS', 'test', [], 'AT^SCAMS=?'],
    ['^scport2', 'read', [], 'AT^SCPORT2?'],
    ['+CGMI', 'exec', [], 'AT+CGMI'],
    ['^SCAMS', 'set', ['DEV_ADD', 2, 'IEC62056-21', '947834', '3M'], 'AT^SCAMS="DEV_ADD",2,"IEC62056-21","947834","3M"'],
    ['^SCDATA', 'set', ['GET_OLDEST', 1], 'AT^SCDATA="GET_OLDEST",1'],
  ];
  for (const [name, kind, args, text] of cases) {
    it(`builds ${text}`, () => {
      const command = new AtCommand(name, kind, args);
      assert.equal(command.text, text);
      assert.equal(String(command), text);
    });
  }

  it('offers shorthand constructors', () => {
    assert.equal(AtCommand.exec('').text, 'AT');
    assert.equal(AtCommand.read('^SCAMS').text, 'AT^SCAMS?');
    assert.equal(AtCommand.test('^SCDATA').text, 'AT^SCDATA=?');
    assert.equal(AtCommand.set('^SCAMS', ['ENABLE', 1]).text, 'AT^SCAMS="ENABLE",1');
  });

  it('knows the prefix of its own information lines', () => {
    assert.equal(AtCommand.read('^scams').responsePrefix, '^SCAMS');
    assert.equal(AtCommand.exec('+cgmi').responsePrefix, '+CGMI');
    assert.equal(AtCommand.exec('I3').responsePrefix, undefined);
  });

  const badNames = ['AT^SCAMS', '^SCAMS?', '^SCAMS="X"', '^SC AMS', '^SCAMS;+CGMI', 'E0\r', '^', '^1ABC', 'EE', 'I1234', '"', 'E0;^SCDATA'];
  for (const name of badNames) {
    it(`rejects the name ${JSON.stringify(name)}`, () => {
      assert.throws(() => new AtCommand(name, 'exec'), (error: unknown) => error instanceof MeterError && error.code === 'E_BAD_ARGUMENT');
    });
  }

  it('rejects forms that make no sense', () => {
    const rejects = (build: () => AtCommand, message: RegExp): void => {
      assert.throws(build, (error: unknown) => error instanceof MeterError && error.code === 'E_BAD_ARGUMENT' && message.test(error.message));
    };
    rejects(() => new AtCommand('', 'read'), /only has the exec form/);
    rejects(() => new AtCommand('E0', 'set', [1]), /only has the exec form/);
    rejects(() => new AtCommand('^SCAMS', 'set', []), /at least one argument/);
    rejects(() => new AtCommand('^SCAMS', 'read', ['X']), /only set commands take arguments/);
    rejects(() => new AtCommand('^SCAMS', 'bogus' as AtCommandKind), /unknown AT command kind/);
    rejects(() => AtCommand.set('^SCAMS', ['DEV_ADD', 'x"y']), /double quote/);
  });

  it('caps the whole command line at MAX_COMMAND_LINE (512) characters', () => {
    assert.equal(MAX_COMMAND_LINE, 512);
    const fits = AtCommand.set('^SCUDF', ['x'.repeat(MAX_COMMAND_LINE - 'AT^SCUDF=""'.length)], { maxLength: 1000 });
    assert.equal(fits.text.length, MAX_COMMAND_LINE);
    assert.throws(
      () => AtCommand.set('^SCUDF', ['x'.repeat(MAX_COMMAND_LINE + 1 - 'AT^SCUDF=""'.length)], { maxLength: 1000 }),
      (error: unknown) => error instanceof MeterError && error.code === 'E_BAD_ARGUMENT' && error.details.length === 513,
    );
  });

  it('rejects 1,000 arguments (a 153,024-character line) with E_BAD_ARGUMENT', () => {
    const args = Array.from({ length: 1000 }, () => 'y'.repeat(150));
    assert.throws(() => AtCommand.set('^SCAMS', args), (error: unknown) => error instanceof MeterError && error.code === 'E_BAD_ARGUMENT' && /limit is 512/.test(error.message));
  });
});
