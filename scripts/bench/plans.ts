import pg from 'pg';

/**
 * Which indexes a query function's SQL uses: the app's pool is replaced by one that
 * records statements while asked to, and each recorded statement is EXPLAINed (no
 * ANALYZE) with its own parameters. Bench-only instrumentation; lib/ is untouched.
 */

type Recorded = { text: string; values: unknown[] };

export type PlanRecorder = {
  record: <T>(work: () => Promise<T>) => Promise<Recorded[]>;
  explain: (statements: Recorded[]) => Promise<string>;
};

/** Installs the recording pool where lib/database/pool.ts looks for it. Call before the first query. */
export function installPlanRecorder(url: string): PlanRecorder | null {
  const holder = globalThis as unknown as { casedeskPool?: pg.Pool };
  if (holder.casedeskPool) return null;
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  let recorded: Recorded[] | null = null;
  const original = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  (pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => {
    const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    if (recorded)
      recorded.push(
        typeof first === 'string'
          ? { text: first, values: second ?? [] }
          : { text: first.text, values: first.values ?? [] },
      );
    return original(...args);
  };
  holder.casedeskPool = pool;

  return {
    record: async (work) => {
      recorded = [];
      try {
        await work();
        return recorded;
      } finally {
        recorded = null;
      }
    },
    explain: async (statements) => {
      const indexes = new Set<string>();
      const seqScans = new Set<string>();
      for (const statement of statements) {
        if (!/^\s*(SELECT|WITH|\()/i.test(statement.text)) continue;
        const { rows } = (await original({
          text: `EXPLAIN (FORMAT JSON) ${statement.text}`,
          values: statement.values,
        })) as { rows: { 'QUERY PLAN': unknown }[] };
        walk(rows[0]['QUERY PLAN'], (node) => {
          if (typeof node['Index Name'] === 'string') indexes.add(node['Index Name']);
          if (node['Node Type'] === 'Seq Scan') seqScans.add(String(node['Relation Name']));
        });
      }
      return [...[...indexes].sort(), ...[...seqScans].sort().map((table) => `seq scan ${table}`)].join(', ') || '–';
    },
  };
}

function walk(value: unknown, visit: (node: Record<string, unknown>) => void) {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit);
  } else if (value && typeof value === 'object') {
    visit(value as Record<string, unknown>);
    for (const inner of Object.values(value)) walk(inner, visit);
  }
}
