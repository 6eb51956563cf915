import { type FormEvent, useEffect, useState } from 'react';
import { getPrograms } from '../../api/mycard-endpoints.ts';
import { useSignedInUser } from '../../api/session.tsx';
import { AppShell } from '../../components/app-shell.tsx';
import { errorText } from '../../i18n/error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, navigate, useLocation } from '../../lib/router.tsx';
import { useLoaded } from '../../lib/use-loaded.ts';
import { ProgramLogo } from './program-logo.tsx';

const searchDelayMs = 300;

function searchPath(q: string): string {
  const text = q.trim();
  return text ? `/wallet/mycard/add?q=${encodeURIComponent(text)}` : '/wallet/mycard/add';
}

/** The card catalogue: every program on offer, searched by name on the server; cards already held are marked. */
export function CataloguePage() {
  const { t } = useI18n();
  const { query } = useLocation();
  useSignedInUser();
  const q = query.get('q') ?? '';
  const [text, setText] = useState(q);
  const { value: programs, error } = useLoaded(`q:${q}`, () => getPrograms(q));

  // Typing searches after a short pause; the query lives in the URL so Back and reload keep it.
  useEffect(() => {
    if (text.trim() === q.trim()) {
      return;
    }
    const timer = setTimeout(() => navigate(searchPath(text), { replace: true }), searchDelayMs);
    return () => clearTimeout(timer);
  }, [text, q]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(searchPath(text), { replace: true });
  };

  return (
    <AppShell>
      <section className="card stack-s" aria-labelledby="catalogue-title">
        <div className="hero__head">
          <h1 id="catalogue-title" className="page-title">
            {t('mycard.catalogueTitle')}
          </h1>
          <Link className="link small" href="/wallet/mycard">
            {t('mycard.myCards')}
          </Link>
        </div>
        <search>
          <form className="search" onSubmit={submit}>
            <label htmlFor="mycard-search" className="visually-hidden">
              {t('mycard.search')}
            </label>
            <input
              id="mycard-search"
              className="input search__input"
              type="search"
              placeholder={t('mycard.searchPlaceholder')}
              autoComplete="off"
              maxLength={100}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="button button--secondary search__button">
              {t('mycard.searchButton')}
            </button>
          </form>
        </search>
        {error ? <p role="alert">{errorText(error, t)}</p> : null}
        {programs === undefined && !error ? <p aria-busy="true">{t('app.loading')}</p> : null}
        {programs?.length === 0 ? (
          <p className="muted" data-testid="catalogue-empty">
            {q ? t('mycard.noResults', { q }) : t('mycard.noPrograms')}
          </p>
        ) : null}
        <ul className="program-list" data-testid="catalogue" aria-busy={programs === undefined}>
          {(programs ?? []).map((p) => (
            <li key={p.programId} className="program-row">
              <ProgramLogo name={p.name} logoUrl={p.logoUrl} />
              <span className="program-row__text">
                <span className="program-row__name">{p.name}</span>
                <span className="muted small program-row__merchant">{p.merchantName}</span>
                {p.held ? <span className="pill pill--ok">{t('mycard.held')}</span> : null}
              </span>
              {p.held && p.bindingId ? (
                <Link
                  className="button button--ghost program-row__action"
                  href={`/wallet/mycard/cards/${encodeURIComponent(p.bindingId)}`}
                  aria-label={t('mycard.openNamed', { name: p.name })}
                >
                  {t('mycard.open')}
                </Link>
              ) : (
                <Link
                  className="button button--secondary program-row__action"
                  href={`/wallet/mycard/programs/${encodeURIComponent(p.programId)}`}
                  aria-label={t('mycard.addNamed', { name: p.name })}
                >
                  {t('mycard.addProgram')}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </section>
    </AppShell>
  );
}
