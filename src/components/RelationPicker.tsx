import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/VisuallyHidden.layer.css';
import '@mantine/core/styles/Overlay.layer.css';
import '@mantine/core/styles/Popover.layer.css';
import '@mantine/core/styles/Combobox.layer.css';
import '@mantine/core/styles/Pill.layer.css';
import '@mantine/core/styles/PillsInput.layer.css';
import {
  Autocomplete,
  TagsInput,
  type ComboboxGenericItem,
  type ComboboxParsedItem,
  type ComboboxLikeRenderOptionInput,
} from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import classes from './RelationPicker.module.css';
import type { InstanceConfig } from '../api/instances.ts';
import { suggestionsQuery, type Suggestion } from '../api/queries/suggestions.ts';
import type { ApiModel } from '../api/schema/model.ts';
import { useDropdownAria } from './use-dropdown-aria.ts';

interface RelationPickerProps {
  instance: InstanceConfig;
  model: ApiModel;
  label: string;
  description?: string;
  endpoint: string;
  field: string;
  value: string;
  onChange: (value: string) => void;
  /** Form use: a validation message, a required mark, a disabled state, a larger size. */
  error?: string | null;
  required?: boolean;
  disabled?: boolean;
  size?: 'xs' | 'sm';
}

// Shown at once: the list never scrolls (its options are reached with the arrow keys from the
// input, so a scrolling list would be a region keyboard users cannot scroll); typing narrows it.
const SHOWN = 8;
const DROPDOWN_HEIGHT = 480;

function useSuggestions(
  instance: InstanceConfig,
  model: ApiModel,
  endpoint: string,
  field: string,
  text: string,
  wanted: boolean,
): Suggestion[] {
  const [typed] = useDebouncedValue(text, 150);
  const searchable = model.endpoints[endpoint]?.filters.some((f) => f.name === 'django') ?? false;
  const query = useQuery({
    ...suggestionsQuery(instance, endpoint, field, typed, searchable),
    placeholderData: keepPreviousData,
    // A form has several pickers; none asks its endpoint until the user comes to it.
    enabled: wanted,
  });
  return query.data ?? NO_SUGGESTIONS;
}

const NO_SUGGESTIONS: Suggestion[] = [];

/** Each option shows its lookup and, dimmed below it, what the record is (a subject's lab and sex). */
function useOptionRenderer(suggestions: Suggestion[]) {
  return useMemo(() => {
    const descriptions = new Map(suggestions.map((s) => [s.value, s.description]));
    return ({ option }: ComboboxLikeRenderOptionInput<ComboboxGenericItem>): ReactNode => {
      const value = 'value' in option ? String(option.value) : '';
      const description = descriptions.get(value);
      return (
        <span className={classes.option}>
          <span>{value}</span>
          {description ? <span className={classes.description}>{description}</span> : null}
        </span>
      );
    };
  }, [suggestions]);
}

/** What the single and the multiple picker share: labels, states, and a dropdown of SHOWN options. */
function comboboxInputProps({
  size = 'xs',
  label,
  description,
  error,
  required,
  disabled,
  endpoint,
  field,
}: Pick<
  RelationPickerProps,
  'size' | 'label' | 'description' | 'error' | 'required' | 'disabled' | 'endpoint' | 'field'
>) {
  return {
    size,
    label,
    description,
    error,
    required,
    disabled,
    limit: SHOWN,
    maxDropdownHeight: DROPDOWN_HEIGHT,
    clearable: true,
    placeholder: `${endpoint} ${field}`,
    filter: ({ options, limit }: { options: ComboboxParsedItem[]; limit: number }) => options.slice(0, limit),
  };
}

/**
 * Suggests existing values of the target endpoint as the user types. Endpoints with `django=`
 * are searched on the server (subjects can be thousands); small ones are loaded once.
 */
export function RelationPicker(props: RelationPickerProps) {
  const onDropdownOpen = useDropdownAria();
  const { instance, model, endpoint, field, value, onChange } = props;
  const [wanted, setWanted] = useState(false);
  const suggestions = useSuggestions(instance, model, endpoint, field, value, wanted);
  const data = useMemo(() => suggestions.map((s) => s.value), [suggestions]);
  const renderOption = useOptionRenderer(suggestions);

  return (
    <Autocomplete
      onDropdownOpen={onDropdownOpen}
      {...comboboxInputProps(props)}
      value={value}
      onChange={onChange}
      onFocus={() => setWanted(true)}
      onMouseEnter={() => setWanted(true)}
      data={data}
      renderOption={renderOption}
    />
  );
}

interface MultiRelationPickerProps extends Omit<RelationPickerProps, 'value' | 'onChange'> {
  value: string[];
  onChange: (value: string[]) => void;
}

/** Many-to-many: several lookups of the target endpoint, each searched as it is typed. */
export function MultiRelationPicker(props: MultiRelationPickerProps) {
  const onDropdownOpen = useDropdownAria();
  const { instance, model, endpoint, field, value, onChange } = props;
  const [search, setSearch] = useState('');
  const [wanted, setWanted] = useState(false);
  const suggestions = useSuggestions(instance, model, endpoint, field, search, wanted);
  const renderOption = useOptionRenderer(suggestions);
  return (
    <TagsInput
      onDropdownOpen={onDropdownOpen}
      {...comboboxInputProps(props)}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      onFocus={() => setWanted(true)}
      onMouseEnter={() => setWanted(true)}
      data={suggestions.map((s) => s.value).filter((option) => !value.includes(option))}
      renderOption={renderOption}
    />
  );
}
