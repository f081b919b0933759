import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LocalModerator } from './local-moderator.ts';
import { spellings, tokenize } from './normalize.ts';

const moderator = new LocalModerator();
const scores = async (text: string) => (await moderator.moderateText(text)).scores;

describe('local text moderation', () => {
  test('de-obfuscation: l33t, separators, spelled-out letters, masks, stretched letters, look-alike letters', () => {
    const words = (text: string) => tokenize(text).map((token) => token.word);
    assert.deepEqual(words('You are an 1d10t'), ['you', 'are', 'an', 'idiot']);
    assert.deepEqual(words('p.i.e.c.e of sh!t'), ['piece', 'of', 'shit']);
    assert.deepEqual(words('f u c k you'), ['fuck', 'you']);
    assert.deepEqual(words('fück'), ['fuck'], 'accents folded');
    assert.deepEqual(words('idiоt'), ['idiot'], 'Cyrillic о read as o');
    assert.equal(tokenize('sh*t')[0]!.masked, true);
    assert.ok(spellings('stuuuupid').includes('stupid'));
    assert.deepEqual(spellings('shiitake'), ['shiitake'], 'double letters of a word that was not stretched stay');
    assert.deepEqual(words('In 2024 we paid $30'), ['in', '2024', 'we', 'paid', '30'], 'numbers are not read as l33t');
  });

  test('disguised abuse scores like the plain spelling', async () => {
    for (const text of [
      'You are an 1d10t and a l0s3r',
      'u r s t u p i d idiot',
      'You are a f*cking idiot',
      'You are stuuuupid, idiooot',
    ]) {
      assert.ok((await scores(text)).toxicity >= 0.7, text);
    }
    assert.ok((await scores('f u c k this, sh1t')).profanity >= 0.7);
  });

  test('innocent words containing rude ones, and negated insults, are not held', async () => {
    for (const text of [
      'My class watched this in school',
      'The assassin in this game is overpowered',
      'I grew up near Scunthorpe',
      'The shiitake mushrooms look amazing',
      'You are not stupid, the docs are confusing',
    ]) {
      const result = await scores(text);
      assert.ok(Math.max(result.toxicity, result.spam, result.profanity) < 0.7, `${text}: ${JSON.stringify(result)}`);
    }
  });

  test('spam: promotion with links and money', async () => {
    const result = await moderator.moderateText(
      'Check out my channel! I made $5000 per week from home, message me on WhatsApp: bit.ly/easy-cash',
    );
    assert.ok(result.scores.spam >= 0.7, JSON.stringify(result.scores));
    assert.ok(
      result.reasons.some((reason) => reason.startsWith('links: bit.ly/easy-cash')),
      result.reasons.join('; '),
    );
    assert.ok(
      result.reasons.some((reason) => reason.startsWith('money: $5000')),
      result.reasons.join('; '),
    );
  });

  test('the model names itself with a version that follows the weights', () => {
    assert.equal(moderator.model.name, 'streamhub-lexicon-logreg');
    assert.equal(new LocalModerator().model.version, moderator.model.version);
    const altered = new LocalModerator({
      ...JSON.parse(JSON.stringify((moderator as any).weights)),
      spam: { bias: 0, weights: {} },
    });
    assert.notEqual(altered.model.version, moderator.model.version);
  });
});
