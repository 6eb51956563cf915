import { type FormEvent, useState } from 'react';
import { errorText, postJson } from '../api.ts';
import { Layout } from '../components/layout.tsx';
import { Notice } from '../components/notice.tsx';
import { Link, useLocation } from '../router.tsx';
import { useResource } from '../use-resource.ts';
import { OrderDetail } from './order-detail.tsx';
import { OrdersPanel } from './orders-panel.tsx';
import { SubscriptionsPanel } from './subscriptions-panel.tsx';

function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await postJson('/api/admin/session', { password });
      onSignedIn();
    } catch (err) {
      setError(errorText(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card narrow" onSubmit={submit}>
      <h1>Shop admin</h1>
      <label className="field">
        <span>Password</span>
        <input
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

/** /admin: sign-in, then orders, one order, or subscriptions. */
export function AdminPage() {
  const session = useResource<{ signedIn: boolean; sandbox: boolean }>('/api/admin/session');
  const { path } = useLocation();
  if (!session.data) {
    return <Layout admin>{session.error ? <Notice tone="error">{session.error}</Notice> : null}</Layout>;
  }
  if (!session.data.signedIn) {
    return (
      <Layout admin>
        <SignIn onSignedIn={() => void session.reload()} />
      </Layout>
    );
  }
  const signOut = async () => {
    await postJson('/api/admin/session/end').catch(() => undefined);
    await session.reload();
  };
  const orderId = /^\/admin\/orders\/([^/]+)$/.exec(path)?.[1];
  return (
    <Layout admin>
      <div className="admin-bar">
        <nav className="tabs" aria-label="Admin">
          <Link href="/admin" aria-current={path === '/admin' || orderId ? 'page' : undefined}>
            Orders
          </Link>
          <Link
            href="/admin/subscriptions"
            aria-current={path === '/admin/subscriptions' ? 'page' : undefined}
          >
            Subscriptions
          </Link>
        </nav>
        <button type="button" className="link-button" onClick={signOut}>
          Sign out
        </button>
      </div>
      {orderId ? (
        <OrderDetail key={orderId} orderId={decodeURIComponent(orderId)} />
      ) : path === '/admin/subscriptions' ? (
        <SubscriptionsPanel sandbox={session.data.sandbox} />
      ) : (
        <OrdersPanel />
      )}
    </Layout>
  );
}
