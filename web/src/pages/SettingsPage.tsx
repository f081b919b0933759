import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { PrivateUser } from '../api/types.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { RequireSignIn } from '../auth/RequireSignIn.tsx';
import { FormField, FormTextArea } from '../components/FormField.tsx';
import { useApiForm } from '../hooks/useApiForm.ts';
import { FormError } from '../components/FormError.tsx';

/** The API's limit on the About text (users/schemas.ts). */
const BIO_MAX = 1000;

/** Your account: the name and About text your channel shows, your password, and where notifications go. */
export default function SettingsPage() {
  return (
    <RequireSignIn what="your settings">
      <section className="settings-page">
        <h1 className="page-title">Settings</h1>
        <SettingsSections />
      </section>
    </RequireSignIn>
  );
}

function SettingsSections() {
  const { user } = useAuth();
  if (!user) return null;
  return (
    <>
      <ProfileForm user={user} />
      <PasswordForm />
      <section className="settings-section">
        <h2>Notifications</h2>
        <p>
          <Link to="/settings/notifications">Choose what you hear about, and how</Link>
        </p>
      </section>
    </>
  );
}

function ProfileForm({ user }: { user: PrivateUser }) {
  const { saveProfile } = useAuth();
  const [username, setUsername] = useState(user.username);
  const [bio, setBio] = useState(user.bio);
  const [saved, setSaved] = useState(false);
  const form = useApiForm(async () => {
    setSaved(false);
    await saveProfile({ ...(username !== user.username ? { username } : {}), bio });
    setSaved(true);
  });
  const hasChannel = user.role !== 'viewer';
  return (
    <form className="settings-section" aria-label="Profile" onSubmit={form.onSubmit} noValidate>
      <h2>Profile</h2>
      <p className="muted">
        {hasChannel ? 'What your channel shows to everyone' : 'What others see beside your comments and playlists'} ·{' '}
        <Link to={`/channel/${user.id}/about`}>See it</Link>
      </p>
      <FormError message={form.formError} />
      <FormField
        label="Username"
        name="username"
        autoComplete="username"
        value={username}
        onChange={(event) => setUsername(event.target.value)}
        error={form.fieldError('username')}
      />
      <FormTextArea
        label={hasChannel ? 'About your channel' : 'About you'}
        name="bio"
        rows={5}
        maxLength={BIO_MAX}
        value={bio}
        onChange={(event) => setBio(event.target.value)}
        error={form.fieldError('bio')}
      />
      <button type="submit" className="button primary" disabled={form.pending}>
        {form.pending ? 'Saving…' : 'Save profile'}
      </button>
      {saved && (
        <p className="muted" role="status">
          Profile saved.
        </p>
      )}
    </form>
  );
}

function PasswordForm() {
  const { changePassword } = useAuth();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [changed, setChanged] = useState(false);
  const form = useApiForm(async () => {
    setChanged(false);
    await changePassword(currentPassword, newPassword);
    setCurrentPassword('');
    setNewPassword('');
    setChanged(true);
  });
  return (
    <form className="settings-section" aria-label="Password" onSubmit={form.onSubmit} noValidate>
      <h2>Password</h2>
      <p className="muted">Changing it signs you out everywhere else.</p>
      <FormError message={form.formError} />
      <FormField
        label="Current password"
        type="password"
        name="currentPassword"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(event) => setCurrentPassword(event.target.value)}
        error={form.fieldError('currentPassword')}
      />
      <FormField
        label="New password"
        type="password"
        name="newPassword"
        autoComplete="new-password"
        value={newPassword}
        onChange={(event) => setNewPassword(event.target.value)}
        error={form.fieldError('newPassword')}
      />
      <button type="submit" className="button primary" disabled={form.pending}>
        {form.pending ? 'Changing…' : 'Change password'}
      </button>
      {changed && (
        <p className="muted" role="status">
          Password changed. Other devices were signed out.
        </p>
      )}
    </form>
  );
}
