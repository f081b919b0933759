/**
 * Where a video's objects live. Everything of one video is under one folder, so deleting a video or
 * compensating a failed transcode is one `deletePrefix`.
 */
export const videoKeys = (videoId: string) => {
  const folder = `videos/${videoId}`;
  return {
    folder,
    /** The original upload, as received; never served to viewers. */
    source: `${folder}/source`,
    hls: `${folder}/hls`,
    masterPlaylist: `${folder}/hls/master.m3u8`,
    poster: `${folder}/poster.jpg`,
    storyboardImage: `${folder}/storyboard.jpg`,
    storyboardVtt: `${folder}/storyboard.vtt`,
  };
};

/** Processing outputs, as opposed to the source: what a failed or retried transcode must clear. */
export function outputKeys(videoId: string): { prefixes: string[]; objects: string[] } {
  const keys = videoKeys(videoId);
  return { prefixes: [keys.hls], objects: [keys.poster, keys.storyboardImage, keys.storyboardVtt] };
}

/** A key's path inside its video's folder ("videos/<id>/hls/master.m3u8" -> "hls/master.m3u8"). */
export function pathInVideoFolder(videoId: string, key: string): string {
  const folder = `${videoKeys(videoId).folder}/`;
  if (!key.startsWith(folder)) throw new Error(`${key} is not in ${folder}`);
  return key.slice(folder.length);
}
