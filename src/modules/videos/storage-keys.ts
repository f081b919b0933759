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
    /** A creator's uploaded thumbnail: a new name per upload, so each version has its own immutable URL. */
    customThumbnail: (version: string) => `${folder}/thumbnails/${version}.jpg`,
  };
};

/** Processing outputs, as opposed to the source: what a failed or retried transcode must clear. */
export function outputKeys(videoId: string): { prefixes: string[]; objects: string[] } {
  const keys = videoKeys(videoId);
  return { prefixes: [keys.hls], objects: [keys.poster, keys.storyboardImage, keys.storyboardVtt] };
}

/**
 * Outputs shared by many videos live under `shared/<name>/` with the same layout as a video's folder
 * (hls/master.m3u8, poster.jpg, storyboard.*): the seeded catalogue's sample rendition is one. Deleting
 * a video never touches them, since its own folder is `videos/<id>`.
 */
const SHARED_FOLDER = /^shared\/[\w-]+(?=\/)/;

export const sharedMediaFolder = (name: string) => `shared/${name}`;

/**
 * The folder a video's outputs are read from: its own, or the shared folder its master playlist key
 * points into. Media URLs always name the video (`/media/videos/<id>/...`); this maps them to storage.
 */
export function mediaFolderOf(video: { id: string; master_playlist_key: string | null }): string {
  return (
    (video.master_playlist_key && SHARED_FOLDER.exec(video.master_playlist_key)?.[0]) || videoKeys(video.id).folder
  );
}

/** A key's path inside its video's (or its shared) folder ("videos/<id>/hls/master.m3u8" -> "hls/master.m3u8"). */
export function pathInVideoFolder(videoId: string, key: string): string {
  const folder = `${videoKeys(videoId).folder}/`;
  if (key.startsWith(folder)) return key.slice(folder.length);
  const shared = SHARED_FOLDER.exec(key);
  if (shared) return key.slice(shared[0].length + 1);
  throw new Error(`${key} is not in ${folder}`);
}
