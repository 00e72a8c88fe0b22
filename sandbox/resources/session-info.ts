import { idArraySql, isoSql, num, table } from './sql.ts';
import type { RenderContext, StoredRow } from './types.ts';

/**
 * The nested `SessionList` of experiments serializers (`ProbeInsertion.session_info`,
 * `TrajectoryEstimate.session`): `{subject, start_time, number, lab, id, projects, task_protocol}`,
 * for the session whose pk is `sessionIdOf(row)` (null when there is none).
 */
export async function sessionInfos(
  rows: readonly StoredRow[],
  ctx: RenderContext,
  sessionIdSql: string,
): Promise<unknown[]> {
  if (rows.length === 0) return [];
  const found = await ctx.query(
    `WITH owner AS (${sessionIdSql})
     SELECT owner.id AS owner, sub.nickname AS subject, ${isoSql('s.start_time')} AS start_time, s.number, l.name AS lab, s.id,
       ARRAY(SELECT p.name FROM ${table('projects')} p WHERE p.id = ANY(s.projects) ORDER BY p.name) AS projects,
       s.task_protocol
     FROM owner JOIN ${table('sessions')} s ON s.id = owner.session
     LEFT JOIN ${table('subjects')} sub ON sub.id = s.subject LEFT JOIN ${table('labs')} l ON l.id = s.lab`,
    [JSON.stringify(rows.map((r) => r.id))],
  );
  const byOwner = new Map(found.map((r) => [String(r.owner), r]));
  return rows.map((row) => {
    const s = byOwner.get(String(row.id));
    if (!s) return null;
    return {
      subject: s.subject ?? null,
      start_time: s.start_time ?? null,
      number: num(s.number),
      lab: s.lab ?? null,
      id: s.id,
      projects: Array.isArray(s.projects) ? s.projects : [],
      task_protocol: s.task_protocol ?? '',
    };
  });
}

/** `owner` CTE body for insertions: `(id, session)` of the page's insertions. */
export const INSERTION_SESSIONS = `SELECT pi.id, pi.session FROM ${table('insertions')} pi WHERE pi.id = ANY(${idArraySql('$1')})`;

/** `owner` CTE body for trajectories: each trajectory's insertion's session. */
export const TRAJECTORY_SESSIONS = `SELECT tr.id, pi.session FROM ${table('trajectories')} tr
  JOIN ${table('insertions')} pi ON pi.id = tr.probe_insertion WHERE tr.id = ANY(${idArraySql('$1')})`;
