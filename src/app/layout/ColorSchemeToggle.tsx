import { ActionIcon, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { IconAuto, IconMoon, IconSun } from '../../components/icons.tsx';

const NEXT: Record<MantineColorScheme, MantineColorScheme> = { light: 'dark', dark: 'auto', auto: 'light' };
const ICONS = { light: IconSun, dark: IconMoon, auto: IconAuto };

export function ColorSchemeToggle() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const Icon = ICONS[colorScheme];
  const label = `Color scheme: ${colorScheme} (switch to ${NEXT[colorScheme]})`;
  return (
    <ActionIcon
      variant="default"
      size="lg"
      aria-label={label}
      title={label}
      onClick={() => setColorScheme(NEXT[colorScheme])}
    >
      <Icon />
    </ActionIcon>
  );
}
