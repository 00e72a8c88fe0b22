import '@mantine/core/styles.css';
import { MantineProvider, Title } from '@mantine/core';

export function App() {
  return (
    <MantineProvider defaultColorScheme="auto">
      <Title order={1}>Alyx Explorer</Title>
    </MantineProvider>
  );
}
