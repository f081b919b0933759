/** The choices of a video's, playlist's or course's visibility, for a `<select>`. */
export function VisibilityOptions() {
  return (
    <>
      <option value="public">Public</option>
      <option value="unlisted">Unlisted: anyone with the link</option>
      <option value="private">Private: only you</option>
    </>
  );
}
