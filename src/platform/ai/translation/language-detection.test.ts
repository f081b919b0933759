import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { francDetector } from './language-detector.ts';
import { baseLanguage, preferredLanguage } from './languages.ts';

describe('language detection and preferences', () => {
  test('franc, limited to common languages, tells comments apart', async () => {
    const samples: Array<[string, string]> = [
      ['This video is great, thanks for sharing it with us', 'en'],
      ['Me encanta este vídeo, muchas gracias por compartirlo', 'es'],
      ['Ce tutoriel est vraiment excellent, merci beaucoup', 'fr'],
      ['Das ist ein sehr gutes Video, vielen Dank dafür', 'de'],
      ['Questo video è davvero fantastico, grazie mille', 'it'],
      ['Este vídeo é muito bom, obrigado por compartilhar', 'pt'],
      ['Это очень хорошее видео, спасибо большое', 'ru'],
    ];
    for (const [text, language] of samples) assert.equal((await francDetector.detect(text)).language, language, text);
    assert.deepEqual(await francDetector.detect('lol 👍'), { language: null, confidence: 0 }, 'too short to tell');
  });

  test('Accept-Language: the best-rated language StreamHub knows', () => {
    assert.equal(preferredLanguage('es-MX,es;q=0.9,en;q=0.8'), 'es');
    assert.equal(preferredLanguage('x-pirate, en-GB;q=0.7, de;q=0.9'), 'de');
    assert.equal(preferredLanguage('fr;q=0, en;q=0.1'), 'en', 'q=0 means "not this one"');
    assert.equal(preferredLanguage(''), undefined);
    assert.equal(baseLanguage('EN-us'), 'en');
    assert.equal(baseLanguage('klingon'), undefined);
  });
});
