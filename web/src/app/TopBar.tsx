import { Link } from 'react-router-dom';
import { SearchBox } from './SearchBox.tsx';
import { AccountMenu } from './AccountMenu.tsx';
import { useTheme } from './theme.ts';
import { NotificationBell } from '../notifications/NotificationBell.tsx';

export function TopBar({ onToggleNav }: { onToggleNav: () => void }) {
  const [theme, toggleTheme] = useTheme();
  return (
    <header className="top-bar">
      <button type="button" className="icon-button nav-toggle" aria-label="Toggle navigation" onClick={onToggleNav}>☰</button>
      <Link to="/" className="logo" aria-label="StreamHub home">Stream<span>Hub</span></Link>
      <SearchBox />
      <div className="top-actions">
        <Link to="/upload" className="button primary">Upload</Link>
        <button
          type="button"
          className="icon-button"
          aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
          onClick={toggleTheme}
        >
          {theme === 'dark' ? '☀' : '☾'}
        </button>
        <NotificationBell />
        <AccountMenu />
      </div>
    </header>
  );
}
