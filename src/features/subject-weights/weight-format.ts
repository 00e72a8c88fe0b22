const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export const formatWeighingDate = (time: number): string => dateTime.format(time);
export const formatDay = (time: number): string => date.format(time);
export const formatWeight = (grams: number | null): string =>
  grams === null ? '—' : `${grams.toFixed(1)} g`;
