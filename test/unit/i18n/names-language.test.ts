import assert from 'node:assert/strict';
import { namesLocale } from '../../../nodes/lib/names-language';

/** Which OBIS locale a node uses: its option, else the runtime's catalog language, else en-US. */
describe('names language of node output', () => {
  const KEY = 'iec62056-read.namesLanguage.locale';
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
});
