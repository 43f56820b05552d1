// The form's fields as the page shows them: label, control, hint. Shared by the server's page and
// the browser script (which needs the labels' order for its error summary).
import { formatCount, usableLocale } from '@promoteros/shared/format';

export interface FieldSpec {
  readonly name: string;
  readonly label: string;
  readonly control: 'text' | 'email' | 'tel' | 'date' | 'time' | 'textarea';
  readonly required: boolean;
  readonly autocomplete?: string;
  readonly inputMode?: 'numeric' | 'decimal';
  readonly hint?: string;
  /** fields laid out side by side share a row */
  readonly row?: string;
}

export interface FieldGroup {
  readonly legend: string;
  readonly fields: readonly FieldSpec[];
}

/**
 * The groups of the form, with the venue's zone named where times are asked and the numbers
 * written in the organization's locale (the words stay English).
 */
export function fieldGroups(zone: string, capacity: number, minAttendance: number, locale: string): FieldGroup[] {
  const count = (n: number) => formatCount(n, usableLocale(locale));
  const lowest = count(Math.max(1, minAttendance));
  return [
    {
      legend: 'About you',
      fields: [
        { name: 'name', label: 'Your name', control: 'text', required: true, autocomplete: 'name' },
        { name: 'email', label: 'Email address', control: 'email', required: true, autocomplete: 'email' },
        { name: 'phone', label: 'Phone number', control: 'tel', required: false, autocomplete: 'tel' },
        { name: 'company', label: 'Company or agency', control: 'text', required: false, autocomplete: 'organization' },
      ],
    },
    {
      legend: 'The event',
      fields: [
        { name: 'artist', label: 'Artist or act', control: 'text', required: true },
        { name: 'eventTitle', label: 'Event title', control: 'text', required: true },
        { name: 'description', label: 'Description', control: 'textarea', required: false },
        {
          name: 'preferredDate',
          label: 'Preferred date',
          control: 'date',
          required: true,
          hint: 'For example 2027-06-14',
        },
        {
          name: 'startTime',
          label: 'Start time',
          control: 'time',
          required: true,
          hint: `Venue time: ${zone}`,
          row: 'times',
        },
        {
          name: 'endTime',
          label: 'End time',
          control: 'time',
          required: true,
          hint: `Venue time: ${zone}`,
          row: 'times',
        },
        {
          name: 'alternativeDate',
          label: 'Alternative date',
          control: 'date',
          required: false,
          hint: 'Same start and end times as the preferred date',
        },
        {
          name: 'expectedAttendance',
          label: 'Expected attendance',
          control: 'text',
          inputMode: 'numeric',
          required: true,
          hint: `Between ${lowest} and ${count(capacity)} people`,
        },
      ],
    },
    {
      legend: 'Deal and production',
      fields: [
        {
          name: 'budgetMin',
          label: 'Budget from',
          control: 'text',
          inputMode: 'decimal',
          required: false,
          hint: 'An amount, such as 2500',
          row: 'budget',
        },
        {
          name: 'budgetMax',
          label: 'Budget up to',
          control: 'text',
          inputMode: 'decimal',
          required: false,
          hint: 'An amount, such as 4000',
          row: 'budget',
        },
        {
          name: 'dealNotes',
          label: 'Deal or split notes',
          control: 'textarea',
          required: false,
          hint: 'Guarantee, door split, versus deal…',
        },
        {
          name: 'techNeeds',
          label: 'Tech needs',
          control: 'textarea',
          required: false,
          hint: 'Backline, sound, lights, stage plot',
        },
      ],
    },
  ];
}

/** The id of a field's control, its hint and its error message. */
export const fieldIds = (name: string) => ({ control: `f-${name}`, hint: `f-${name}-hint`, error: `f-${name}-error` });
