import { Link, useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../auth/auth-context.tsx';
import type { Video } from '../api/types.ts';
import { QueryErrorPage } from '../components/ErrorPage.tsx';
import { InfiniteVideoGrid } from '../components/InfiniteVideoGrid.tsx';
import { PageSkeleton } from '../components/Skeletons.tsx';
import { SubscribeButton, useChannel } from '../components/SubscribeButton.tsx';
import { Tabs } from '../components/Tabs.tsx';
import { formatCount } from '../components/format.ts';
import { PlaylistList } from './playlist/PlaylistList.tsx';
import { channelVideosKey } from '../channels/channel-api.ts';
import { fetchChannelVideos } from '../videos/video-api.ts';

const TABS = [
  { value: 'videos', label: 'Videos' },
  { value: 'popular', label: 'Popular' },
  { value: 'playlists', label: 'Playlists' },
  { value: 'about', label: 'About' },
] as const;

export default function ChannelPage() {
  const { id = '', tab: rawTab } = useParams();
  const navigate = useNavigate();
  const channel = useChannel(id);
  const { user: signedIn } = useAuth();
  const tab = TABS.find((entry) => entry.value === rawTab)?.value ?? 'videos';

  if (channel.error) return <QueryErrorPage error={channel.error} what="Channel" />;
  if (!channel.data) return <PageSkeleton />;
  const { user } = channel.data;

  return (
    <>
      <header className="channel-header">
        <span className="avatar large" aria-hidden="true">
          {user.username.slice(0, 1).toUpperCase()}
        </span>
        <div>
          <h1>{user.username}</h1>
          <p className="muted">
            {formatCount(channel.data.videoCount, 'video')} · {formatCount(channel.data.totalViews, 'view')}
          </p>
        </div>
        <SubscribeButton channelId={id} />
        {signedIn?.id === id && (
          <Link className="button" to="/settings">
            Edit profile
          </Link>
        )}
      </header>
      <Tabs
        label="Channel sections"
        tabs={TABS}
        value={tab}
        onChange={(value) => navigate(`/channel/${id}/${value}`)}
      />
      {(tab === 'videos' || tab === 'popular') && (
        <InfiniteVideoGrid<Video>
          queryKey={[...channelVideosKey(id), tab]}
          fetchPage={(cursor) =>
            fetchChannelVideos(id, { sort: tab === 'popular' ? 'popular' : 'newest', limit: 24, cursor })
          }
          toVideo={(video) => video}
          empty="This channel has no public videos yet."
        />
      )}
      {tab === 'playlists' && <PlaylistList ownerId={id} />}
      {tab === 'about' && (
        <section className="about">
          <p className="description">
            {user.bio ||
              (signedIn?.id === id ? (
                <Link to="/settings">Add a description of your channel</Link>
              ) : (
                'No description yet.'
              ))}
          </p>
          <p className="muted">
            Joined {new Date(user.createdAt).toLocaleDateString()} ·{' '}
            {formatCount(channel.data.subscriptionCount, 'subscription')}
          </p>
        </section>
      )}
    </>
  );
}
