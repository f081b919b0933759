import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { francDetector, languageDetector } from '../translation/language-detector.ts';
import { SHORT_COMMENTS } from '../translation/short-comments.ts';
import { localModelStatuses } from './lazy-model.ts';
import { identifyLanguage } from './language-id.ts';

describe('language ID on short comments (fastText lid.176)', () => {
  test('a few words are enough in many languages and scripts', async () => {
    const samples: Array<[string, string]> = [
      ['Great video, thanks!', 'en'],
      ['Me encanta este vídeo', 'es'],
      ['Super vidéo, merci !', 'fr'],
      ['Danke für das Video', 'de'],
      ['Отличное видео, спасибо', 'ru'],
      ['ありがとうございます', 'ja'],
      ['这个视频太棒了', 'zh'],
      ['فيديو رائع، شكرا', 'ar'],
      ['Harika bir video, teşekkürler', 'tr'],
    ];
    for (const [text, language] of samples) assert.equal((await identifyLanguage(text))?.language, language, text);
    assert.equal(localModelStatuses()['fasttext-lid176']?.state, 'loaded', 'loaded once, on first use');
  });

  test('emoji, numbers and links alone get no language; a link does not sway a comment', async () => {
    for (const text of ['lol 👍', 'ok 👍', '🔥🔥', '10/10', 'https://example.com/watch']) {
      assert.deepEqual(await identifyLanguage(text), { language: null, confidence: 0 }, text);
    }
    assert.equal((await identifyLanguage('Muchas gracias https://example.com/receta'))?.language, 'es');
  });

  test('on the held-out labelled comments fastText is right far more often than franc, so it is the detector', async () => {
    let fastText = 0;
    let franc = 0;
    for (const [text, expected] of SHORT_COMMENTS.heldOut) {
      if ((await languageDetector.detect(text)).language === expected) fastText++;
      if ((await francDetector.detect(text)).language === expected) franc++;
    }
    const total = SHORT_COMMENTS.heldOut.length;
    assert.ok(fastText / total >= 0.85, `fastText ${fastText}/${total}`);
    assert.ok(fastText > franc, `fastText ${fastText} vs franc ${franc} of ${total}`);
    assert.equal((await languageDetector.detect('Danke für das Video')).detector, 'fasttext-lid176');
  });
});
