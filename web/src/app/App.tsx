import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Shell } from './Shell.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { PageSkeleton } from '../components/Skeletons.tsx';
import { HomePage } from '../pages/HomePage.tsx';
import { useTrackNavigation } from '../analytics/navigation-source.ts';

// Every page but the home page is its own chunk, so the first visit downloads only what it shows.
const TrendingPage = lazy(() => import('../pages/TrendingPage.tsx'));
const SubscriptionsPage = lazy(() => import('../pages/SubscriptionsPage.tsx'));
const LibraryPage = lazy(() => import('../pages/LibraryPage.tsx'));
const SearchPage = lazy(() => import('../pages/SearchPage.tsx'));
const JoinNotePage = lazy(() => import('../notes/JoinNotePage.tsx'));
const WatchPage = lazy(() => import('../pages/watch/WatchPage.tsx'));
const ChannelPage = lazy(() => import('../pages/ChannelPage.tsx'));
const PlaylistPage = lazy(() => import('../pages/PlaylistPage.tsx'));
const UploadPage = lazy(() => import('../upload/UploadPage.tsx'));
const StudioPage = lazy(() => import('../pages/studio/StudioPage.tsx'));
const AdminPage = lazy(() => import('../pages/admin/AdminPage.tsx'));
const StudioVideoAiPage = lazy(() => import('../pages/studio/StudioVideoAiPage.tsx'));
const LoginPage = lazy(() => import('../pages/auth/LoginPage.tsx'));
const RegisterPage = lazy(() => import('../pages/auth/RegisterPage.tsx'));
const ForgotPasswordPage = lazy(() => import('../pages/auth/ForgotPasswordPage.tsx'));
const ResetPasswordPage = lazy(() => import('../pages/auth/ResetPasswordPage.tsx'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage.tsx'));
const NotificationsPage = lazy(() => import('../pages/NotificationsPage.tsx'));
const NotificationSettingsPage = lazy(() => import('../pages/NotificationSettingsPage.tsx'));
const SettingsPage = lazy(() => import('../pages/SettingsPage.tsx'));
const UnsubscribePage = lazy(() => import('../pages/UnsubscribePage.tsx'));
const StudioAnalyticsPage = lazy(() => import('../pages/studio/analytics/StudioAnalyticsPage.tsx'));
const VideoAnalyticsPage = lazy(() => import('../pages/studio/analytics/VideoAnalyticsPage.tsx'));
const LivePage = lazy(() => import('../pages/LivePage.tsx'));
const StudioLivePage = lazy(() => import('../pages/studio/StudioLivePage.tsx'));
const CoursesPage = lazy(() => import('../pages/courses/CoursesPage.tsx'));
const CoursePage = lazy(() => import('../pages/courses/CoursePage.tsx'));
const LessonPage = lazy(() => import('../pages/courses/LessonPage.tsx'));
const LeaderboardPage = lazy(() => import('../pages/courses/LeaderboardPage.tsx'));
const CertificatePage = lazy(() => import('../pages/courses/CertificatePage.tsx'));
const StudioCoursesPage = lazy(() => import('../pages/courses/StudioCoursesPage.tsx'));
const CourseBuilderPage = lazy(() => import('../pages/courses/CourseBuilderPage.tsx'));
const ClassesPage = lazy(() => import('../pages/booking/ClassesPage.tsx'));
const ClassPage = lazy(() => import('../pages/booking/ClassPage.tsx'));
const MyBookingsPage = lazy(() => import('../pages/booking/MyBookingsPage.tsx'));
const StudioClassesPage = lazy(() => import('../pages/booking/StudioClassesPage.tsx'));

export function App() {
  useTrackNavigation();
  return (
    <Shell>
      <ErrorBoundary>
        <Suspense fallback={<PageSkeleton />}>
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/trending" element={<TrendingPage />} />
            <Route path="/subscriptions" element={<SubscriptionsPage />} />
            <Route path="/library/:section?" element={<LibraryPage />} />
            <Route path="/search" element={<SearchPage />} />
            <Route path="/watch/:id" element={<WatchPage />} />
            <Route path="/channel/:id/:tab?" element={<ChannelPage />} />
            <Route path="/playlist/:id" element={<PlaylistPage />} />
            <Route path="/upload" element={<UploadPage />} />
            <Route path="/studio" element={<StudioPage />} />
            <Route path="/studio/analytics" element={<StudioAnalyticsPage />} />
            <Route path="/studio/live" element={<StudioLivePage />} />
            <Route path="/studio/courses" element={<StudioCoursesPage />} />
            <Route path="/studio/courses/:id" element={<CourseBuilderPage />} />
            <Route path="/live/:id" element={<LivePage />} />
            <Route path="/studio/analytics/:videoId" element={<VideoAnalyticsPage />} />
            <Route path="/studio/:id/ai" element={<StudioVideoAiPage />} />
            <Route path="/admin/:tab?" element={<AdminPage />} />
            <Route path="/courses" element={<CoursesPage />} />
            <Route path="/courses/:id" element={<CoursePage />} />
            <Route path="/courses/:id/lessons/:lessonId" element={<LessonPage />} />
            <Route path="/leaderboard" element={<LeaderboardPage />} />
            <Route path="/certificates/:id" element={<CertificatePage />} />
            <Route path="/login" element={<LoginPage />} />
            <Route path="/register" element={<RegisterPage />} />
            <Route path="/forgot-password" element={<ForgotPasswordPage />} />
            <Route path="/reset-password" element={<ResetPasswordPage />} />
            <Route path="/notifications" element={<NotificationsPage />} />
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="/settings/notifications" element={<NotificationSettingsPage />} />
            <Route path="/unsubscribe" element={<UnsubscribePage />} />
            <Route path="/classes" element={<ClassesPage />} />
            <Route path="/classes/:id" element={<ClassPage />} />
            <Route path="/bookings" element={<MyBookingsPage />} />
            <Route path="/studio/classes" element={<StudioClassesPage />} />
            <Route path="/notes/join/:token" element={<JoinNotePage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </ErrorBoundary>
    </Shell>
  );
}
