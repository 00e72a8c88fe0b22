import { table } from './sql.ts';
import type { CreateHookInput, HookContext, ResourceHooks, StoredRow } from './types.ts';
import { WriteRefused } from './write-refused.ts';

/** ALF session paths always carry a number; `001` is what a client means when it sends none. */
const DEFAULT_NUMBER = 1;

async function addUser(ctx: HookContext, sessionId: unknown): Promise<void> {
  await ctx.query(
    `UPDATE ${table('sessions')} SET users = array_append(users, $2::uuid) WHERE id = $1 AND NOT ($2::uuid = ANY(users))`,
    [sessionId, ctx.userId],
  );
}

/**
 * Alyx's DatasetSerializer.create: with no `session` but a `subject` and `date`, the dataset goes
 * to that subject's session on that date with that `number`, made on the spot if there is none
 * (requester as user, subject's lab). The requester joins the users of a session found.
 */
async function beforeCreate(
  { values, writeOnly }: CreateHookInput,
  ctx: HookContext,
): Promise<Record<string, unknown>> {
  const { subject, date } = writeOnly;
  if (values.session !== null && values.session !== undefined) return values;
  if (typeof subject !== 'string' || typeof date !== 'string') return values;
  const number = typeof writeOnly.number === 'number' ? writeOnly.number : DEFAULT_NUMBER;
  const [found] = await ctx.query<StoredRow>(
    `SELECT id FROM ${table('sessions')} WHERE subject = $1 AND start_time::date = $2::date AND number = $3
     ORDER BY start_time, id LIMIT 1`,
    [subject, date, number],
  );
  if (found) {
    await addUser(ctx, found.id);
    return { ...values, session: found.id };
  }
  const [owner] = await ctx.query<{ lab: unknown }>(`SELECT lab FROM ${table('subjects')} WHERE id = $1`, [
    subject,
  ]);
  const created = await ctx.insert('sessions', {
    subject,
    lab: owner?.lab ?? null,
    number,
    start_time: `${date}T00:00:00`,
    users: [ctx.userId],
  });
  return { ...values, session: created.id };
}

/** Alyx's DatasetDetail.delete: a dataset carrying a protected tag is not deleted. */
async function beforeDelete(row: StoredRow, ctx: HookContext): Promise<void> {
  const tags = await ctx.query<{ name: string }>(
    `SELECT tg.name FROM ${table('datasets')} d JOIN ${table('tags')} tg ON tg.id = ANY(d.tags)
     WHERE d.id = $1 AND tg.protected ORDER BY tg.name`,
    [row.id],
  );
  if (tags.length === 0) return;
  const names = tags.map((t) => t.name).join(', ');
  throw new WriteRefused(403, {
    detail: `Failed to delete dataset ${String(row.id)} due to protected tag(s) ${names}`,
  });
}

export const datasetHooks: ResourceHooks = { beforeCreate, beforeDelete };
