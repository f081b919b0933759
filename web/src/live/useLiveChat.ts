import { useCallback, useEffect, useRef, useState } from 'react';
import { readTokens } from '../auth/token-store.ts';
import type { ChatMessage } from './live-api.ts';

export interface ChatError {
  code: string;
  message: string;
}

export interface LiveChatState {
  messages: ChatMessage[];
  presence: number;
  connected: boolean;
  signedIn: boolean;
  /** The server's answer at sign-in, then its `moderation` frames: the channel's creator, an admin or one of its chat moderators. */
  canModerate: boolean;
  lastError: ChatError | null;
  pinned: ChatMessage | null;
  ended: boolean;
  send(body: string): void;
  remove(messageId: string): void;
  pin(messageId: string | null): void;
  timeout(userId: string, seconds: number): void;
  ban(userId: string): void;
}

const MAX_KEPT = 300;
const RECONNECT_MS = 2000;

/**
 * The chat room socket (protocol in docs/LIVE.md): joins, signs in with the stored access token,
 * and on a dropped connection reconnects with `after=<last message id>`, merging by id so nothing is
 * shown twice or skipped.
 */
export function useLiveChat(socketPath: string | undefined, initialPinned: ChatMessage | null): LiveChatState {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [presence, setPresence] = useState(0);
  const [connected, setConnected] = useState(false);
  const [signedIn, setSignedIn] = useState(false);
  const [canModerate, setCanModerate] = useState(false);
  const [lastError, setLastError] = useState<ChatError | null>(null);
  const [pinned, setPinned] = useState<ChatMessage | null>(initialPinned);
  const [ended, setEnded] = useState(false);
  const socket = useRef<WebSocket | null>(null);
  const lastId = useRef<string | null>(null);

  useEffect(() => {
    if (!socketPath) return;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const merge = (message: ChatMessage) =>
      setMessages((current) => {
        const index = current.findIndex((item) => item.id === message.id);
        if (index >= 0) return current.map((item) => (item.id === message.id ? message : item));
        if (!lastId.current || BigInt(message.id) > BigInt(lastId.current)) lastId.current = message.id;
        return [...current, message].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1)).slice(-MAX_KEPT);
      });
    const connect = () => {
      const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
      const after = lastId.current ? `?after=${lastId.current}` : '';
      const ws = new WebSocket(`${scheme}://${location.host}${socketPath}${after}`);
      socket.current = ws;
      ws.onopen = () => {
        setConnected(true);
        const token = readTokens()?.accessToken;
        if (token) ws.send(JSON.stringify({ type: 'auth', token }));
      };
      const handle = (frame: Record<string, any>) => {
        switch (frame.type) {
          case 'batch':
            // A busy room's events of one tick arrive as one frame, in order.
            for (const event of frame.events as Array<Record<string, any>>) handle(event);
            break;
          case 'ready':
            setPresence(frame.presence);
            break;
          case 'authenticated':
            setSignedIn(true);
            setCanModerate(frame.canModerate === true);
            break;
          case 'moderation':
            // Appointed or removed as one of the channel's chat moderators while the page is open.
            setCanModerate(frame.canModerate === true);
            break;
          case 'message':
            merge(frame.message as ChatMessage);
            break;
          case 'deleted':
            setMessages((current) => current.filter((item) => item.id !== frame.messageId));
            break;
          case 'pinned':
            setPinned(frame.message as ChatMessage | null);
            break;
          case 'presence':
            setPresence(frame.count);
            break;
          case 'restricted':
            // A timed-out or banned user's messages so far are cleared from the chat, as on YouTube.
            setMessages((current) => current.filter((item) => item.authorId !== frame.userId));
            break;
          case 'ended':
            setEnded(true);
            break;
          case 'error':
            setLastError({ code: frame.code, message: frame.message });
            break;
        }
      };
      ws.onmessage = (event) => handle(JSON.parse(String(event.data)) as Record<string, any>);
      ws.onclose = () => {
        setConnected(false);
        setSignedIn(false);
        setCanModerate(false);
        if (!stopped) retry = setTimeout(connect, RECONNECT_MS);
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      socket.current?.close();
    };
  }, [socketPath]);

  const frame = useCallback((payload: object) => {
    setLastError(null);
    socket.current?.send(JSON.stringify(payload));
  }, []);
  return {
    messages,
    presence,
    connected,
    signedIn,
    canModerate,
    lastError,
    pinned,
    ended,
    send: (body) => frame({ type: 'send', body }),
    remove: (messageId) => frame({ type: 'delete', messageId }),
    pin: (messageId) => frame({ type: 'pin', messageId }),
    timeout: (userId, seconds) => frame({ type: 'timeout', userId, seconds }),
    ban: (userId) => frame({ type: 'ban', userId }),
  };
}
