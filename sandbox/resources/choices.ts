import type { Choice } from './types.ts';

/** Alyx QC levels (`int-brain-lab/ONE: one/alf/spec.py`), stored as integers, shown as labels. */
export const QC_CHOICES: readonly Choice[] = [
  { value: 50, label: 'CRITICAL' },
  { value: 40, label: 'FAIL' },
  { value: 30, label: 'WARNING' },
  { value: 0, label: 'NOT_SET' },
  { value: 10, label: 'PASS' },
];

export const SEX_CHOICES: readonly Choice[] = [
  { value: 'M', label: 'Male' },
  { value: 'F', label: 'Female' },
  { value: 'U', label: 'Unknown' },
];

export const OUTCOME_TYPE_CHOICES: readonly Choice[] = [
  { value: 'a', label: 'Acute' },
  { value: 'r', label: 'Recovery' },
  { value: 'n', label: 'Non-recovery' },
];

export const PROTOCOL_NUMBER_CHOICES: readonly Choice[] = ['1', '2', '3', '4'].map((v) => ({
  value: v,
  label: v,
}));

export const SEVERITY_CHOICES: readonly Choice[] = [
  { value: 1, label: 'Sub-threshold' },
  { value: 2, label: 'Mild' },
  { value: 3, label: 'Moderate' },
  { value: 4, label: 'Severe' },
  { value: 5, label: 'Non-recovery' },
];

export const ZYGOSITY_CHOICES: readonly Choice[] = [
  { value: 0, label: 'Absent' },
  { value: 1, label: 'Heterozygous' },
  { value: 2, label: 'Homozygous' },
  { value: 3, label: 'Present' },
];

export const TASK_STATUS_CHOICES: readonly Choice[] = [
  { value: 20, label: 'Waiting' },
  { value: 25, label: 'Held' },
  { value: 30, label: 'Started' },
  { value: 40, label: 'Errored' },
  { value: 45, label: 'Abandoned' },
  { value: 50, label: 'Empty' },
  { value: 55, label: 'Incomplete' },
  { value: 60, label: 'Complete' },
];

export const TRAJECTORY_PROVENANCE_CHOICES: readonly Choice[] = [
  { value: 70, label: 'Ephys aligned histology track' },
  { value: 50, label: 'Histology track' },
  { value: 30, label: 'Micro-manipulator' },
  { value: 10, label: 'Planned' },
];

export const LIGHT_CYCLE_CHOICES: readonly Choice[] = [
  { value: 0, label: 'Normal' },
  { value: 1, label: 'Inverted' },
];

/** Stored value of a label (case-insensitive) or of a numeric string; undefined when neither. */
export function choiceValue(choices: readonly Choice[], input: string): string | number | undefined {
  const trimmed = input.trim();
  const byLabel = choices.find((c) => c.label.toLowerCase() === trimmed.toLowerCase());
  if (byLabel) return byLabel.value;
  const byValue = choices.find((c) => String(c.value) === trimmed);
  return byValue?.value;
}

export function choiceLabel(choices: readonly Choice[], value: unknown): string | null {
  const found = choices.find((c) => c.value === value || String(c.value) === String(value));
  return found ? found.label : null;
}
