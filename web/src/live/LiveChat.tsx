import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { ChatMessage } from './live-api.ts';
import type { LiveChatState } from './useLiveChat.ts';
import { FormError } from '../components/FormError.tsx';

/** A time-out from the chat's buttons lasts this long (the protocol takes any length up to a week). */
const TIMEOUT_SECONDS = 300;

function MessageLine({
  message,
  canModerate,
  chat,
  ownerId,
}: {
  message: ChatMessage;
  canModerate: boolean;
  chat?: LiveChatState;
  /** The channel owner, who cannot be timed out or banned. */
  ownerId?: string;
}) {
  const restrictable = message.authorId !== ownerId;
  return (
    <li className={message.status === 'held' ? 'chat-message held' : 'chat-message'} data-message-id={message.id}>
      <span className="chat-author">{message.authorName}</span> <span className="chat-body">{message.body}</span>
      {message.status === 'held' && <span className="chat-held-note"> (held for review: only you see it)</span>}
      {canModerate && chat && message.status === 'visible' && (
        <span className="chat-actions">
          <button type="button" className="link-button" onClick={() => chat.pin(message.id)}>
            Pin
          </button>
          <button type="button" className="link-button" onClick={() => chat.remove(message.id)}>
            Delete
          </button>
          {restrictable && (
            <>
              <button
                type="button"
                className="link-button"
                aria-label={`Time out ${message.authorName} for 5 minutes`}
                onClick={() => chat.timeout(message.authorId, TIMEOUT_SECONDS)}
              >
                Time out
              </button>
              <button
                type="button"
                className="link-button"
                aria-label={`Ban ${message.authorName}`}
                onClick={() => {
                  if (window.confirm(`Ban ${message.authorName} from this channel's chats?`))
                    chat.ban(message.authorId);
                }}
              >
                Ban
              </button>
            </>
          )}
        </span>
      )}
    </li>
  );
}

/** The live chat beside the player: messages, presence, pinned message and the composer. */
export function LiveChat({
  chat,
  canModerate,
  signedInUser,
  ownerId,
}: {
  chat: LiveChatState;
  canModerate: boolean;
  signedInUser: boolean;
  ownerId: string;
}) {
  const [draft, setDraft] = useState('');
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [chat.messages.length]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) return;
    chat.send(draft);
    setDraft('');
  };
  return (
    <aside className="live-chat" aria-label="Live chat">
      <header className="live-chat-header">
        <h2>Live chat</h2>
        <span className="live-viewers" data-testid="viewer-count">
          {chat.presence} watching
        </span>
      </header>
      {chat.pinned && (
        <div className="chat-pinned" role="note">
          📌 <strong>{chat.pinned.authorName}</strong> {chat.pinned.body}
        </div>
      )}
      <ol className="chat-list" ref={list} aria-live="polite">
        {chat.messages.map((message) => (
          <MessageLine key={message.id} message={message} canModerate={canModerate} chat={chat} ownerId={ownerId} />
        ))}
      </ol>
      <FormError message={chat.lastError?.message} />
      {chat.ended ? (
        <p className="empty">The stream has ended.</p>
      ) : signedInUser ? (
        <form className="chat-composer" onSubmit={submit}>
          <input
            aria-label="Chat message"
            value={draft}
            maxLength={500}
            placeholder={chat.signedIn ? 'Say something…' : 'Connecting…'}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="button primary" disabled={!chat.signedIn}>
            Send
          </button>
        </form>
      ) : (
        <p className="empty">
          <Link to="/login">Sign in</Link> to chat.
        </p>
      )}
    </aside>
  );
}

/** Chat replay beside a recording: the messages up to the playback position, as they were sent. */
export function ChatReplay({ messages }: { messages: ChatMessage[] }) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [messages.length]);
  return (
    <aside className="live-chat" aria-label="Chat replay">
      <header className="live-chat-header">
        <h2>Chat replay</h2>
      </header>
      <ol className="chat-list" ref={list}>
        {messages.map((message) => (
          <MessageLine key={message.id} message={message} canModerate={false} />
        ))}
      </ol>
    </aside>
  );
}
