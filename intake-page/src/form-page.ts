// The request form, rendered on the server: it works with no JavaScript at all (a plain POST
// answered with this page again, values kept, each error next to its field and listed in a
// summary that takes the focus), and the browser script adds checks as the person types.
import { fieldGroups, fieldIds, type FieldSpec } from './form-fields.js';
import { markup, type Markup } from './html.js';
import { layout } from './layout.js';

export interface IntakePageModel {
  readonly organizationName: string;
  readonly venueName: string;
  readonly timezone: string;
  /** how the page names the zone: "Pacific Time (America/Los_Angeles)" */
  readonly zoneLabel: string;
  readonly capacity: number;
  readonly minAttendance: number;
  /** the organization's locale: how the page writes numbers (its words stay English) */
  readonly locale: string;
  /** where the form posts (its own path) */
  readonly action: string;
  readonly formToken: string;
  /** the page's script; without one the form still works */
  readonly scriptUrl?: string;
  /** what the person typed, by field name */
  readonly values?: Readonly<Record<string, string>>;
  /** the first problem of each field, by field name */
  readonly errors?: Readonly<Record<string, string>>;
  /** a problem with the form as a whole ("please take a moment…") */
  readonly notice?: string;
}

function control(field: FieldSpec, value: string, invalid: boolean, describedBy: string): Markup {
  const ids = fieldIds(field.name);
  const attributes = [
    markup`id="${ids.control}" name="${field.name}"`,
    field.required && markup` required aria-required="true"`,
    invalid && markup` aria-invalid="true"`,
    describedBy && markup` aria-describedby="${describedBy}"`,
    field.autocomplete && markup` autocomplete="${field.autocomplete}"`,
    field.inputMode && markup` inputmode="${field.inputMode}"`,
  ];
  if (field.control === 'textarea') return markup`<textarea ${attributes} rows="4">${value}</textarea>`;
  return markup`<input type="${field.control}" ${attributes} value="${value}">`;
}

function fieldMarkup(field: FieldSpec, model: IntakePageModel): Markup {
  const ids = fieldIds(field.name);
  const error = model.errors?.[field.name] ?? '';
  const describedBy = [field.hint ? ids.hint : '', error ? ids.error : ''].filter(Boolean).join(' ');
  const optional = field.required ? '' : markup` <span class="optional">(optional)</span>`;
  return markup`<div class="field" data-field="${field.name}">
<label for="${ids.control}">${field.label}${optional}</label>
${field.hint && markup`<p class="hint" id="${ids.hint}">${field.hint}</p>`}
<p class="error" id="${ids.error}">${error}</p>
${control(field, model.values?.[field.name] ?? '', error !== '', describedBy)}
</div>
`;
}

function summary(model: IntakePageModel, groups: ReturnType<typeof fieldGroups>): Markup {
  const errors = model.errors ?? {};
  const listed = groups.flatMap((g) => g.fields).filter((f) => errors[f.name]);
  const hidden = !model.notice && listed.length === 0;
  const title = model.notice ? 'Your request was not sent' : 'There is a problem with your request';
  // autofocus moves the focus to the summary when the page comes back with problems, with or
  // without the script; role=alert has it read out at once
  return markup`<div class="summary" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title"${
    hidden ? markup` hidden` : markup` autofocus`
  }>
<h2 id="error-summary-title">${title}</h2>
<p id="error-summary-notice"${model.notice ? '' : markup` hidden`}>${model.notice ?? ''}</p>
<ul>${listed.map((f) => markup`<li><a href="#${fieldIds(f.name).control}">${errors[f.name]!}</a></li>`)}</ul>
</div>`;
}

/** Fields that share a row sit side by side (start and end time, budget from and to). */
function rows(fields: readonly FieldSpec[], model: IntakePageModel): Markup[] {
  const out: Markup[] = [];
  for (let i = 0; i < fields.length; i += 1) {
    const field = fields[i]!;
    const next = fields[i + 1];
    if (field.row && next?.row === field.row) {
      out.push(markup`<div class="row">${fieldMarkup(field, model)}${fieldMarkup(next, model)}</div>`);
      i += 1;
    } else {
      out.push(fieldMarkup(field, model));
    }
  }
  return out;
}

export function renderIntakePage(model: IntakePageModel): string {
  const groups = fieldGroups(model.zoneLabel, model.capacity, model.minAttendance, model.locale);
  const hasErrors = !!model.notice || Object.keys(model.errors ?? {}).length > 0;
  const body = markup`<main>
<h1>Request a date at ${model.venueName}</h1>
<p class="venue">${model.organizationName}. Tell us about your show and we will get back to you.</p>
${summary(model, groups)}
<form method="post" action="${model.action}" novalidate id="intake-form" data-timezone="${model.timezone}" data-capacity="${model.capacity}" data-min-attendance="${model.minAttendance}" data-locale="${model.locale}">
<input type="hidden" name="formToken" value="${model.formToken}">
<div class="hp" aria-hidden="true"><label for="f-website">Leave this field empty</label><input type="text" id="f-website" name="website" tabindex="-1" autocomplete="off"></div>
${groups.map((g) => markup`<fieldset><legend>${g.legend}</legend>\n${rows(g.fields, model)}</fieldset>\n`)}
<button type="submit">Send request</button>
</form>
</main>`;
  return layout({
    title: `${hasErrors ? 'Error: ' : ''}Request a date at ${model.venueName}`,
    body,
    scriptUrl: model.scriptUrl,
  });
}
