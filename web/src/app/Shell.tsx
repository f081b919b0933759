import { useState, type ReactNode } from 'react';
import { TopBar } from './TopBar.tsx';
import { SideNav } from './SideNav.tsx';
import { OfflineBanner } from './OfflineBanner.tsx';

export function Shell({ children }: { children: ReactNode }) {
  const [navOpen, setNavOpen] = useState(false);
  return (
    <div className={navOpen ? 'shell nav-open' : 'shell'}>
      <a className="skip-link" href="#main">Skip to content</a>
      <TopBar onToggleNav={() => setNavOpen((open) => !open)} />
      <SideNav onNavigate={() => setNavOpen(false)} />
      <main id="main" className="content" tabIndex={-1}>
        <OfflineBanner />
        {children}
      </main>
    </div>
  );
}
