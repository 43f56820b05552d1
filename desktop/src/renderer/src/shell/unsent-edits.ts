// What the sign-out warning says, from the counts the core sends with its pending_changes
// refusal (details.pending, details.refused), in words that agree with the numbers.

const edits = (count: number) => `${count} ${count === 1 ? 'edit' : 'edits'}`;

export function unsentEditsMessage(details: Readonly<Record<string, string>> | undefined, fallback: string): string {
  const pending = Number(details?.pending ?? 0);
  const refused = Number(details?.refused ?? 0);
  if (!(pending > 0 || refused > 0)) return fallback;
  const parts = [
    pending > 0 ? `${edits(pending)} ${pending === 1 ? 'has' : 'have'} not reached the relay yet` : '',
    refused > 0 ? `${edits(refused)} the relay refused ${refused === 1 ? 'is' : 'are'} waiting for you` : '',
  ].filter(Boolean);
  const after =
    pending > 0
      ? 'They stay on this computer and upload the next time you sign in here.'
      : 'They stay on this computer for the next time you sign in here.';
  return `${parts.join(', and ')}. ${after}`;
}
