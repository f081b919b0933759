import { NavLink } from 'react-router-dom';
import { useAuth } from '../auth/auth-context.tsx';
import { useTheme } from './theme.ts';

const MAIN_LINKS = [
  { to: '/', label: 'Home', end: true },
  { to: '/trending', label: 'Trending' },
  { to: '/subscriptions', label: 'Subscriptions' },
  { to: '/courses', label: 'Courses' },
  { to: '/classes', label: 'Live classes' },
];

const LIBRARY_LINKS = [
  { to: '/library/history', label: 'History' },
  { to: '/library/liked', label: 'Liked videos' },
  { to: '/library/playlists', label: 'Playlists' },
  { to: '/library/watch-later', label: 'Watch later' },
  { to: '/bookings', label: 'My bookings' },
];

export function SideNav({ onNavigate }: { onNavigate: () => void }) {
  const { user } = useAuth();
  const [theme, toggleTheme] = useTheme();
  const link = ({ to, label, end }: { to: string; label: string; end?: boolean }) => (
    <li key={to}>
      <NavLink to={to} end={end} onClick={onNavigate}>
        {label}
      </NavLink>
    </li>
  );
  return (
    <nav className="side-nav" aria-label="Main">
      <ul>{MAIN_LINKS.map(link)}</ul>
      <h2 className="nav-heading">Library</h2>
      <ul>{LIBRARY_LINKS.map(link)}</ul>
      {user && (user.role === 'creator' || user.role === 'admin') && (
        <ul>
          {link({ to: '/studio', label: 'Studio', end: true })}
          {link({ to: '/studio/analytics', label: 'Analytics' })}
          {link({ to: '/studio/live', label: 'Go live' })}
          {link({ to: '/studio/courses', label: 'Course builder' })}
          {link({ to: '/studio/classes', label: 'Classes' })}
        </ul>
      )}
      {user?.role === 'admin' && <ul>{link({ to: '/admin', label: 'Admin' })}</ul>}
      <ul className="phone-only">{link({ to: '/upload', label: 'Upload' })}</ul>
      {/* The top bar has no room for the theme switch on phones: the drawer carries it there. */}
      <button type="button" className="button nav-theme" onClick={toggleTheme}>
        {theme === 'dark' ? 'Light theme' : 'Dark theme'}
      </button>
    </nav>
  );
}
