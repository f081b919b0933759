import { useParams } from 'react-router-dom';
import { PlaylistView } from './playlist/PlaylistView.tsx';
import { playlistSource } from '../playlists/playlist-api.ts';

export default function PlaylistPage() {
  const { id = '' } = useParams();
  return <PlaylistView source={playlistSource(id)} />;
}
