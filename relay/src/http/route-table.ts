// Which methods each registered path answers, so a request that found no route can be told
// apart: an unknown path (404) or a known path with the wrong method (405 with Allow).
// Patterns use fastify's syntax; `:param` matches one segment and `*` the rest.

interface RoutePattern {
  readonly regex: RegExp;
  readonly methods: Set<string>;
}

export class RouteTable {
  readonly #patterns = new Map<string, RoutePattern>();

  add(method: string | readonly string[], url: string): void {
    // catch-alls (the CORS preflight route is `OPTIONS *`) would make every path "known"
    if (url === '*' || url === '/*') return;
    let pattern = this.#patterns.get(url);
    if (!pattern) {
      pattern = { regex: toRegex(url), methods: new Set() };
      this.#patterns.set(url, pattern);
    }
    for (const m of typeof method === 'string' ? [method] : method) pattern.methods.add(m.toUpperCase());
  }

  /** Methods allowed on a concrete path, sorted; empty when no route has this path. */
  methodsFor(path: string): string[] {
    const methods = new Set<string>();
    for (const pattern of this.#patterns.values()) {
      if (pattern.regex.test(path)) for (const m of pattern.methods) methods.add(m);
    }
    return [...methods].sort();
  }
}

function toRegex(url: string): RegExp {
  const body = url
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*';
      if (segment.startsWith(':')) return '[^/]+';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${body}$`);
}
