import { col, fk, jsonColumn, m2m, nameColumn } from './builders.ts';
import type { ColumnDeclaration, WriteContext } from './types.ts';

/**
 * The columns of Alyx's abstract `BaseAction` model (actions/models.py), which sessions and
 * surgeries both inherit: who did what, where, when, to which subject.
 */
export function baseActionColumns(options: {
  /** Django's reverse accessor from subjects (`actions_sessions`, `actions_surgerys`). */
  relatedName: string;
  /** What the location means for this action. */
  locationHelp: string;
}): ColumnDeclaration[] {
  return [
    nameColumn(),
    jsonColumn(),
    fk('subject', 'subjects', 'cascade', { relatedName: options.relatedName }),
    m2m('users', 'users', {
      default: (ctx: WriteContext) => [ctx.userId],
      helpText: 'The user(s) involved in this action',
    }),
    fk('location', 'locations', 'set-null', { helpText: options.locationHelp }),
    m2m('procedures', 'procedures', { helpText: 'The procedure(s) performed' }),
    fk('lab', 'labs', 'set-null'),
    col('narrative', 'text', { blank: true, default: '' }),
    col('start_time', 'datetime', { nullable: true }),
    col('end_time', 'datetime', { nullable: true }),
  ];
}
