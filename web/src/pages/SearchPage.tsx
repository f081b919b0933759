import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { CATEGORIES } from '../api/categories.ts';
import type { SearchMode, SearchResult } from '../api/types.ts';
import { ListErrorPage } from '../components/ErrorPage.tsx';
import { Tabs } from '../components/Tabs.tsx';
import { VideoGridSkeleton } from '../components/Skeletons.tsx';
import { Thumbnail } from '../components/Thumbnail.tsx';
import { formatAge, formatCount, formatDuration } from '../components/format.ts';
import './search-page.css';
import { searchKey, searchVideos, type SearchQuery } from '../search/search-api.ts';

const PAGE_SIZE = 20;
/** All (hybrid) is the default: words and meaning, titles and transcripts. */
const MODES = [
  { value: 'hybrid', label: 'All' },
  { value: 'keyword', label: 'Exact words' },
  { value: 'semantic', label: 'Meaning' },
] as const satisfies readonly { value: SearchMode; label: string }[];
const FILTERS = {
  category: ['', ...CATEGORIES],
  duration: ['', 'short', 'medium', 'long'],
  uploaded: ['', 'hour', 'day', 'week', 'month', 'year'],
  sort: ['relevance', '-views', '-uploaded_at'],
} as const;
const LABELS: Record<string, string> = {
  '': 'Any',
  short: 'Under 4 minutes',
  medium: '4–20 minutes',
  long: 'Over 20 minutes',
  hour: 'Last hour',
  day: 'Today',
  week: 'This week',
  month: 'This month',
  year: 'This year',
  relevance: 'Relevance',
  '-views': 'View count',
  '-uploaded_at': 'Upload date',
};

function SearchResultRow({ result }: { result: SearchResult }) {
  return (
    <article className="video-card row search-result" data-video-id={result.id}>
      <Link to={`/watch/${result.id}`} tabIndex={-1} aria-hidden="true">
        <Thumbnail url={result.thumbnailUrl} title={result.title} duration={result.duration} />
      </Link>
      <div className="video-card-text">
        {/* The API escapes these and adds only <mark> (docs/API.md, Search), so they are safe as HTML. */}
        <h3 className="video-title">
          <Link to={`/watch/${result.id}`} dangerouslySetInnerHTML={{ __html: result.highlights.title }} />
        </h3>
        <p className="muted">
          {formatCount(result.views, 'view')} · {formatAge(result.uploadedAt)} ·{' '}
          <Link to={`/channel/${result.creator.id}`}>{result.creator.username}</Link>
        </p>
        <p className="snippet" dangerouslySetInnerHTML={{ __html: result.highlights.description }} />
        {result.transcriptMatch && (
          <p className="search-transcript-line">
            <Link
              to={`/watch/${result.id}?t=${Math.floor(result.transcriptMatch.startSeconds)}`}
              aria-label={`Said at ${formatDuration(result.transcriptMatch.startSeconds)}: ${result.transcriptMatch.text}`}
            >
              <span className="transcript-time">{formatDuration(result.transcriptMatch.startSeconds)}</span> “
              {result.transcriptMatch.text}”
            </Link>
          </p>
        )}
      </div>
    </article>
  );
}

export default function SearchPage() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const mode = MODES.find((entry) => entry.value === params.get('mode'))?.value ?? 'hybrid';
  const query = {
    mode,
    q: params.get('q') ?? '',
    category: params.get('category') ?? '',
    duration: params.get('duration') ?? '',
    uploaded: params.get('uploaded') ?? '',
    sort: params.get('sort') ?? 'relevance',
    page,
    limit: PAGE_SIZE,
  };
  const search = useQuery({
    queryKey: searchKey(query as SearchQuery),
    // The filters come from the URL as they were typed; the server validates them (a bad one is a 400 shown here).
    queryFn: () => searchVideos(query as SearchQuery),
    placeholderData: keepPreviousData,
  });
  const total = search.data?.total ?? 0;
  const update = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'page') next.delete('page');
    setParams(next);
  };

  return (
    <>
      <h1 className="page-title">{query.q ? <>Results for “{query.q}”</> : 'Search'}</h1>
      <Tabs
        label="Search by"
        tabs={MODES}
        value={mode}
        onChange={(value) => update('mode', value === 'hybrid' ? '' : value)}
      />
      <div className="filters">
        {(Object.keys(FILTERS) as (keyof typeof FILTERS)[]).map((name) => (
          <label key={name}>
            {name === 'sort' ? 'Sort by' : name[0]!.toUpperCase() + name.slice(1)}
            <select value={query[name]} onChange={(event) => update(name, event.target.value)}>
              {FILTERS[name].map((value) => (
                <option key={value} value={value}>
                  {LABELS[value] ?? value}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {search.error ? (
        <ListErrorPage error={search.error} what="Search" />
      ) : !search.data ? (
        <VideoGridSkeleton count={6} />
      ) : (
        <>
          <p className="muted" role="status">
            {formatCount(total, 'result')}
          </p>
          <div className="result-list">
            {search.data.results.map((result) => (
              <SearchResultRow key={result.id} result={result} />
            ))}
          </div>
          <nav className="pager" aria-label="Result pages">
            <button
              type="button"
              className="button"
              disabled={page <= 1}
              onClick={() => update('page', String(page - 1))}
            >
              Previous
            </button>
            <span>
              Page {page} of {Math.max(1, Math.ceil(total / PAGE_SIZE))}
            </span>
            <button
              type="button"
              className="button"
              disabled={page * PAGE_SIZE >= total}
              onClick={() => update('page', String(page + 1))}
            >
              Next
            </button>
          </nav>
        </>
      )}
    </>
  );
}
