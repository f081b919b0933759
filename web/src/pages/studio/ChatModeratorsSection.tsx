import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../api/api-error.ts';
import {
  appointChatModerator,
  chatModeratorsKey,
  fetchChatModerators,
  removeChatModerator,
  type ChatModerator,
} from '../../live/live-api.ts';

/** A username is at most 30 characters; people often write it as a handle, with a leading @. */
const MAX_HANDLE_LENGTH = 31;

/**
 * The Studio's list of the channel's chat moderators, who may delete messages, pin, time out and ban
 * in all of the channel's live chats: add one by username, remove one.
 */
export function ChatModeratorsSection({ channelId }: { channelId: string }) {
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const moderators = useQuery({
    queryKey: chatModeratorsKey(channelId),
    queryFn: () => fetchChatModerators(channelId),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: chatModeratorsKey(channelId) });
  const add = useMutation<ChatModerator, ApiError, string>({
    mutationFn: (name) => appointChatModerator(channelId, name),
    onSuccess: () => (setUsername(''), refresh()),
  });
  const remove = useMutation<void, ApiError, string>({
    mutationFn: (userId) => removeChatModerator(channelId, userId),
    // Also after a refusal: a moderator someone else already removed drops out of the list.
    onSettled: refresh,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = username.trim().replace(/^@/, '');
    if (name) add.mutate(name);
  };

  return (
    <section className="chat-moderators" aria-labelledby="chat-moderators-title">
      <h2 id="chat-moderators-title">Chat moderators</h2>
      <p className="muted">They can delete messages, pin, time out and ban in all of your live chats, as you can.</p>
      <form className="inline-form" onSubmit={submit}>
        <label className="chat-moderators-field">
          Username
          <input
            value={username}
            maxLength={MAX_HANDLE_LENGTH}
            autoComplete="off"
            aria-invalid={add.isError}
            aria-describedby={add.error ? 'add-moderator-error' : undefined}
            onChange={(event) => setUsername(event.target.value)}
          />
        </label>
        <button type="submit" className="button primary" disabled={add.isPending || !username.trim()}>
          Add moderator
        </button>
      </form>
      {add.error && (
        <p className="field-error" id="add-moderator-error" role="alert">
          {add.error.fieldMessage('username') ? `Username ${add.error.fieldMessage('username')}` : add.error.message}
        </p>
      )}
      {remove.error && (
        <p className="field-error" role="alert">
          {remove.error.message}
        </p>
      )}
      {moderators.isPending && <p className="muted">Loading moderators…</p>}
      {moderators.error && <p className="form-error">The moderators could not be loaded: {moderators.error.message}</p>}
      {moderators.data?.length === 0 && <p className="empty">No chat moderators yet: you moderate your chats alone.</p>}
      <ul className="chat-moderators-list">
        {moderators.data?.map((moderator) => (
          <li key={moderator.userId}>
            <span className="chat-moderators-name">{moderator.username}</span>
            <span className="muted"> since {new Date(moderator.appointedAt).toLocaleDateString()}</span>
            <button
              type="button"
              className="button danger"
              aria-label={`Remove ${moderator.username} as chat moderator`}
              disabled={remove.isPending && remove.variables === moderator.userId}
              onClick={() => remove.mutate(moderator.userId)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
