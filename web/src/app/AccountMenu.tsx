import { useCallback, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/auth-context.tsx';
import { useDismiss } from '../hooks/useDismiss.ts';

export function AccountMenu() {
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);

  useDismiss(
    container,
    open,
    useCallback(() => setOpen(false), []),
  );

  if (!user)
    return (
      <Link to="/login" className="button">
        Sign in
      </Link>
    );

  return (
    <div className="account-menu" ref={container}>
      <button
        type="button"
        className="avatar-button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar" aria-hidden="true">
          {user.username.slice(0, 1).toUpperCase()}
        </span>
        <span className="sr-only">Account menu for {user.username}</span>
      </button>
      {open && (
        <div className="menu" role="menu" onClick={() => setOpen(false)}>
          <p className="menu-header">
            {user.username}
            <br />
            <small className="muted">{user.email}</small>
          </p>
          <Link role="menuitem" to={`/channel/${user.id}`}>
            Your channel
          </Link>
          {(user.role === 'creator' || user.role === 'admin') && (
            <Link role="menuitem" to="/studio">
              Studio
            </Link>
          )}
          {user.role === 'admin' && (
            <Link role="menuitem" to="/admin">
              Admin
            </Link>
          )}
          <Link role="menuitem" to="/settings">
            Settings
          </Link>
          <button
            role="menuitem"
            type="button"
            onClick={() => {
              void logout().then(() => navigate('/'));
            }}
          >
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
