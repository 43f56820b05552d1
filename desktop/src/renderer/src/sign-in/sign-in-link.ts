// A sign-in link as the member pastes it: the whole link from the email (any URL with
// ?token=…), or the bare token.
export function tokenFromLink(text: string): string {
  const trimmed = text.trim();
  try {
    return new URL(trimmed).searchParams.get('token') ?? trimmed;
  } catch {
    return trimmed;
  }
}
