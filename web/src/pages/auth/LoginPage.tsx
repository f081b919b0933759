import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/auth-context.tsx';
import { FormField } from '../../components/FormField.tsx';
import { useApiForm } from '../../hooks/useApiForm.ts';
import { safeNext } from './safe-next.ts';
import { FormError } from '../../components/FormError.tsx';

export default function LoginPage() {
  const { login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useApiForm(async () => {
    await login(email, password);
    navigate(safeNext(params.get('next')), { replace: true });
  });

  return (
    <form className="auth-form" onSubmit={form.onSubmit} noValidate>
      <h1>Sign in</h1>
      <FormError message={form.formError} />
      <FormField
        label="Email or username"
        name="email"
        autoComplete="username"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={form.fieldError('email')}
      />
      <FormField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={form.fieldError('password')}
      />
      <button type="submit" className="button primary" disabled={form.pending}>
        {form.pending ? 'Signing in…' : 'Sign in'}
      </button>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New here?{' '}
        <Link to={`/register${params.get('next') ? `?next=${encodeURIComponent(params.get('next')!)}` : ''}`}>
          Create an account
        </Link>
      </p>
    </form>
  );
}
