import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isLikeMilestone } from '../comments/events.ts';
import { KIND, registerBuiltinKinds } from './builtin-kinds.ts';
import { NotificationKindRegistry } from './kinds.ts';
import { isPowerOfTen } from './sources.ts';
import { UnsubscribeLinks } from './unsubscribe-links.ts';

describe('notification kinds, milestones and unsubscribe links', () => {
  test('the registry refuses bad and duplicate ids, and renders unknown kinds harmlessly', () => {
    const registry = new NotificationKindRegistry();
    registerBuiltinKinds(registry);
    assert.throws(() => registerBuiltinKinds(registry), /registered twice/);
    assert.throws(
      () =>
        registry.register({
          id: 'Bad Id',
          label: '',
          description: '',
          defaultDelivery: 'in_app',
          audience: 'everyone',
          render: () => ({ text: '', link: '/' }),
        }),
      /must match/,
    );
    // A feature added later (live streams) registers its own kind the same way.
    registry.register({
      id: 'live.started',
      label: 'Live streams',
      description: '',
      defaultDelivery: 'in_app',
      audience: 'everyone',
      render: (data) => ({ text: `${String(data.channelName)} is live`, link: '/' }),
    });
    assert.equal(registry.render('live.started', { channelName: 'ada' }, 1).text, 'ada is live');
    assert.deepEqual(registry.render('gone.kind', {}, 1), { text: 'Notification', link: '/' });
    assert.equal(
      registry.render(KIND.newVideo, { channelName: 'ada', channelId: 'c1', videoId: 'v1', videoTitle: 'Hi' }, 3).text,
      '3 new videos from ada',
    );
    assert.equal(
      registry.render(KIND.newVideo, { channelName: 'ada', channelId: 'c1', videoId: 'v1', videoTitle: 'Hi' }, 1).link,
      '/watch/v1',
    );
  });

  test('milestones are the powers of ten', () => {
    assert.deepEqual(
      [0, 1, 2, 9, 10, 11, 99, 100, 1000, 1001, 100_000].filter(isPowerOfTen),
      [1, 10, 100, 1000, 100_000],
    );
    assert.deepEqual([1, 5, 10, 50, 100].filter(isLikeMilestone), [1, 10, 100]);
  });

  test('unsubscribe signatures bind the user and the kind', () => {
    const links = new UnsubscribeLinks('a secret of at least thirty-two characters!', 'https://tube.example');
    const target = { userId: '6d8f2f52-8a53-4a4e-9d53-0c3c6b7d1a11', kind: 'comment.reply' };
    const signature = links.signature(target);
    assert.ok(links.verify(target, signature));
    assert.ok(!links.verify({ ...target, kind: 'all' }, signature));
    assert.ok(!links.verify({ ...target, userId: '6d8f2f52-8a53-4a4e-9d53-0c3c6b7d1a12' }, signature));
    assert.ok(!links.verify(target, `${signature}x`));
    assert.ok(
      !new UnsubscribeLinks('another secret of at least thirty-two chars', 'https://tube.example').verify(
        target,
        signature,
      ),
    );
    assert.match(links.pageUrl(target), /^https:\/\/tube\.example\/unsubscribe\?user=.+&kind=comment\.reply&sig=/);
    assert.deepEqual(Object.keys(links.headers(target)), ['List-Unsubscribe', 'List-Unsubscribe-Post']);
  });
});
