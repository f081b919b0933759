import { useState } from 'react';
import { Link } from 'react-router-dom';
import { SearchBox } from './SearchBox.tsx';
import { AccountMenu } from './AccountMenu.tsx';
import { useTheme } from './theme.ts';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { Icon } from '../player/PlayerIcons.tsx';

/**
 * The top bar. On phones the search field hides behind an icon (CSS, phone.css): the icon opens it
 * full-width over the bar, with a back arrow, and it closes again after a search.
 */
export function TopBar({ onToggleNav, navOpen }: { onToggleNav: () => void; navOpen: boolean }) {
  const [theme, toggleTheme] = useTheme();
  const [searchOpen, setSearchOpen] = useState(false);
  return (
    <header className={searchOpen ? 'top-bar search-open' : 'top-bar'}>
      <button
        type="button"
        className="icon-button nav-toggle"
        aria-label="Toggle navigation"
        aria-expanded={navOpen}
        onClick={onToggleNav}
      >
        ☰
      </button>
      <Link to="/" className="logo" aria-label="StreamHub home">
        Stream<span>Hub</span>
      </Link>
      {searchOpen && (
        <button
          type="button"
          className="icon-button search-back"
          aria-label="Close search"
          onClick={() => setSearchOpen(false)}
        >
          <Icon name="back" />
        </button>
      )}
      <SearchBox expanded={searchOpen} onDone={() => setSearchOpen(false)} />
      <div className="top-actions">
        <button
          type="button"
          className="icon-button search-toggle"
          aria-label="Open search"
          onClick={() => setSearchOpen(true)}
        >
          <Icon name="search" />
        </button>
        <Link to="/upload" className="button primary upload-link">
          Upload
        </Link>
        <button
          type="button"
          className="icon-button theme-toggle"
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
