/** a code as words for a label where no wording of its own exists: 'SOFT_HOLD' → 'Soft hold' */
export const humanize = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replaceAll('_', ' ');
