// The six-digit code from the mail, with the way back to another email and a resend once the
// cooldown is over.
import { ErrorNote, inputClass, primaryButtonClass } from '../ui/controls.js';
import { described, SignInField } from './sign-in-field.js';
import type { SignInState } from './use-sign-in.js';

export function CodeStep({ signIn, ids }: { signIn: SignInState; ids: string }) {
  const { code, setCode, error, notice, busy, cooldown, formError, requestCode, verifyCode, setStep, fieldError } =
    signIn;
  return (
    <form className="space-y-4" onSubmit={verifyCode} noValidate>
      {notice && <p className="text-sm text-emerald-700 dark:text-emerald-400">{notice}</p>}
      <SignInField id={`${ids}-code`} label="Six-digit code" error={fieldError('code')}>
        <input
          {...described(`${ids}-code`, fieldError('code'))}
          className={`${inputClass} text-center font-mono text-lg tracking-[0.4em]`}
          value={code}
          onChange={(event) => setCode(event.target.value.replace(/\D/g, '').slice(0, 6))}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          autoFocus
          required
        />
      </SignInField>
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
  );
}
