// The first step: the relay's address and the member's email; the relay mails a six-digit code.
// A member who already has one (`npm start` prints one) goes straight to typing it.
import { ErrorNote, inputClass, primaryButtonClass } from '../ui/controls.js';
import { described, SignInField } from './sign-in-field.js';
import type { SignInState } from './use-sign-in.js';

export function EmailStep({ signIn, ids }: { signIn: SignInState; ids: string }) {
  const { relayUrl, setRelayUrl, email, setEmail, error, busy, formError, requestCode, haveCode, fieldError } = signIn;
  return (
    <form className="space-y-4" onSubmit={requestCode} noValidate>
      <SignInField id={`${ids}-relayUrl`} label="Relay address" error={fieldError('relayUrl')}>
        <input
          {...described(`${ids}-relayUrl`, fieldError('relayUrl'))}
          className={inputClass}
          type="url"
          value={relayUrl}
          onChange={(event) => setRelayUrl(event.target.value)}
          autoComplete="url"
          spellCheck={false}
          required
        />
      </SignInField>
      <SignInField id={`${ids}-email`} label="Email" error={fieldError('email')}>
        <input
          {...described(`${ids}-email`, fieldError('email'))}
          className={inputClass}
          type="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          autoComplete="email"
          placeholder="you@venue.com"
          autoFocus
          required
        />
      </SignInField>
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
  );
}
