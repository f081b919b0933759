import type { PubSub } from '../../platform/pubsub/pubsub.ts';

/** What a processing-progress stream carries; the SSE event name is `type`. */
export type ProcessingEvent =
  | { type: 'progress'; status: 'uploading' | 'processing'; percent: number }
  | { type: 'ready' }
  | { type: 'failed'; reason: string };

const channelOf = (videoId: string) => `video-processing:${videoId}`;

export function publishProcessingEvent(pubsub: PubSub, videoId: string, event: ProcessingEvent): Promise<void> {
  return pubsub.publish(channelOf(videoId), event);
}

export function subscribeToProcessing(
  pubsub: PubSub,
  videoId: string,
  listener: (event: ProcessingEvent) => void,
): Promise<() => Promise<void>> {
  return pubsub.subscribe(channelOf(videoId), (message) => listener(message as ProcessingEvent));
}
