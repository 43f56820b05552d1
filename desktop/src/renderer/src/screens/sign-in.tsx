// Sign-in: relay address and email → a six-digit code from the mail, or a pasted sign-in link.
// Field errors come from `invalid_arguments` details; the relay's own refusals show as given.
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import type { CommandError, CommandResult } from '../../../common/command-map.js';
import { useBridge } from '../data/bridge-context.js';
import { ErrorNote, inputClass, primaryButtonClass } from '../ui/controls.js';

type Session = CommandResult<'session.get'>;
type Step = 'email' | 'code' | 'link';

/** seconds before another code may be asked for */
export const RESEND_COOLDOWN = 30;

/** A pasted sign-in link (any URL with ?token=…) or the bare token. */
export function tokenFromLink(text: string): string {
  const trimmed = text.trim();
  try {
    return new URL(trimmed).searchParams.get('token') ?? trimmed;
  } catch {
    return trimmed;
  }
}

export function SignIn({ session, onSignedIn }: { session: Session; onSignedIn: (session: Session) => void }) {
  const bridge = useBridge();
  const [step, setStep] = useState<Step>('email');
  const [relayUrl, setRelayUrl] = useState(session.relayUrl);
  // the address last used on this device (or the demo owner's, under `npm start`)
  const [email, setEmail] = useState(session.state === 'signed-out' ? (session.email ?? '') : '');
  /** whether this form asked for the code being typed (else the member already had one) */
  const [sent, setSent] = useState(false);
  const [code, setCode] = useState('');
  const [link, setLink] = useState('');
  const [error, setError] = useState<CommandError>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [cooldown, setCooldown] = useState(0);
  const ids = useId();

  useEffect(() => {
    if (cooldown <= 0) return;
    const timer = setTimeout(() => setCooldown((left) => left - 1), 1000);
    return () => clearTimeout(timer);
  }, [cooldown]);

  const fieldError = (field: string) => (error?.code === 'invalid_arguments' ? error.details?.[field] : undefined);
  const formError =
    error && !(error.code === 'invalid_arguments' && error.details && Object.keys(error.details).length);

  async function run<T>(work: () => Promise<{ ok: true; value: T } | { ok: false; error: CommandError }>) {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const outcome = await work();
      if (!outcome.ok) setError(outcome.error);
      return outcome.ok ? outcome.value : undefined;
    } finally {
      setBusy(false);
    }
  }

  async function requestCode(event?: FormEvent) {
    event?.preventDefault();
    const requested = await run(() =>
      bridge.invoke('auth.requestCode', { relayUrl: relayUrl.trim(), email: email.trim() }),
    );
    if (requested) {
      setNotice(requested.message);
      setSent(true);
      setStep('code');
      setCode('');
      setCooldown(RESEND_COOLDOWN);
    }
  }

  /** a code asked for elsewhere (`npm start` prints one): straight to typing it */
  function haveCode() {
    setError(undefined);
    setNotice(undefined);
    const refuse = (field: string, message: string) =>
      setError({ code: 'invalid_arguments', message, details: { [field]: message } });
    if (!email.trim()) return refuse('email', 'Enter the email the code was sent to.');
    // a code is checked by the relay the app is on; another one is reached by asking it for a code
    if (relayUrl.trim().replace(/\/+$/, '') !== session.relayUrl.replace(/\/+$/, '')) {
      return refuse('relayUrl', 'To sign in to another relay, send a code from it first.');
    }
    setSent(false);
    setCode('');
    setStep('code');
  }

  async function verifyCode(event: FormEvent) {
    event.preventDefault();
    const next = await run(() => bridge.invoke('auth.verifyCode', { email: email.trim(), code: code.trim() }));
    if (next) onSignedIn(next);
  }

  async function verifyLink(event: FormEvent) {
    event.preventDefault();
    const next = await run(() => bridge.invoke('auth.verifyLink', { token: tokenFromLink(link) }));
    if (next) onSignedIn(next);
  }

  const field = (name: string, label: string, input: ReactNode, hint?: string) => (
    <div className="space-y-1">
      <label htmlFor={`${ids}-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      {input}
      {hint && !fieldError(name) && <p className="text-xs text-zinc-500 dark:text-zinc-400">{hint}</p>}
      <ErrorNote id={`${ids}-${name}-error`} error={fieldError(name)} />
    </div>
  );
  const described = (name: string) => ({
    id: `${ids}-${name}`,
    'aria-invalid': fieldError(name) ? true : undefined,
    'aria-describedby': fieldError(name) ? `${ids}-${name}-error` : undefined,
  });

  return (
    <main className="flex min-h-screen items-center justify-center bg-zinc-50 p-6 dark:bg-zinc-950">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-zinc-200 bg-white p-7 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <div>
          <h1 className="text-lg font-semibold">Sign in to PromoterOS</h1>
          <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
            {step === 'code'
              ? sent
                ? `We sent a six-digit code to ${email.trim()}.`
                : `Type the six-digit code you have for ${email.trim()}.`
              : step === 'link'
                ? 'Paste the sign-in link from your email.'
                : 'Your venue’s relay sends you a code by email.'}
          </p>
          {session.state === 'signed-out' && session.reason && step === 'email' && (
            <p className="mt-2 text-sm text-amber-700 dark:text-amber-400">{session.reason}</p>
          )}
        </div>

        {step === 'email' && (
          <form className="space-y-4" onSubmit={requestCode} noValidate>
            {field(
              'relayUrl',
              'Relay address',
              <input
                {...described('relayUrl')}
                className={inputClass}
                type="url"
                value={relayUrl}
                onChange={(event) => setRelayUrl(event.target.value)}
                autoComplete="url"
                spellCheck={false}
                required
              />,
            )}
            {field(
              'email',
              'Email',
              <input
                {...described('email')}
                className={inputClass}
                type="email"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                autoComplete="email"
                placeholder="you@venue.com"
                autoFocus
                required
              />,
            )}
            {formError && <ErrorNote error={error} />}
            <button type="submit" className={`${primaryButtonClass} w-full`} disabled={busy}>
              {busy ? 'Sending…' : 'Send sign-in code'}
            </button>
            <button
              type="button"
              className="w-full text-center text-sm text-indigo-600 hover:underline dark:text-indigo-400"
              onClick={haveCode}
            >
              I already have a code
            </button>
          </form>
        )}

        {step === 'code' && (
          <form className="space-y-4" onSubmit={verifyCode} noValidate>
            {notice && <p className="text-sm text-emerald-700 dark:text-emerald-400">{notice}</p>}
            {field(
              'code',
              'Six-digit code',
              <input
                {...described('code')}
                className={`${inputClass} text-center font-mono text-lg tracking-[0.4em]`}
                value={code}
                onChange={(event) => setCode(event.target.value.replace(/\D/g, '').slice(0, 6))}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                autoFocus
                required
              />,
            )}
            {formError && <ErrorNote error={error} />}
            <button type="submit" className={`${primaryButtonClass} w-full`} disabled={busy || code.length !== 6}>
              {busy ? 'Checking…' : 'Sign in'}
            </button>
            <div className="flex justify-between text-sm">
              <button
                type="button"
                className="text-indigo-600 hover:underline dark:text-indigo-400"
                onClick={() => setStep('email')}
              >
                Use another email
              </button>
              <button
                type="button"
                className="text-indigo-600 hover:underline disabled:text-zinc-400 disabled:no-underline dark:text-indigo-400"
                onClick={() => void requestCode()}
                disabled={busy || cooldown > 0}
              >
                {cooldown > 0 ? `Resend code in ${cooldown} s` : 'Resend code'}
              </button>
            </div>
          </form>
        )}

        {step === 'link' && (
          <form className="space-y-4" onSubmit={verifyLink} noValidate>
            {field(
              'token',
              'Sign-in link',
              <textarea
                {...described('token')}
                className={`${inputClass} h-20 font-mono text-xs`}
                value={link}
                onChange={(event) => setLink(event.target.value)}
                placeholder="https://…/sign-in?token=…"
                spellCheck={false}
                autoFocus
                required
              />,
            )}
            {formError && <ErrorNote error={error} />}
            <button type="submit" className={`${primaryButtonClass} w-full`} disabled={busy || !link.trim()}>
              {busy ? 'Checking…' : 'Sign in with link'}
            </button>
          </form>
        )}

        <div className="border-t border-zinc-200 pt-4 text-center text-sm dark:border-zinc-800">
          <button
            type="button"
            className="text-indigo-600 hover:underline dark:text-indigo-400"
            onClick={() => {
              setError(undefined);
              setStep(step === 'link' ? 'email' : 'link');
            }}
          >
            {step === 'link' ? 'Sign in with an email code instead' : 'Paste a sign-in link instead'}
          </button>
        </div>
      </div>
    </main>
  );
}
