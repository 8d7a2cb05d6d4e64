import assert from 'node:assert/strict';
import { namesLocale, runtimeLocale } from '../../../nodes/lib/names-language';

/** Which OBIS locale a node uses: its option, else the runtime's catalog language, else en-US. */
describe('names language of node output', () => {
  const KEY = 'iec62056-read.locale';
  const runtime = (tag: string) => (key: string) => (key === KEY ? tag : key);

  it('takes the option when it names a known locale', () => {
    assert.equal(namesLocale('de', runtime('cs'), KEY), 'de');
    assert.equal(namesLocale(' cs ', runtime('de'), KEY), 'cs');
    assert.equal(namesLocale('fr', runtime('de'), KEY), 'en-US');
  });

  it('empty or missing: the runtime catalog language', () => {
    assert.equal(namesLocale('', runtime('de'), KEY), 'de');
    assert.equal(namesLocale(undefined, runtime('cs'), KEY), 'cs');
  });

  it('en-US when the runtime gives no locale (the test helper returns the key itself)', () => {
    assert.equal(namesLocale('', (key) => key, KEY), 'en-US');
  });

  it('the runtime language itself: the catalog\'s tag, none when no catalog answered', () => {
    assert.equal(runtimeLocale(runtime('de'), KEY), 'de');
    assert.equal(runtimeLocale(runtime('cs'), KEY), 'cs');
    assert.equal(runtimeLocale((key) => key, KEY), undefined);
    assert.equal(runtimeLocale(() => '', KEY), undefined);
  });
});
