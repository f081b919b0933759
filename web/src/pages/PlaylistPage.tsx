import { useParams } from 'react-router-dom';
import { PlaylistView } from './playlist/PlaylistView.tsx';

export default function PlaylistPage() {
  const { id = '' } = useParams();
  return <PlaylistView path={`/api/v1/playlists/${id}`} />;
}
