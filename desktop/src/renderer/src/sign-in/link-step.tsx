// A sign-in link pasted from the email instead of a code.
import { ErrorNote, inputClass, primaryButtonClass } from '../ui/controls.js';
import { described, SignInField } from './sign-in-field.js';
import type { SignInState } from './use-sign-in.js';

export function LinkStep({ signIn, ids }: { signIn: SignInState; ids: string }) {
  const { link, setLink, error, busy, formError, verifyLink, fieldError } = signIn;
  return (
    <form className="space-y-4" onSubmit={verifyLink} noValidate>
      <SignInField id={`${ids}-token`} label="Sign-in link" error={fieldError('token')}>
        <textarea
          {...described(`${ids}-token`, fieldError('token'))}
          className={`${inputClass} h-20 font-mono text-xs`}
          value={link}
          onChange={(event) => setLink(event.target.value)}
          placeholder="https://…/sign-in?token=…"
          spellCheck={false}
          autoFocus
          required
        />
      </SignInField>
      {formError && <ErrorNote error={error} />}
      <button type="submit" className={`${primaryButtonClass} w-full`} disabled={busy || !link.trim()}>
        {busy ? 'Checking…' : 'Sign in with link'}
      </button>
    </form>
  );
}
