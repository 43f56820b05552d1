// The sign-in's state and steps: ask the relay for a code (with a cooldown before asking again),
// go straight to typing a code asked for elsewhere, check a code or a pasted link. A refusal is
// kept as given: `invalid_arguments` details are shown at their fields, anything else above the
// button.
import { useEffect, useState, type FormEvent } from 'react';
import type { CommandError, CommandResult } from '../../../common/command-map.js';
import { useBridge } from '../data/bridge-context.js';
import { tokenFromLink } from './sign-in-link.js';

type Session = CommandResult<'session.get'>;
export type Step = 'email' | 'code' | 'link';

/** seconds before another code may be asked for */
export const RESEND_COOLDOWN = 30;

export function useSignIn(session: Session, onSignedIn: (session: Session) => void) {
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

  return {
    step,
    setStep,
    relayUrl,
    setRelayUrl,
    email,
    setEmail,
    sent,
    code,
    setCode,
    link,
    setLink,
    error,
    setError,
    notice,
    busy,
    cooldown,
    fieldError,
    formError: Boolean(formError),
    requestCode,
    haveCode,
    verifyCode,
    verifyLink,
  };
}

export type SignInState = ReturnType<typeof useSignIn>;
