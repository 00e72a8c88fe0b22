import { useCallback, useMemo, useReducer } from 'react';
import type { FormValue } from './form-values.ts';
import { sameFormValue } from './payload.ts';

/**
 * The form's whole state in one reducer: what the inputs hold, what they opened with, and what the
 * user touched. Drafts, the leave guard and the conflict dialog plug in here: they read `values`,
 * `original` and `dirty`, and restore a draft or a merged version with `reset`.
 */
export interface FormState {
  values: Record<string, FormValue>;
  original: Record<string, FormValue>;
  touched: ReadonlySet<string>;
}

type FormAction =
  | { type: 'set'; field: string; value: FormValue }
  | { type: 'reset'; original: Record<string, FormValue>; values?: Record<string, FormValue> };

function reduce(state: FormState, action: FormAction): FormState {
  switch (action.type) {
    case 'set':
      return {
        ...state,
        values: { ...state.values, [action.field]: action.value },
        touched: new Set([...state.touched, action.field]),
      };
    case 'reset':
      return { original: action.original, values: action.values ?? action.original, touched: new Set() };
  }
}

export interface RecordForm extends FormState {
  dirty: boolean;
  setValue: (field: string, value: FormValue) => void;
  /** Starts again from `original` (or from `values` over it: a restored draft, a resolved conflict). */
  reset: (original: Record<string, FormValue>, values?: Record<string, FormValue>) => void;
}

export function useRecordForm(
  initialOriginal: Record<string, FormValue>,
  initialValues: Record<string, FormValue> = initialOriginal,
): RecordForm {
  const [state, dispatch] = useReducer(reduce, undefined, () => ({
    original: initialOriginal,
    values: initialValues,
    touched: new Set<string>(),
  }));
  const setValue = useCallback(
    (field: string, value: FormValue) => dispatch({ type: 'set', field, value }),
    [],
  );
  const reset = useCallback(
    (original: Record<string, FormValue>, values?: Record<string, FormValue>) =>
      dispatch({ type: 'reset', original, ...(values ? { values } : {}) }),
    [],
  );
  const dirty = useMemo(
    () =>
      Object.keys({ ...state.values, ...state.original }).some(
        (key) => !sameFormValue(state.values[key], state.original[key]),
      ),
    [state],
  );
  return { ...state, dirty, setValue, reset };
}
