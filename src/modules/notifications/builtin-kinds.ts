import { field, type NotificationKind, type NotificationKindRegistry } from './kinds.ts';

/** Kind ids of the notifications StreamHub's own features send. */
export const KIND = {
  newVideo: 'video.new',
  videoReady: 'video.processed',
  videoFailed: 'video.failed',
  commentReply: 'comment.reply',
  commentMention: 'comment.mention',
  commentLikes: 'comment.like_milestone',
  subscriberMilestone: 'channel.subscriber_milestone',
  moderationHeld: 'moderation.held',
  moderationDecision: 'moderation.decision',
  videoRemoved: 'moderation.video_removed',
  adminReport: 'admin.report',
  adminCase: 'admin.case',
} as const;

const quote = (text: string) => (text.length > 80 ? `“${text.slice(0, 77)}…”` : `“${text}”`);
const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

/** The link to a comment's thread on its video's page: the top-level comment, which the list shows (replies fold under it). */
const commentLink = (data: Record<string, unknown>) =>
  `/watch/${field(data, 'videoId')}?comment=${field(data, 'parentId') || field(data, 'commentId')}`;

const builtins: NotificationKind[] = [
  {
    id: KIND.newVideo,
    label: 'New videos from channels you follow',
    description: 'When a channel you subscribed to with notifications on publishes a video.',
    defaultDelivery: 'in_app',
    audience: 'everyone',
    render: (data, count) => ({
      text:
        count > 1
          ? `${count} new videos from ${field(data, 'channelName')}`
          : `${field(data, 'channelName')} uploaded: ${field(data, 'videoTitle')}`,
      link: count > 1 ? `/channel/${field(data, 'channelId')}` : `/watch/${field(data, 'videoId')}`,
      videoId: field(data, 'videoId'),
    }),
  },
  {
    id: KIND.videoReady,
    label: 'Your video finished processing',
    description: 'When an upload of yours is ready to watch.',
    defaultDelivery: 'in_app',
    audience: 'everyone',
    render: (data) => ({
      text: `Your video “${field(data, 'videoTitle')}” is ready`,
      link: `/studio?video=${field(data, 'videoId')}`,
      videoId: field(data, 'videoId'),
    }),
  },
  {
    id: KIND.videoFailed,
    label: 'Your video failed to process',
    description: 'When an upload of yours could not be processed, with the reason.',
    defaultDelivery: 'mail_immediate',
    audience: 'everyone',
    render: (data) => ({
      text: `Processing “${field(data, 'videoTitle')}” failed: ${field(data, 'reason')}`,
      link: `/studio?video=${field(data, 'videoId')}`,
    }),
  },
  {
    id: KIND.commentReply,
    label: 'Replies to your comments',
    description: 'When someone replies to a comment of yours.',
    defaultDelivery: 'mail_digest',
    audience: 'everyone',
    render: (data, count) => ({
      text:
        count > 1
          ? `${count} new replies to your comment on “${field(data, 'videoTitle')}”`
          : `${field(data, 'actorName')} replied to your comment: ${quote(field(data, 'excerpt'))}`,
      link: commentLink(data),
      videoId: field(data, 'videoId'),
    }),
  },
  {
    id: KIND.commentMention,
    label: 'Mentions',
    description: 'When someone mentions you (@username) in a comment.',
    defaultDelivery: 'mail_digest',
    audience: 'everyone',
    render: (data) => ({
      text: `${field(data, 'actorName')} mentioned you: ${quote(field(data, 'excerpt'))}`,
      link: commentLink(data),
      videoId: field(data, 'videoId'),
    }),
  },
  {
    id: KIND.commentLikes,
    label: 'Likes on your comments',
    description: 'When a comment of yours reaches 1, 10, 100, 1,000 … likes.',
    defaultDelivery: 'in_app',
    audience: 'everyone',
    render: (data) => {
      const likes = Number(field(data, 'likes'));
      return {
        text: `Your comment reached ${likes.toLocaleString('en')} ${plural(likes, 'like', 'likes')}: ${quote(field(data, 'excerpt'))}`,
        link: commentLink(data),
        videoId: field(data, 'videoId'),
      };
    },
  },
  {
    id: KIND.subscriberMilestone,
    label: 'Subscriber milestones',
    description: 'When your channel reaches 1, 10, 100, 1,000 … subscribers.',
    defaultDelivery: 'in_app',
    audience: 'everyone',
    render: (data) => {
      const count = Number(field(data, 'subscribers'));
      return {
        text: `Your channel reached ${count.toLocaleString('en')} ${plural(count, 'subscriber', 'subscribers')}`,
        link: `/channel/${field(data, 'channelId')}`,
      };
    },
  },
  {
    id: KIND.moderationHeld,
    label: 'Held for review',
    description: 'When automatic moderation holds your video or comment for a moderator to review.',
    defaultDelivery: 'mail_immediate',
    audience: 'everyone',
    render: (data) => ({
      text: `Your ${field(data, 'subjectType')} was held for review (${field(data, 'reason')})`,
      link: subjectLink(data),
      videoId: field(data, 'videoId') || undefined,
    }),
  },
  {
    id: KIND.moderationDecision,
    label: 'Moderation decisions and appeals',
    description: 'When a moderator approves or rejects your video or comment, or decides your appeal.',
    defaultDelivery: 'mail_immediate',
    audience: 'everyone',
    render: (data) => {
      const approved = field(data, 'decision') === 'approved';
      const what = field(data, 'subjectType');
      const text = data.appealed
        ? `Your appeal for your ${what} was ${approved ? 'accepted: it is visible again' : 'rejected'}`
        : `Your ${what} was ${approved ? 'approved by a moderator' : 'rejected by a moderator'}`;
      return {
        text: field(data, 'note') ? `${text}. Note: ${field(data, 'note')}` : text,
        link: subjectLink(data),
        videoId: field(data, 'videoId') || undefined,
      };
    },
  },
  {
    id: KIND.videoRemoved,
    label: 'Your video was removed',
    description: 'When a moderator removes your video after viewers reported it.',
    defaultDelivery: 'mail_immediate',
    audience: 'everyone',
    render: (data) => {
      const text = `Your video “${field(data, 'videoTitle')}” was removed after reports (${field(data, 'reason').replace('_', ' ')})`;
      return { text: field(data, 'note') ? `${text}. Note: ${field(data, 'note')}` : text, link: '/studio' };
    },
  },
  {
    id: KIND.adminReport,
    label: 'New reports (admins)',
    description: 'When someone reports a comment or a video.',
    defaultDelivery: 'in_app',
    audience: 'admins',
    render: (data, count) => ({
      text:
        count > 1
          ? `${count} new reports are waiting`
          : `A ${field(data, 'subject') || 'comment'} was reported for ${field(data, 'reason').replace('_', ' ')}`,
      link: '/admin/reports',
    }),
  },
  {
    id: KIND.adminCase,
    label: 'Moderation cases waiting (admins)',
    description: 'When automatic moderation holds something, or an owner appeals.',
    defaultDelivery: 'in_app',
    audience: 'admins',
    render: (data, count) => ({
      text:
        count > 1
          ? `${count} moderation cases are waiting for review`
          : `A ${field(data, 'subjectType')} ${data.appealed ? 'was appealed' : 'was held'} and waits for review`,
      link: '/admin/reports',
    }),
  },
];

function subjectLink(data: Record<string, unknown>): string {
  if (field(data, 'subjectType') === 'video') return `/studio?video=${field(data, 'subjectId')}`;
  return field(data, 'videoId') ? `/watch/${field(data, 'videoId')}?comment=${field(data, 'subjectId')}` : '/';
}

export function registerBuiltinKinds(registry: NotificationKindRegistry): void {
  for (const kind of builtins) registry.register(kind);
}
