import { useState } from 'react';
import { Link } from 'react-router-dom';
import { requestPasswordReset } from '../../auth/auth-api.ts';
import { FormField } from '../../components/FormField.tsx';
import { useApiForm } from '../../hooks/useApiForm.ts';
import { FormError } from '../../components/FormError.tsx';

export default function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const form = useApiForm(async () => {
    const answer = await requestPasswordReset(email);
    setSent(answer.message);
  });

  if (sent) {
    return (
      <section className="auth-form">
        <h1>Check your email</h1>
        <p role="status">{sent}.</p>
        <p>
          <Link to="/login">Back to sign in</Link>
        </p>
      </section>
    );
  }
  return (
    <form className="auth-form" onSubmit={form.onSubmit} noValidate>
      <h1>Reset your password</h1>
      <p className="muted">We will email you a link to choose a new password.</p>
      <FormError message={form.formError} />
      <FormField
        label="Email"
        type="email"
        name="email"
        autoComplete="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={form.fieldError('email')}
      />
      <button type="submit" className="button primary" disabled={form.pending}>
        Send reset link
      </button>
    </form>
  );
}
