import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/auth-context.tsx';
import { FormField } from '../../components/FormField.tsx';
import { useApiForm } from '../../hooks/useApiForm.ts';
import { safeNext } from './safe-next.ts';
import { FormError } from '../../components/FormError.tsx';

export default function RegisterPage() {
  const { register } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [fields, setFields] = useState({ username: '', email: '', password: '' });
  const [creator, setCreator] = useState(true);
  const form = useApiForm(async () => {
    await register({ ...fields, role: creator ? 'creator' : 'viewer' });
    navigate(safeNext(params.get('next')), { replace: true });
  });
  const bind = (name: keyof typeof fields) => ({
    name,
    value: fields[name],
    onChange: (event: { target: { value: string } }) => setFields((old) => ({ ...old, [name]: event.target.value })),
    error: form.fieldError(name),
  });

  return (
    <form className="auth-form" onSubmit={form.onSubmit} noValidate>
      <h1>Create your account</h1>
      <FormError message={form.formError} />
      <FormField label="Username" autoComplete="username" {...bind('username')} />
      <FormField label="Email" type="email" autoComplete="email" {...bind('email')} />
      <FormField label="Password" type="password" autoComplete="new-password" {...bind('password')} />
      <label className="checkbox">
        <input
          type="checkbox"
          name="creator"
          checked={creator}
          onChange={(event) => setCreator(event.target.checked)}
        />
        Open a channel so I can upload videos
      </label>
      <button type="submit" className="button primary" disabled={form.pending}>
        {form.pending ? 'Creating…' : 'Create account'}
      </button>
      <p>
        Already have an account? <Link to="/login">Sign in</Link>
      </p>
    </form>
  );
}
