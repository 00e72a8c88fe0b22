import { Box, Loader } from '@mantine/core';
import { useIsFetching } from '@tanstack/react-query';

/** A small spinner while any query fetches in the background; the space is kept so the header does not jump. */
export function FetchIndicator() {
  const fetching = useIsFetching();
  return (
    <Box
      w={20}
      display="flex"
      style={{ justifyContent: 'center' }}
      title={fetching > 0 ? `Loading (${fetching})` : undefined}
    >
      {fetching > 0 ? <Loader size={16} role="status" aria-label="Loading in the background" /> : null}
    </Box>
  );
}
