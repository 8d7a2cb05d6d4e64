import assert from 'node:assert/strict';
import { linesOf } from './raw-client';
import { simulatorFixture } from './fixture';

describe('SmartCOM simulator: AT^SCPORTn', () => {
  const fixture = simulatorFixture();

  it('lists one line per parameter on query, like the vendor capture', async () => {
    const { client } = await fixture.session();
    assert.equal(await client.command('AT^SCPORT2?'),
      '^SCPORT2: "BAUDRATE",2400\r\n^SCPORT2: "DATA_BITS",7\r\n^SCPORT2: "STOP_BITS",1\r\n^SCPORT2: "PARITY",1\r\nOK\r\n');
    assert.deepEqual(linesOf(await client.command('at^scport1?')),
      ['^SCPORT1: "BAUDRATE",115200', '^SCPORT1: "DATA_BITS",8', '^SCPORT1: "STOP_BITS",1', '^SCPORT1: "PARITY",0', 'OK']);
  });

  it('sets parameters (keywords in any case) and shows them in the query', async () => {
    const { client } = await fixture.session();
    for (const command of ['at^scport2="baudrate",300', 'AT^SCPORT2="DATA_BITS",8', 'AT^SCPORT2="STOP_BITS",2', 'AT^SCPORT2="PARITY",0']) {
      assert.equal(await client.command(command), 'OK\r\n', command);
    }
    assert.deepEqual(linesOf(await client.command('AT^SCPORT2?')),
      ['^SCPORT2: "BAUDRATE",300', '^SCPORT2: "DATA_BITS",8', '^SCPORT2: "STOP_BITS",2', '^SCPORT2: "PARITY",0', 'OK']);
  });

  it('rejects values, keywords and ports it does not know', async () => {
    const { sim, client } = await fixture.session();
    for (const command of [
      'AT^SCPORT2="BAUDRATE",2401', 'AT^SCPORT2="DATA_BITS",6', 'AT^SCPORT2="STOP_BITS",3', 'AT^SCPORT2="PARITY",3',
      'AT^SCPORT2="BAUDRATE","2400"', 'AT^SCPORT2="BAUDRATE"', 'AT^SCPORT2="FLOW",1', 'AT^SCPORT3?', 'AT^SCPORT2="SAVE",1',
    ]) {
      assert.equal(await client.command(command), 'ERROR\r\n', command);
    }
    assert.deepEqual(sim.portSettings(2)?.configured, { BAUDRATE: 2400, DATA_BITS: 7, STOP_BITS: 1, PARITY: 1 });
  });

  it('lists the allowed values and actions on =?', async () => {
    const { client } = await fixture.session();
    assert.deepEqual(linesOf(await client.command('AT^SCPORT2=?')), [
      '^SCPORT2: "BAUDRATE",300|600|1200|2400|4800|9600|19200|38400|57600|115200',
      '^SCPORT2: "DATA_BITS",7|8',
      '^SCPORT2: "STOP_BITS",1|2',
      '^SCPORT2: "PARITY",0|1|2',
      '^SCPORT2: "SAVE"',
      '^SCPORT2: "RESTART"',
      '^SCPORT2: "SRESTART"',
      'OK',
    ]);
  });

  it('applies pending settings on SRESTART and persists them across a reboot', async () => {
    const { sim, client } = await fixture.session();
    await client.command('AT^SCPORT2="BAUDRATE",300');
    assert.equal(sim.portSettings(2)?.active.BAUDRATE, 2400, 'not active before a restart');
    assert.equal(await client.command('AT^SCPORT2="SRESTART"'), 'OK\r\n');
    assert.equal(sim.portSettings(2)?.active.BAUDRATE, 300);
    await sim.reboot();
    assert.equal(sim.portSettings(2)?.active.BAUDRATE, 300);
  });

  it('keeps SAVEd settings but forgets unsaved ones on reboot', async () => {
    const { sim, client } = await fixture.session();
    await client.command('AT^SCPORT2="BAUDRATE",9600');
    await client.command('AT^SCPORT2="SAVE"');
    await client.command('AT^SCPORT2="PARITY",0');
    assert.deepEqual(sim.portSettings(2)?.saved, { BAUDRATE: 9600, DATA_BITS: 7, STOP_BITS: 1, PARITY: 1 });
    await sim.reboot();
    assert.deepEqual(sim.portSettings(2)?.configured, { BAUDRATE: 9600, DATA_BITS: 7, STOP_BITS: 1, PARITY: 1 });
    assert.deepEqual(sim.portSettings(2)?.active, { BAUDRATE: 9600, DATA_BITS: 7, STOP_BITS: 1, PARITY: 1 });
  });
});
