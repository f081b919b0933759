import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { COURSES_KEY, courseApi } from './course-api.ts';

/** The signed-in learner's XP, this week's XP, streak and all-time rank. */
export function LearningStats() {
  const stats = useQuery({ queryKey: [...COURSES_KEY, 'me'], queryFn: courseApi.myLearning });
  if (!stats.data) return null;
  const { xp, weekXp, streakDays, rank } = stats.data;
  return (
    <dl className="learning-stats" aria-label="Your learning">
      <div>
        <dt>XP</dt>
        <dd>{xp}</dd>
      </div>
      <div>
        <dt>This week</dt>
        <dd>{weekXp} XP</dd>
      </div>
      <div>
        <dt>Streak</dt>
        <dd>
          {streakDays} {streakDays === 1 ? 'day' : 'days'}
        </dd>
      </div>
      <div>
        <dt>Rank</dt>
        <dd>{rank === null ? '–' : <Link to="/leaderboard">#{rank}</Link>}</dd>
      </div>
    </dl>
  );
}
