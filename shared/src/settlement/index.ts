// The settlement arithmetic: pure functions, shared by the relay's settlement sheet and the desktop.
export { divideRounded, percentText, shareOf, toCents } from './cents-math.js';
export type { SettlementDealTerms, SettlementLine } from './settlement-inputs.js';
export { settleShow, type Settlement, type SheetLine } from './settle-show.js';
export { tallyLines, type ExpenseItem, type LineTally } from './tally-lines.js';
