import { useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../../auth/auth-context.tsx';
import { RequireSignIn } from '../../auth/RequireSignIn.tsx';
import { ErrorPage } from '../../components/ErrorPage.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { ReportsQueue } from './ReportsQueue.tsx';
import { VideoReportsQueue } from './VideoReportsQueue.tsx';
import { FailedJobs } from './FailedJobs.tsx';
import { UserAdmin } from './UserAdmin.tsx';
import { PlatformAnalytics } from './PlatformAnalytics.tsx';
import { ModerationQueue } from './ModerationQueue.tsx';
import { AiUsagePage } from './AiUsagePage.tsx';
import { OpsConsole } from './OpsConsole.tsx';

const TABS = [
  { value: 'reports', label: 'Reports' },
  { value: 'moderation', label: 'Moderation queue' },
  { value: 'ai', label: 'AI usage' },
  { value: 'jobs', label: 'Failed jobs' },
  { value: 'users', label: 'Users' },
  { value: 'analytics', label: 'Platform analytics' },
  { value: 'ops', label: 'Operations' },
] as const;

function AdminContent() {
  const { user } = useAuth();
  const { tab: rawTab } = useParams();
  const navigate = useNavigate();
  const tab = TABS.find((entry) => entry.value === rawTab)?.value ?? 'reports';
  if (user?.role !== 'admin')
    return <ErrorPage status={403} title="Admins only" message="Your account cannot open the admin pages." />;
  return (
    <>
      <h1 className="page-title">Admin</h1>
      <Tabs label="Admin sections" tabs={TABS} value={tab} onChange={(value) => navigate(`/admin/${value}`)} />
      {tab === 'reports' && (
        <>
          <VideoReportsQueue />
          <ReportsQueue />
        </>
      )}
      {tab === 'moderation' && <ModerationQueue />}
      {tab === 'ai' && <AiUsagePage />}
      {tab === 'jobs' && <FailedJobs />}
      {tab === 'users' && <UserAdmin />}
      {tab === 'analytics' && <PlatformAnalytics />}
      {tab === 'ops' && <OpsConsole />}
    </>
  );
}

export default function AdminPage() {
  return (
    <RequireSignIn what="the admin pages">
      <AdminContent />
    </RequireSignIn>
  );
}
