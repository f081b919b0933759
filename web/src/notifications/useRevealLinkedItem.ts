import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'react-router-dom';
import { commentsKey } from '../comments/comment-api.ts';

const WAIT_MS = 10_000;

/**
 * Notification links point at one thing on a page: `/watch/:id?comment=X` (a comment) or
 * `/studio?video=X` (a Studio row). Those pages belong to other features, so the bell (mounted on
 * every page) does the pointing: once the element shows up, it is scrolled into view and highlighted.
 * Best effort: a reply folded inside its thread, or a comment far down a virtualised list, is not
 * rendered and so is not found; the page itself is still the right one.
 */
export function useRevealLinkedItem(): void {
  const location = useLocation();
  const queryClient = useQueryClient();
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    const commentId = params.get('comment');
    const watchedVideo = /^\/watch\/([^/]+)$/.exec(location.pathname)?.[1];
    // The comment is news, so a comment list cached before it was written would not have it.
    if (commentId && watchedVideo) void queryClient.invalidateQueries({ queryKey: commentsKey(watchedVideo) });
    const videoId = location.pathname === '/studio' ? params.get('video') : null;
    const selector = commentId
      ? `.comment[data-comment-id="${CSS.escape(commentId)}"]`
      : videoId
        ? `tr[data-video-id="${CSS.escape(videoId)}"]`
        : null;
    if (!selector) return;
    const reveal = () => {
      const element = document.querySelector<HTMLElement>(selector);
      if (!element) return false;
      element.scrollIntoView({ block: 'center' });
      element.classList.add('notification-target');
      return true;
    };
    if (reveal()) return;
    const observer = new MutationObserver(() => {
      if (reveal()) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const timeout = setTimeout(() => observer.disconnect(), WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timeout);
    };
  }, [location.pathname, location.search, queryClient]);
}
