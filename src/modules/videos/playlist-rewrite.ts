/**
 * Rewrites the URI lines of an HLS playlist (every line that is neither empty nor a tag or comment)
 * with `rewrite`, leaving tags untouched. Used in S3 mode to point segment URIs at presigned store URLs.
 */
export async function rewritePlaylistUris(
  playlist: string,
  rewrite: (uri: string) => Promise<string>,
): Promise<string> {
  const lines = playlist.split('\n');
  const rewritten = await Promise.all(
    lines.map((line) => {
      const trimmed = line.trim();
      return trimmed === '' || trimmed.startsWith('#') ? line : rewrite(trimmed);
    }),
  );
  return rewritten.join('\n');
}
