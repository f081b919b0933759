import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/auth-context.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { COURSES_KEY, courseApi } from '../../courses/course-api.ts';
import '../../courses/courses.css';
import { FormError } from '../../components/FormError.tsx';

type Scope = 'week' | 'all' | 'course';
interface Standing {
  rank: number;
  userId: string;
  username: string;
  xp: number;
}

/** Top learners by XP: this week's league, all time, or one course (from ?course=); my rank and neighbours. */
export default function LeaderboardPage() {
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const courseId = params.get('course') ?? undefined;
  const scope = (params.get('scope') as Scope | null) ?? (courseId ? 'course' : 'week');
  const tabs = [
    { value: 'week' as const, label: 'Weekly league' },
    { value: 'all' as const, label: 'All time' },
    ...(courseId ? [{ value: 'course' as const, label: 'This course' }] : []),
  ];
  const board = useQuery({
    queryKey: [...COURSES_KEY, 'leaderboard', scope, courseId],
    queryFn: () => courseApi.leaderboard(scope, scope === 'course' ? courseId : undefined),
  });
  const table = (rows: Standing[], label: string) => (
    <table className="leaderboard" aria-label={label}>
      <thead>
        <tr>
          <th>Rank</th>
          <th>Learner</th>
          <th>XP</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.userId} className={row.userId === user?.id ? 'leaderboard-me' : undefined}>
            <td>#{row.rank}</td>
            <td>{row.username}</td>
            <td>{row.xp}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section className="leaderboard-page">
      <h1 className="page-title">Leaderboard</h1>
      <Tabs
        label="Leaderboard"
        tabs={tabs}
        value={scope}
        onChange={(value) => {
          const next = new URLSearchParams(params);
          next.set('scope', value);
          setParams(next, { replace: true });
        }}
      />
      <FormError message={board.error?.message} />
      {board.data && (
        <>
          {board.data.top.length === 0 ? (
            <p className="empty">No XP earned here yet.</p>
          ) : (
            table(board.data.top, 'Top learners')
          )}
          {board.data.me ? (
            <p className="leaderboard-my-rank">
              Your rank: #{board.data.me.rank} with {board.data.me.xp} XP
            </p>
          ) : (
            user && <p className="empty">Earn XP to get a rank here.</p>
          )}
          {board.data.neighbours.length > 0 && (
            <>
              <h2>Around you</h2>
              {table(board.data.neighbours, 'Learners around you')}
            </>
          )}
        </>
      )}
    </section>
  );
}
