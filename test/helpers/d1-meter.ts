// A D1 binding that counts what a handler costs: statements executed, round
// trips to the database, and the rows D1 reports reading and writing. Pass
// `{ ...env, DB: meter.db }` to a handler and read the counters afterwards.
//
// drizzle reads selects through `.raw()`, which returns no meta; here raw()
// runs `.all()` and turns each row object into its values, as drizzle does in
// batch mode, so every select is measured. (Like batch mode, this collapses
// duplicate column names in a join: select distinct names.)

export interface D1Cost {
  /** Statements executed, batched or not. */
  statements: number;
  /** Calls to the database: one per unbatched statement, one per batch. */
  roundTrips: number;
  rowsRead: number;
  rowsWritten: number;
}

export interface D1Meter {
  db: D1Database;
  /** Counters since the last reset. */
  readonly cost: D1Cost;
  /** The SQL of every statement executed since the last reset, in order. */
  readonly log: readonly string[];
  reset(): void;
}

interface Counters {
  cost: D1Cost;
  log: string[];
}

function record(counters: Counters, sql: string, meta: D1Meta): void {
  counters.cost.statements += 1;
  counters.cost.rowsRead += meta.rows_read;
  counters.cost.rowsWritten += meta.rows_written;
  counters.log.push(sql);
}

class MeteredStatement implements D1PreparedStatement {
  constructor(
    readonly inner: D1PreparedStatement,
    readonly sql: string,
    private readonly counters: Counters,
  ) {}

  bind(...values: unknown[]): D1PreparedStatement {
    return new MeteredStatement(this.inner.bind(...values), this.sql, this.counters);
  }

  first<T = unknown>(colName: string): Promise<T | null>;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  async first<T>(colName?: string): Promise<T | null> {
    if (colName === undefined) {
      const { results } = await this.all<T>();
      return results[0] ?? null;
    }
    const { results } = await this.all<Record<string, T>>();
    return results[0]?.[colName] ?? null;
  }

  async run<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    const result = await this.inner.run<T>();
    this.counters.cost.roundTrips += 1;
    record(this.counters, this.sql, result.meta);
    return result;
  }

  async all<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    const result = await this.inner.all<T>();
    this.counters.cost.roundTrips += 1;
    record(this.counters, this.sql, result.meta);
    return result;
  }

  raw<T = unknown[]>(options: { columnNames: true }): Promise<[string[], ...T[]]>;
  raw<T = unknown[]>(options?: { columnNames?: false }): Promise<T[]>;
  async raw(options?: { columnNames?: boolean }): Promise<[string[], ...unknown[][]] | unknown[][]> {
    const { results } = await this.all();
    const rows = results.map((row) => Object.values(row));
    if (options?.columnNames) return [Object.keys(results[0] ?? {}), ...rows];
    return rows;
  }
}

class MeteredDatabase implements D1Database {
  constructor(
    private readonly inner: D1Database,
    private readonly counters: Counters,
  ) {}

  prepare(query: string): D1PreparedStatement {
    return new MeteredStatement(this.inner.prepare(query), query, this.counters);
  }

  async batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
    const inner = statements.map((statement) => {
      if (!(statement instanceof MeteredStatement)) throw new Error("d1-meter: batch got a statement it did not prepare");
      return statement;
    });
    const results = await this.inner.batch<T>(inner.map((statement) => statement.inner));
    this.counters.cost.roundTrips += 1;
    results.forEach((result, i) => record(this.counters, inner[i]?.sql ?? "", result.meta));
    return results;
  }

  exec(query: string): Promise<D1ExecResult> {
    return this.inner.exec(query);
  }

  withSession(): D1DatabaseSession {
    throw new Error("d1-meter: sessions are not metered");
  }

  dump(): Promise<ArrayBuffer> {
    return this.inner.dump();
  }
}

function zero(): D1Cost {
  return { statements: 0, roundTrips: 0, rowsRead: 0, rowsWritten: 0 };
}

export function meterD1(inner: D1Database): D1Meter {
  const counters: Counters = { cost: zero(), log: [] };
  return {
    db: new MeteredDatabase(inner, counters),
    get cost() {
      return { ...counters.cost };
    },
    get log() {
      return [...counters.log];
    },
    reset() {
      counters.cost = zero();
      counters.log = [];
    },
  };
}
