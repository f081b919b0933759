/**
 * The kind registry: every notification StreamHub can send is a kind registered here, with its label
 * for the settings page, its default delivery and how a stored row reads in the list and in mail.
 * Features register their own kinds (live streams, courses and bookings add theirs the same way), so
 * the notifications module never needs to know them in advance.
 */
export const DELIVERIES = ['in_app', 'mail_immediate', 'mail_digest', 'off'] as const;
export type Delivery = (typeof DELIVERIES)[number];

/** Who may receive a kind: everyone, or only admins (the settings page hides admin kinds from others). */
export type Audience = 'everyone' | 'admins';

/** What a notification shows: a sentence, where it leads (an app path), and the video whose thumbnail it wears. */
export interface RenderedNotification {
  text: string;
  link: string;
  videoId?: string;
}

export type NotificationData = Record<string, unknown>;

export interface NotificationKind {
  /** Stable id, stored in rows and preferences: lower case, dots and underscores (`comment.reply`). */
  id: string;
  label: string;
  description: string;
  defaultDelivery: Delivery;
  audience: Audience;
  /** `count` > 1 when several events collapsed into the row ("3 new videos from X"). */
  render(data: NotificationData, count: number): RenderedNotification;
}

const KIND_ID = /^[a-z][a-z0-9_.]{1,60}$/;

export class NotificationKindRegistry {
  private readonly kinds = new Map<string, NotificationKind>();

  register(kind: NotificationKind): void {
    if (!KIND_ID.test(kind.id)) throw new Error(`notification kind id "${kind.id}" must match ${KIND_ID}`);
    if (this.kinds.has(kind.id)) throw new Error(`notification kind "${kind.id}" is registered twice`);
    this.kinds.set(kind.id, kind);
  }

  get(id: string): NotificationKind | undefined {
    return this.kinds.get(id);
  }

  require(id: string): NotificationKind {
    const kind = this.kinds.get(id);
    if (!kind) throw new Error(`unknown notification kind "${id}"`);
    return kind;
  }

  list(): NotificationKind[] {
    return [...this.kinds.values()];
  }

  /** A row whose kind is no longer registered (a removed feature) still reads sensibly. */
  render(id: string, data: NotificationData, count: number): RenderedNotification {
    const kind = this.kinds.get(id);
    return kind ? kind.render(data, count) : { text: 'Notification', link: '/' };
  }
}

/** Reads a string field of a notification's data ('' when absent), for render functions. */
export function field(data: NotificationData, name: string): string {
  const value = data[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
