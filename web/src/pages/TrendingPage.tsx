import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { fetchTrending, trendingKey } from '../videos/video-api.ts';
import { Tabs } from '../components/Tabs.tsx';
import { VideoGrid } from '../components/VideoGrid.tsx';

const WINDOWS = [
  { value: 'hour', label: 'Last hour' },
  { value: 'day', label: 'Today' },
  { value: 'week', label: 'This week' },
] as const;
type TrendingWindow = (typeof WINDOWS)[number]['value'];

export default function TrendingPage() {
  const [params, setParams] = useSearchParams();
  const window = (WINDOWS.find((entry) => entry.value === params.get('window'))?.value ?? 'day') as TrendingWindow;
  const trending = useQuery({
    queryKey: trendingKey(window),
    queryFn: () => fetchTrending(window, 48),
  });
  return (
    <>
      <h1 className="page-title">Trending</h1>
      <Tabs label="Trending window" tabs={WINDOWS} value={window} onChange={(value) => setParams({ window: value })} />
      <VideoGrid
        videos={trending.data}
        isPending={trending.isPending}
        error={trending.error}
        empty="Nothing is trending in this window yet."
      />
    </>
  );
}
