// The requests list's filters, held in the address (#/requests?status=…&from=…&to=…&sort=…&page=…)
// so a filtered list can be bookmarked, shared and gone back to. Any change but a page turn goes
// back to the first page.
import { requestStatuses } from '@promoteros/shared';
import type { CommandArgs, CommandResult } from '../../../common/command-map.js';
import { navigate, routeHash } from '../data/route.js';

export type Status = CommandResult<'requests.list'>['rows'][number]['status'];
export type Sort = NonNullable<CommandArgs<'requests.list'>['sort']>;

export interface RequestFilters {
  readonly statuses: Status[];
  readonly page: number;
  readonly from: string | null;
  readonly to: string | null;
  readonly sort: Sort;
  go(next: { statuses?: Status[]; page?: number; from?: string; to?: string; sort?: Sort }): void;
  /** one status in or out of the filter */
  toggle(status: Status): void;
}

export function requestFilters(params: URLSearchParams): RequestFilters {
  const statuses = (params.get('status') ?? '')
    .split(',')
    .filter((status): status is Status => (requestStatuses as readonly string[]).includes(status));
  const page = Math.max(0, Number(params.get('page') ?? '0') || 0);
  const from = params.get('from');
  const to = params.get('to');
  const sort: Sort = params.get('sort') === 'preferred' ? 'preferred' : 'submitted';
  const go: RequestFilters['go'] = (next) =>
    navigate(
      routeHash('requests', {
        status: (next.statuses ?? statuses).join(','),
        from: next.from ?? from,
        to: next.to ?? to,
        sort: (next.sort ?? sort) === 'preferred' ? 'preferred' : null,
        page: String(next.page ?? 0) === '0' ? null : String(next.page ?? 0),
      }),
    );
  const toggle = (status: Status) =>
    go({ statuses: statuses.includes(status) ? statuses.filter((each) => each !== status) : [...statuses, status] });
  return { statuses, page, from, to, sort, go, toggle };
}
