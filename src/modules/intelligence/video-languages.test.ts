import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, registerUser, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { transcriptLanguage, videoLanguages } from './video-languages.ts';

const FRENCH_TRANSCRIPT = [
  "Bonjour à tous, aujourd'hui nous allons préparer une pâte à pain à la maison.",
  'Il faut de la farine, de l’eau tiède, un peu de sel et de la levure.',
  'Ensuite on pétrit la pâte pendant dix minutes avant de la laisser reposer.',
];
const GERMAN_TRANSCRIPT = [
  'Heute zeige ich euch, wie man einen Fahrradschlauch flickt.',
  'Zuerst nehmen wir den Reifen von der Felge und suchen das Loch.',
];

describe('transcript language', () => {
  test('the text wins over the transcriber when the detector is sure of it', async () => {
    assert.equal(await transcriptLanguage('en', FRENCH_TRANSCRIPT), 'fr');
    assert.equal(await transcriptLanguage('en', GERMAN_TRANSCRIPT), 'de');
  });

  test('the transcriber’s language stands when the text says nothing', async () => {
    assert.equal(await transcriptLanguage('es', ['ok', '42']), 'es');
    assert.equal(await transcriptLanguage('en', []), 'en');
  });
});

for (const kind of testDatabaseKinds()) {
  describe(`video languages on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(async () => {
      await t.close();
    });

    test('the title and description and the transcript each get their language, stored and updated', async () => {
      const creator = await registerUser(t.app, { role: 'creator' });
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/videos',
        headers: bearer(creator.accessToken),
        payload: {
          title: 'Comment réparer une chambre à air de vélo',
          description: 'Une vidéo pour apprendre à réparer soi-même un pneu crevé, étape par étape.',
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const video = created.json().data.video as { id: string; title: string; description: string };
      const db = t.platform.database.db;

      assert.deepEqual(await videoLanguages.refresh(db, video, GERMAN_TRANSCRIPT), {
        metadata: 'fr',
        transcript: 'de',
      });
      assert.deepEqual(await videoLanguages.find(db, video.id), { metadata: 'fr', transcript: 'de' });

      // A new title in another language and no transcript any more.
      await videoLanguages.refresh(
        db,
        { ...video, title: 'How to patch a bicycle inner tube', description: 'Step by step, with a cheap kit.' },
        [],
      );
      assert.deepEqual(await videoLanguages.find(db, video.id), { metadata: 'en', transcript: null });
    });
  });
}
