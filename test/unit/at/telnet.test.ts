import assert from 'node:assert/strict';
import { TelnetFilter } from '../../../src/at/telnet';

const IAC = 0xff;
const DO = 0xfd;
const DONT = 0xfe;
const WILL = 0xfb;
const WONT = 0xfc;
const SB = 0xfa;
const SE = 0xf0;
const ECHO = 1;
const SGA = 3;
const NAWS = 31;

function run(bytes: number[], chunkSize = Infinity): { data: string; reply: number[] } {
  const filter = new TelnetFilter();
  const data: Buffer[] = [];
  const reply: number[] = [];
  for (let start = 0; start < bytes.length; start += chunkSize) {
    const out = filter.push(Buffer.from(bytes.slice(start, start + chunkSize)));
    data.push(out.data);
    reply.push(...out.reply);
  }
  return { data: Buffer.concat(data).toString('latin1'), reply };
}

const ascii = (text: string): number[] => [...Buffer.from(text, 'latin1')];

describe('TelnetFilter', () => {
  for (const size of [Infinity, 1, 2]) {
    it(`strips negotiations and answers DO with WONT, WILL with DONT (chunks of ${size})`, () => {
      const input = [IAC, DO, NAWS, ...ascii('Log'), IAC, WILL, ECHO, IAC, WILL, SGA, ...ascii('in: '), IAC, DONT, ECHO, IAC, WONT, SGA];
      const { data, reply } = run(input, size);
      assert.equal(data, 'Login: ');
      assert.deepEqual(reply, [IAC, WONT, NAWS, IAC, DONT, ECHO, IAC, DONT, SGA]);
    });
  }

  it('drops subnegotiations and two-byte commands, keeps an escaped 0xFF', () => {
    const input = [...ascii('A'), IAC, SB, NAWS, 0, 80, IAC, IAC, 0, 24, IAC, SE, ...ascii('B'), IAC, 0xf1, IAC, IAC, ...ascii('C')];
    const { data, reply } = run(input, 1);
    assert.equal(data, 'AB\xffC');
    assert.deepEqual(reply, []);
  });

  it('passes plain text through unchanged', () => {
    assert.equal(run(ascii('OK\r\n')).data, 'OK\r\n');
  });
});
