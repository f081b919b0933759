import { useNavigate, useParams } from 'react-router-dom';
import type { HistoryEntry, Video } from '../api/types.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { RequireSignIn } from '../auth/RequireSignIn.tsx';
import { InfiniteVideoGrid } from '../components/InfiniteVideoGrid.tsx';
import { Tabs } from '../components/Tabs.tsx';
import { PlaylistList } from './playlist/PlaylistList.tsx';
import { PlaylistView } from './playlist/PlaylistView.tsx';
import { fetchHistoryPage, historyKey } from '../feeds/feed-api.ts';
import { watchLaterSource } from '../playlists/playlist-api.ts';
import { fetchLikedVideosPage, likedVideosKey } from '../videos/video-api.ts';

const SECTIONS = [
  { value: 'history', label: 'History' },
  { value: 'liked', label: 'Liked videos' },
  { value: 'playlists', label: 'Playlists' },
  { value: 'watch-later', label: 'Watch later' },
] as const;
type Section = (typeof SECTIONS)[number]['value'];

function SectionContent({ section }: { section: Section }) {
  const { user } = useAuth();
  switch (section) {
    case 'history':
      return (
        <InfiniteVideoGrid<HistoryEntry>
          queryKey={historyKey}
          fetchPage={fetchHistoryPage}
          toVideo={(entry) => entry.video}
          empty="Videos you watch appear here."
        />
      );
    case 'liked':
      return (
        <InfiniteVideoGrid<{ video: Video }>
          queryKey={likedVideosKey}
          fetchPage={fetchLikedVideosPage}
          toVideo={(entry) => entry.video}
          empty="Videos you like appear here."
        />
      );
    case 'playlists':
      return user ? <PlaylistList ownerId={user.id} /> : null;
    case 'watch-later':
      return <PlaylistView source={watchLaterSource} />;
  }
}

export default function LibraryPage() {
  const { section: raw } = useParams();
  const navigate = useNavigate();
  const section = SECTIONS.find((entry) => entry.value === raw)?.value ?? 'history';
  return (
    <RequireSignIn what="your library">
      <h1 className="page-title">Library</h1>
      <Tabs
        label="Library sections"
        tabs={SECTIONS}
        value={section}
        onChange={(value) => navigate(`/library/${value}`)}
      />
      <SectionContent section={section} />
    </RequireSignIn>
  );
}
