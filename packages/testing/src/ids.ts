/**
 * Makes ids such as `file-000001`, `asst_000002`: one counter per prefix and
 * per server, so that the ids of a test are the same on every run.
 *
 * @example
 * const ids = createIdGenerator();
 * ids('file-'); // 'file-000001'
 * ids('file-'); // 'file-000002'
 */
export function createIdGenerator(): (prefix: string) => string {
  const counters = new Map<string, number>();
  return (prefix) => {
    const next = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, next);
    return `${prefix}${String(next).padStart(6, '0')}`;
  };
}
