import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { resetPassword } from '../../auth/auth-api.ts';
import { FormField } from '../../components/FormField.tsx';
import { useApiForm } from '../../hooks/useApiForm.ts';

export default function ResetPasswordPage() {
  const [params] = useSearchParams();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const form = useApiForm(async () => {
    const answer = await resetPassword({ token: params.get('token') ?? '', password });
    setDone(answer.message);
  });

  if (done) {
    return (
      <section className="auth-form">
        <h1>Password changed</h1>
        <p role="status">{done}.</p>
        <p>
          <Link className="button primary" to="/login">
            Sign in
          </Link>
        </p>
      </section>
    );
  }
  return (
    <form className="auth-form" onSubmit={form.onSubmit} noValidate>
      <h1>Choose a new password</h1>
      {(form.formError ?? form.fieldError('token')) && (
        <p className="form-error" role="alert">
          {form.formError ?? form.fieldError('token')}
        </p>
      )}
      <FormField
        label="New password"
        type="password"
        name="password"
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={form.fieldError('password')}
      />
      <button type="submit" className="button primary" disabled={form.pending}>
        Change password
      </button>
    </form>
  );
}
